/**
 * The guard every bullet passes before it can be chosen: a reader who meets one broken or misleading
 * bullet stops trusting the box, so a form of a sentence that is not a whole, true sentence is refused
 * rather than shown. The checks:
 * - every word of the bullet is a word of its source, in order (nothing glued, cut or invented);
 * - commas, quotation marks and brackets are paired, and no punctuation is doubled or left hanging;
 * - no dateline, legal boilerplate, forward-looking-statements line, or first-person line outside a
 *   quotation (an interview's answer means nothing without its question);
 * - in English (tagged, `src/engine/text/syntax.ts`): each sentence has a main clause (a subject and a
 *   verb) and opens with a subordinate clause or a phrase only when its main clause follows; and the
 *   bullet does not open with a pronoun, whose antecedent would be missing.
 */
import { isTaggedLanguage, tag, type Token } from '../text/syntax.ts';

/** Why a form was refused, or `pronoun` for a form fit only to follow the sentence it points back to. */
export type GuardVerdict = 'ok' | 'pronoun' | 'refused';

/** Words that only point back: a bullet may not open with them, though a joined sentence may. */
const POINTING_BACK = new Set([
  'it',
  'its',
  'they',
  'their',
  'them',
  'he',
  'his',
  'him',
  'she',
  'her',
  'this',
  'that',
  'these',
  'those',
  'such',
]);

const FIRST_PERSON =
  /(?<![\p{L}'’])(?:I|I'm|I’m|I've|I’ve|[Ww]e|[Ww]e're|[Ww]e’re|[Ww]e've|[Ww]e’ve|[Oo]ur|[Oo]urs|[Uu]s|[Mm]y|[Mm]e)(?![\p{L}'’])/u;

/** Lines that are a release's furniture, not its news. */
const FURNITURE: readonly RegExp[] = [
  // Datelines: "Essen, 3 May 2026." "LONDON, May 5 (Reuters) -", "Stuttgart, 14 July 2026 –".
  /^[\p{Lu}][\p{L}.\s-]{1,30},\s(?:\d{1,2}\s\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+\.?\s\d{1,2})(?:,?\s\d{4})?\s*(?:\([^)]*\)\s*)?(?:[.–—-]|$)/u,
  /^\p{Lu}{2,}(?:\s\p{Lu}{2,})*\s*[,(—–-]/u,
  // Legal boilerplate and disclaimers.
  /\b(?:pursuant to|inside information|ad[- ]hoc (?:announcement|release|disclosure)|Art(?:icle|\.)\s?\d+\s?(?:MAR|of Regulation)|Regulation \(EU\)|forward-looking statements?|safe harbou?r|undertakes? no obligation|not an offer|solicitation of an offer|for further information|investor relations contact|media contact|end of (?:the )?(?:announcement|release))/i,
];

interface Pairing {
  readonly open: string;
  readonly close: string;
}
const PAIRS: readonly Pairing[] = [
  { open: '(', close: ')' },
  { open: '[', close: ']' },
  { open: '“', close: '”' },
];

/** Letter-and-digit runs: the words a bullet must share with its source. */
const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Whether `part`'s words appear in `whole`, in order, each whole. */
export function wordsFrom(part: string, whole: string): boolean {
  const source = words(whole);
  let at = 0;
  for (const word of words(part)) {
    while (at < source.length && source[at] !== word) at += 1;
    if (at === source.length) return false;
    at += 1;
  }
  return true;
}

function paired(text: string): boolean {
  for (const { open, close } of PAIRS) {
    let depth = 0;
    for (const char of text) {
      if (char === open) depth += 1;
      else if (char === close && --depth < 0) return false;
    }
    if (depth !== 0) return false;
  }
  if ((text.match(/"/g) ?? []).length % 2 !== 0) return false;
  // Doubled or hanging punctuation: ",,", ", ." "( ," a comma before a closing bracket, or an opening one.
  // or a space before a comma or stop.
  return !/[,;:]\s*[,.;:!?)]|\(\s*[,;:]|^[\s,;:.)]|\s[,;:.](?!\d)/.test(text);
}

/** Text outside quotation marks: what the author says, not what someone is quoted as saying. */
function outsideQuotes(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"/g, ' ');
}

const SUBORDINATORS = new Set([
  'when',
  'while',
  'whilst',
  'although',
  'though',
  'because',
  'if',
  'unless',
  'since',
  'as',
  'after',
  'before',
  'once',
  'until',
  'whereas',
  'whether',
  'where',
]);
const SUBJECT_TAGS = new Set(['NOUN', 'PROPN', 'PRON', 'NUM', 'SYM', 'ADJ']);
/** Words tagged as prepositions that open a subject's quantity, not a phrase: "About 38% of votes …". */
const QUANTIFIERS = new Set([
  'about',
  'around',
  'nearly',
  'almost',
  'some',
  'over',
  'under',
  'roughly',
  'up',
  'more',
  'less',
]);
const VERB_TAGS = new Set(['VERB', 'AUX']);

/** Sentences of a tagged text, split at final stops that end a sentence. */
function sentencesOf(tokens: readonly Token[]): Token[][] {
  const sentences: Token[][] = [[]];
  tokens.forEach((token, index) => {
    sentences.at(-1)?.push(token);
    // A stop ends the sentence, or the quotation or bracket that closes just after it does.
    const next = tokens[index + 1]?.text ?? '';
    const ends =
      /^[.!?]$/.test(token.text) || (/^[”")]$/.test(token.text) && /^[.!?]$/.test(tokens[index - 1]?.text ?? ''));
    if (ends && !/^[”")]$/.test(next) && index < tokens.length - 1) sentences.push([]);
  });
  return sentences.filter((sentence) => sentence.length > 0);
}

/**
 * Whether the verb at `index` can carry a clause: not an infinitive ("to buy"), and not a bare
 * participle ("competitors cutting prices") unless an auxiliary comes just before it ("are cutting").
 */
export function finite(tokens: readonly Token[], index: number): boolean {
  const verb = tokens[index] as Token;
  if (tokens[index - 1]?.text.toLowerCase() === 'to') return false;
  if (verb.pos === 'AUX' || !/ing$/.test(verb.text)) return true;
  return [tokens[index - 1], tokens[index - 2]].some((token) => token?.pos === 'AUX');
}

/** A subject and then a verb, outside brackets and quotation marks, from `from` on. */
export function clauseFrom(tokens: readonly Token[], from: number): boolean {
  let subject = false;
  let depth = 0;
  for (let index = from; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (token.text === '(' || token.text === '“') depth += 1;
    else if (token.text === ')' || token.text === '”') depth -= 1;
    if (depth > 0) continue;
    if (SUBJECT_TAGS.has(token.pos)) subject = true;
    else if (subject && VERB_TAGS.has(token.pos) && finite(tokens, index)) return true;
  }
  return false;
}

/**
 * Whether a comma inside the subject lacks its partner: "The group, had raised …" (a subject cut from
 * its verb) or "The government, which holds 12% of the bank will not …" (an aside never closed).
 */
function unpairedSubjectComma(sentence: readonly Token[]): boolean {
  const commas = sentence.flatMap((token, index) => (token.text === ',' ? [index] : []));
  const [first] = commas;
  if (first === undefined || commas.length > 1) return false;
  const before = sentence.slice(0, first);
  if (before.some((token, index) => VERB_TAGS.has(token.pos) && finite(before, index))) return false;
  const after = sentence[first + 1];
  const head = sentence[first - 1];
  if (!after || !head || !/^(?:NOUN|PROPN)$/.test(head.pos)) return false;
  if (VERB_TAGS.has(after.pos) && finite(sentence, first + 1)) return true;
  return RELATIVE.has(after.text.toLowerCase()) && clauseFrom(sentence, first + 2) && before.length <= 6;
}

const RELATIVE = new Set(['which', 'who', 'whose']);

/** Whether one tagged sentence has a main clause: one that does not sit inside an opening phrase. */
function hasMainClause(sentence: readonly Token[]): boolean {
  const [first] = sentence;
  if (!first) return false;
  const opener = first.text.toLowerCase();
  // "When Jane Doe became chief executive." "From the record high of 283 euros reached in February."
  // "Based on …": an opening subordinate clause or phrase needs its main clause after a comma.
  const participle = /^\p{L}+(?:ed|ing)$/u.test(first.text) && /^(?:ADP|DET)$/.test(sentence[1]?.pos ?? '');
  const phrase = first.pos === 'ADP' && !QUANTIFIERS.has(opener);
  const opensDependent = SUBORDINATORS.has(opener) || first.pos === 'SCONJ' || phrase || participle;
  if (!opensDependent) return clauseFrom(sentence, 0);
  // The main clause after the opening one: past its comma, or, after a phrase written without one
  // ("At its last meeting the central bank left …"), from a later determiner on.
  return sentence.some(
    (token, index) =>
      (token.text === ',' && clauseFrom(sentence, index + 1)) ||
      (phrase && index > 2 && token.pos === 'DET' && clauseFrom(sentence, index)),
  );
}

/** Quantities of something named before: "None of that changes …", "Most of them …". */
const PARTITIVES = new Set(['none', 'all', 'much', 'some', 'most', 'both', 'each', 'neither', 'many', 'half']);

/** Whether a text opens with a word that points back: "It …", "Their …", "None of that …". */
function pointsBack(tokens: readonly Token[]): boolean {
  const [first, second, third] = tokens.map((token) => token.text.toLowerCase());
  if (POINTING_BACK.has(first ?? '')) return true;
  return PARTITIVES.has(first ?? '') && second === 'of' && POINTING_BACK.has(third ?? '');
}

/**
 * Whether `bullet`, a form of `source` (one sentence, or two joined), may stand in the box: `ok`,
 * `pronoun` when it fails only for opening with a word that points back, or `refused`. `tokens` are the
 * bullet's own tokens, tagged as part of its source (the shortener has them); they are tagged here when
 * not given.
 */
export function guardBullet(bullet: string, source: string, lang?: string, tokens?: readonly Token[]): GuardVerdict {
  if (!wordsFrom(bullet, source) || !paired(bullet)) return 'refused';
  if (FURNITURE.some((pattern) => pattern.test(bullet))) return 'refused';
  if (FIRST_PERSON.test(outsideQuotes(bullet))) return 'refused';
  if (!isTaggedLanguage(lang)) return 'ok';
  const tagged = tokens ?? tag(bullet);
  const sentences = sentencesOf(tagged);
  if (!sentences.every(hasMainClause) || sentences.some(unpairedSubjectComma)) return 'refused';
  return pointsBack(tagged) ? 'pronoun' : 'ok';
}
