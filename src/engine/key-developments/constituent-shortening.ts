/**
 * Shortening without inventing, by syntax: a sentence is tagged (`src/engine/text/syntax.ts`) and a
 * shorter form deletes only whole constituents that do not carry the fact:
 * - attributions ("…, the company said on Friday", "According to LSEG data, …", ", official data showed,");
 * - appositives and relative clauses between paired commas ("The group, which owns 40 stores, had raised …"
 *   → "The group had raised …");
 * - closing phrases and clauses without a figure, nearest the end first (", citing record bookings",
 *   ", its lowest level since June", ", as it tries to restore margins");
 * - scene-setting openers ("In Xetra trading, "), leading discourse markers ("However, "), datelines
 *   ("Stuttgart, 14 July 2026 – "), weekday phrases as whole phrases ("on Friday", not the "Friday" of
 *   "Friday's close"), clock times ("by 1345 GMT"), "in a statement", "also" and "now";
 * - brackets without a figure ("(NASDAQ: CRVS)");
 * - one of two clauses joined by ", and" / ", but" / ", while", each with its own subject and verb: the
 *   other stands whole as a fact of its own.
 * Within a clause it never deletes a figure, a time or period qualifier, a comparison base, a member of
 * a list or anything inside quotation marks (a quotation goes whole or not at all). Every form, the whole
 * sentence included, must then pass the bullet guard (`bullet-guard.ts`); where no shorter form does, the
 * whole sentence is the candidate. Other languages keep their sentences whole: the tagger reads English
 * only.
 */
import { isTaggedLanguage, tag, type Token } from '../text/syntax.ts';
import { clauseFrom, guardBullet, type GuardVerdict } from './bullet-guard.ts';

/** One way to put a sentence as (part of) a bullet. */
export interface SentenceForm {
  readonly text: string;
  /** `ok` to stand alone; `pronoun` only after the sentence it points back to. */
  readonly verdict: Exclude<GuardVerdict, 'refused'>;
  /** The words before its first verb, as written: what a sentence joined to it must be about. */
  readonly subject: readonly string[];
  /** The subject as a noun phrase a later pronoun may stand for ("Tessaly Airlines", "The carrier"), if it is one. */
  readonly antecedent?: string | undefined;
}

export interface SentenceForms {
  readonly forms: readonly SentenceForm[];
  /** Forms the guard refused, the whole sentence among them. */
  readonly refused: number;
}

const SPEECH_VERBS = new Set([
  'said',
  'says',
  'say',
  'told',
  'reported',
  'reports',
  'added',
  'noted',
  'announced',
  'wrote',
  'showed',
  'show',
  'shows',
  'stated',
  'confirmed',
  'estimated',
  'according',
]);
const WEEKDAYS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
const TIMES_OF_DAY = /^(?:morning|afternoon|evening|night)$/;
/** Participles the tagger may read as nouns ("a price of $27 set late on Wednesday"), and any in -ed. */
const PARTICIPLES = /^(?:\p{L}+ed|set|held|made|paid|sold|cut|put|hit|struck|won|lost|given|taken|seen)$/u;
/** What a weekday keeps after it: "until Friday" is a deadline, not a day of reporting. */
const DEADLINE_WORDS = new Set(['until', 'by', 'before', 'after', 'from', 'since', 'through', 'till', 'to']);
const DISCOURSE_MARKERS = [
  'however',
  'meanwhile',
  'separately',
  'also',
  'still',
  'moreover',
  'additionally',
  'in addition',
  'by contrast',
  'in contrast',
  'at the same time',
  'as a result',
  'on top of that',
  'overall',
  'indeed',
  'in the meantime',
  'for comparison',
].map((marker) => marker.split(' '));
/** Words that make a span a time or period qualifier, or a comparison base: never deleted. */
const KEPT_WORDS =
  /^(?:quarter|quarters|year|years|month|months|week|weeks|half|period|earlier|ago|previous|prior|compared|versus|vs|from|than|fiscal|financial|annual|annually|January|February|March|April|May|June|July|August|September|October|November|December|Q[1-4]|H[12]|FY\d*)$/i;
const RELATIVE_PRONOUNS = new Set(['which', 'who', 'whose']);
const FIGURE_TAGS = new Set(['NUM', 'SYM']);

type Span = readonly [start: number, end: number];

/** Indexes of the commas not inside quotation marks or brackets. */
function topLevelCommas(tokens: readonly Token[]): number[] {
  const commas: number[] = [];
  let depth = 0;
  let straightQuotes = 0;
  tokens.forEach((token, index) => {
    if (token.text === '"') straightQuotes += 1;
    else if (/^[(“[]$/.test(token.text)) depth += 1;
    else if (/^[)”\]]$/.test(token.text)) depth -= 1;
    else if (token.text === ',' && depth === 0 && straightQuotes % 2 === 0) commas.push(index);
  });
  return commas;
}

/**
 * Whether a span may go: no figure, quotation mark, or word that `kept` names in it. A phrase keeps its
 * time qualifiers and comparison bases (KEPT_WORDS); a clause of its own only its comparison base
 * (COMPARISON_WORDS), as its period words date what the clause says and go with it ("…, citing bookings
 * for the second half of the year").
 */
function deletable(tokens: readonly Token[], [start, end]: Span, kept: RegExp = KEPT_WORDS): boolean {
  for (let index = start; index < end; index++) {
    const token = tokens[index] as Token;
    if (FIGURE_TAGS.has(token.pos) || /\d/.test(token.text) || /^["“”‘’]$/.test(token.text)) return false;
    if (kept.test(token.text)) return false;
  }
  return true;
}

/** The sentence's final punctuation, which every form keeps. */
function lastWord(tokens: readonly Token[]): number {
  const last = tokens.length - 1;
  return /^[.!?]$/.test(tokens[last]?.text ?? '') ? last : tokens.length;
}

/** Words of a comparison base, which a clause keeps even when its period words may go with it. */
const COMPARISON_WORDS = /^(?:compared|versus|vs|earlier|ago|previous|prior|previously)$/i;

const deletableClause = (tokens: readonly Token[], span: Span): boolean => deletable(tokens, span, COMPARISON_WORDS);

/** Constituents of a tagged sentence that a form may delete, each as a span of tokens. */
function deletableSpans(tokens: readonly Token[]): Span[] {
  const spans: Span[] = [];
  const end = lastWord(tokens);
  const lower = tokens.map((token) => token.text.toLowerCase());
  const commas = topLevelCommas(tokens);

  // Leading discourse marker with its comma: "However, ", "At the same time, ".
  for (const marker of DISCOURSE_MARKERS) {
    if (marker.every((word, at) => lower[at] === word) && tokens[marker.length]?.text === ',') {
      spans.push([0, marker.length + 1]);
    }
  }
  // Dateline: "Stuttgart, 14 July 2026 – " before the first verb; a dash between spaces, not the one of
  // "January–March".
  const dash = tokens.findIndex(
    (token, index) =>
      index > 0 &&
      index < 12 &&
      /^[–—]$/.test(token.text) &&
      token.start > (tokens[index - 1] as Token).end &&
      (tokens[index + 1]?.start ?? Infinity) > token.end,
  );
  if (dash > 0 && !tokens.slice(0, dash).some((token) => token.pos === 'VERB' || token.pos === 'AUX')) {
    spans.push([0, dash + 1]);
  }
  // Opening attribution: "According to LSEG data, …".
  const firstComma = commas[0];
  if (lower[0] === 'according' && lower[1] === 'to' && firstComma !== undefined) {
    spans.push([0, firstComma + 1]);
  }
  // An opening phrase that only sets the scene, before the main clause: "In Xetra trading, ",
  // "Released alongside the results, ", "On Xetra, "; never one with a figure or a period ("In March, ").
  const opener = tokens[0];
  if (
    firstComma !== undefined &&
    firstComma <= 8 &&
    (opener?.pos === 'ADP' || (opener?.pos === 'VERB' && /(?:ed|ing)$/.test(opener.text))) &&
    !SUBORDINATE_OPENERS.has(lower[0] ?? '') &&
    clauseFrom(tokens.slice(firstComma + 1, end), 0) &&
    deletable(tokens, [0, firstComma + 1])
  ) {
    spans.push([0, firstComma + 1]);
  }
  spans.push(...closingSpans(tokens, lower, commas, end));
  // Where in a market's day a move happened: "in late-morning trading", "in early Frankfurt trading".
  tokens.forEach((token, index) => {
    if (lower[index] !== 'in' && lower[index] !== 'during') return;
    let stop = index + 1;
    while (stop < end && /^(?:DET|ADJ|NOUN|PROPN|PUNCT)$/.test(tokens[stop]?.pos ?? '') && tokens[stop]?.text !== ',') {
      if (/^(?:trading|trade|session|dealings)$/i.test(tokens[stop]?.text ?? '')) {
        if (deletable(tokens, [index, stop + 1])) spans.push([index, stop + 1]);
        return;
      }
      stop += 1;
    }
  });
  // Asides between paired commas after a noun, where the main verb follows the closing comma.
  for (let at = 0; at + 1 < commas.length; at++) {
    const [open, close] = [commas[at] as number, commas[at + 1] as number];
    const head = tokens[open - 1];
    const first = tokens[open + 1];
    const after = tokens[close + 1];
    if (!head || !first || !after) continue;
    const aside = tokens.slice(open + 1, close);
    const relative = RELATIVE_PRONOUNS.has(first.text.toLowerCase());
    // An attribution inside the sentence: "rose to 4.6%, the Labor Department said, in a report …".
    const speech = aside.findIndex((token) => SPEECH_VERBS.has(token.text.toLowerCase()));
    if (
      speech > 0 &&
      speech <= 6 &&
      aside.slice(0, speech).every((token) => /^(?:DET|PROPN|NOUN|ADJ|PRON)$/.test(token.pos)) &&
      deletableClause(tokens, [open, close])
    ) {
      spans.push([open, close]);
    }
    const verb = (token: Token | undefined) => token?.pos === 'VERB' || token?.pos === 'AUX';
    const continues = verb(after) || (after.pos === 'ADV' && verb(tokens[close + 2]));
    // After a name, an appositive may also be followed by a phrase: "Pellow's Bakeries, the family-owned
    // maker of own-label bread, in a deal that …".
    const continuesAfterName = continues || (head.pos === 'PROPN' && after.pos === 'ADP');
    // A relative clause ("The two-year yield, which is more sensitive to rate expectations, rose …"):
    // the tagger may read its head noun as a verb, so any word but punctuation may be its head.
    if (relative && head.pos !== 'PUNCT' && continues && deletableClause(tokens, [open, close + 1])) {
      spans.push([open, close + 1]);
    }
    // A participle's clause before a coordinated one: "rose 12% to $3.4 billion, helped by a strong
    // holiday season, and it expects …".
    if (
      first.pos === 'VERB' &&
      /(?:ed|ing)$/.test(first.text) &&
      /^(?:CCONJ|SCONJ)$/.test(after.pos) &&
      deletableClause(tokens, [open, close])
    ) {
      spans.push([open, close]);
    }
    // A noun phrase about the figure before it, before a clause or phrase that goes on: "rose 17 basis
    // points to 3.62%, the highest on record, while the 40-year yield …".
    if (
      /^(?:NUM|SYM|NOUN)$/.test(head.pos) &&
      /^(?:CCONJ|SCONJ|ADP)$/.test(after.pos) &&
      describesWhatCameBefore(aside) &&
      deletableClause(tokens, [open, close])
    ) {
      spans.push([open, close]);
    }
    if (!(head.pos === 'NOUN' || head.pos === 'PROPN')) continue;
    // An appositive is a noun phrase that opens with a determiner ("the Hamburg-based operator of …"),
    // with a relative clause of its own at most: a name alone ("Columbus, Ohio,") is not one.
    const relativeAt = aside.findIndex((token) => /^(?:that|which|who|whose)$/i.test(token.text));
    const phrase = relativeAt >= 0 ? aside.slice(0, relativeAt) : aside;
    const appositive =
      first.pos === 'DET' &&
      phrase.every(
        (token, index) =>
          token.pos !== 'AUX' && (token.pos !== 'VERB' || phrase[index - 1]?.text === '-' || /ing$/.test(token.text)),
      );
    if (appositive && !relative && continuesAfterName && deletable(tokens, [open, close + 1])) {
      spans.push([open, close + 1]);
    }
  }
  // Weekday phrases, whole: "on Friday", "late on Wednesday evening"; never "Friday's".
  tokens.forEach((token, index) => {
    if (lower[index] !== 'on' || !WEEKDAYS.test(tokens[index + 1]?.text ?? '')) return;
    let stop = index + 2;
    if (TIMES_OF_DAY.test(tokens[stop]?.text ?? '')) stop += 1;
    if (/^['’]s?$/.test(tokens[stop]?.text ?? '') || DEADLINE_WORDS.has(lower[index - 1] ?? '')) return;
    // With its date after it, only the weekday goes: "on Friday, 30 January 2026" → "on 30 January 2026".
    if (stop === index + 2 && tokens[stop]?.text === ',' && /^\d/.test(tokens[stop + 1]?.text ?? '')) {
      spans.push([index + 1, stop + 1]);
      return;
    }
    const start = lower[index - 1] === 'late' || lower[index - 1] === 'early' ? index - 1 : index;
    // Not the only complement of a participle: "an IPO price of $27 set late on Wednesday".
    const participle = tokens[start - 1]?.pos === 'VERB' || PARTICIPLES.test(tokens[start - 1]?.text ?? '');
    const complementOnly = participle && /^[.,;!?]$/.test(tokens[stop]?.text ?? '.');
    if (complementOnly && start > 0 && !/^(?:said|says|announced|reported)$/.test(lower[start - 1] ?? '')) return;
    // At the start with its comma: "On Tuesday, …".
    spans.push(start === 0 && tokens[stop]?.text === ',' ? [0, stop + 1] : [start, stop]);
  });
  spans.push(...clauseSpans(tokens, commas, end), ...circumstanceSpans(tokens, lower, end));
  // Brackets without a figure: "(NASDAQ: CRVS)", "(MRLW)".
  tokens.forEach((token, index) => {
    if (token.text !== '(') return;
    const close = tokens.findIndex((candidate, at) => at > index && candidate.text === ')');
    if (close > index && !tokens.slice(index, close).some((inner) => /\d/.test(inner.text))) {
      spans.push([index, close + 1]);
    }
  });
  return spans;
}

/**
 * Closing constituents, each from its comma to the end of the sentence, nearest the end first: an
 * attribution (", the company said on Friday"), a participle's clause (", citing the risk …"), a noun
 * phrase about what came before (", its lowest level since June"), a relative clause (", which houses
 * its AI tools"), a reason (", as it tries to …") or a coordinated clause without a figure (", but
 * dropped a pledge to …"). Where the last one may go, the one before it may go with it.
 */
function closingSpans(
  tokens: readonly Token[],
  lower: readonly string[],
  commas: readonly number[],
  end: number,
): Span[] {
  const spans: Span[] = [];
  let tailEnd = end;
  for (const comma of [...commas].reverse()) {
    const tail = tokens.slice(comma + 1, tailEnd);
    const [opener] = tail;
    if (!opener) break;
    const speech = tail.findIndex((token) => SPEECH_VERBS.has(token.text.toLowerCase()));
    const attribution =
      speech >= 0 &&
      speech <= 6 &&
      tail.slice(0, speech).every((token) => /^(?:DET|PROPN|NOUN|ADJ|PRON|PART)$/.test(token.pos)) &&
      deletable(tokens, [comma, tailEnd]);
    const participle = opener.pos === 'VERB' && /(?:ing|ed)$/.test(opener.text);
    const nounPhrase = describesWhatCameBefore(tail);
    const clause =
      participle ||
      nounPhrase ||
      RELATIVE_PRONOUNS.has(lower[comma + 1] ?? '') ||
      CIRCUMSTANCE_OPENERS.has(lower[comma + 1] ?? '') ||
      /^(?:but|and|while|whereas)$/.test(lower[comma + 1] ?? '');
    if (!attribution && !(clause && deletableClause(tokens, [comma, tailEnd]))) break;
    spans.push([comma, end]);
    tailEnd = comma;
  }
  return spans;
}

/**
 * Whether a phrase is a noun phrase about what came before it, with no verb of its own: "the biggest
 * daily gain since November", "its lowest level since June", "one of the largest penalties of its kind".
 */
function describesWhatCameBefore(phrase: readonly Token[]): boolean {
  const [opener, next] = phrase;
  if (!opener) return false;
  const determined =
    opener.pos === 'DET' ||
    /^(?:its|their|his|her)$/i.test(opener.text) ||
    (/^one$/i.test(opener.text) && next?.text.toLowerCase() === 'of');
  return (
    determined &&
    !phrase.some((token) => token.pos === 'AUX' || (token.pos === 'VERB' && !/(?:ing|ed)$/.test(token.text)))
  );
}

/** Openers whose phrase qualifies what follows: "Despite …", "Unlike …", "Without …" stay. */
const SUBORDINATE_OPENERS = new Set(['despite', 'unlike', 'without', 'except', 'excluding', 'including', 'for']);

/** Conjunctions that join two clauses each stating a fact of its own. */
const CLAUSE_CONJUNCTIONS = new Set(['and', 'but', 'while', 'whereas']);
/** Conjunctions and prepositions that open a closing reason or circumstance: ", as it tries to …". */
const CIRCUMSTANCE_OPENERS = new Set(['as', 'amid', 'because', 'citing', 'after', 'following']);
/** Words of a period: a clause that holds one may not go while the rest names none it could have shared. */
const PERIOD_WORDS = /^(?:quarter|quarters|year|years|month|months|half|fiscal|annual|Q[1-4]|H[12]|FY\d*|\d{4})$/i;
/** Where a statement was made, which is not what it says: "in a statement", "in a note to clients". */
const STATEMENT_NOUNS = /^(?:statement|filing|note|release|interview|letter|presentation|report)$/;

/**
 * Clauses with a subject and verb of their own joined by ", and", ", but" or ", while": the closing one
 * may go (the opening clause stands whole), or the opening one with its conjunction (the closing clause
 * stands whole). Each states a fact of its own, figures included; a clause with the period both share
 * ("…, and profit fell 3% in the first quarter") stays.
 */
function clauseSpans(tokens: readonly Token[], commas: readonly number[], end: number): Span[] {
  const spans: Span[] = [];
  // A period, not a maturity: "in the first quarter", not "two-year bonds".
  const names = (from: number, to: number) =>
    tokens
      .slice(from, to)
      .some((token, index) => PERIOD_WORDS.test(token.text) && tokens[from + index - 1]?.text !== '-');
  for (const comma of commas) {
    if (!CLAUSE_CONJUNCTIONS.has(tokens[comma + 1]?.text.toLowerCase() ?? '')) continue;
    if (!clauseFrom(tokens, comma + 2) || !clauseFrom(tokens.slice(0, comma), 0)) continue;
    if (/^(?:PRON|AUX|VERB)$/.test(tokens[comma + 2]?.pos ?? '')) continue;
    if (!(names(comma, end) && !names(0, comma))) spans.push([comma, end]);
    if (!(names(0, comma) && !names(comma, end))) spans.push([0, comma + 2]);
  }
  return spans;
}

/**
 * Circumstances that do not carry the fact: a closing reason without a figure (", as it tries to restore
 * margins"), where a statement was made ("in a statement to the exchange"), the clock time of a price
 * ("by 1345 GMT"), and "also".
 */
function circumstanceSpans(tokens: readonly Token[], lower: readonly string[], end: number): Span[] {
  const spans: Span[] = [];
  const last = topLevelCommas(tokens).at(-1);
  // A closing reason without its comma: "… close 14 warehouses as it tries to restore margins."
  const reason = tokens.findIndex(
    (token, index) =>
      index > 3 && lower[index] === 'as' && token.pos === 'SCONJ' && clauseFrom(tokens.slice(index + 1, end), 0),
  );
  if (reason > 0 && (last === undefined || reason > last) && deletableClause(tokens, [reason, end])) {
    spans.push([reason, end]);
  }
  tokens.forEach((token, index) => {
    // "also", and "now" before its verb ("now expects"; never "right now" or "for now").
    const beforeVerb = /^(?:VERB|AUX)$/.test(tokens[index + 1]?.pos ?? '');
    const adverb = lower[index] === 'also' || (lower[index] === 'now' && beforeVerb);
    if (adverb && token.pos === 'ADV' && index > 0 && tokens[index - 1]?.text !== ',') {
      spans.push([index, index + 1]);
    }
    // "in a statement", "in a regulatory filing", "in a note to clients".
    if (lower[index] === 'in' && /^(?:a|an|its|their)$/.test(lower[index + 1] ?? '')) {
      let noun = index + 2;
      while (noun < index + 4 && tokens[noun]?.pos === 'ADJ') noun += 1;
      if (STATEMENT_NOUNS.test(lower[noun] ?? '')) {
        const stop =
          lower[noun + 1] === 'to' && /^(?:NOUN|PROPN)$/.test(tokens[noun + 2]?.pos ?? '') ? noun + 3 : noun + 1;
        // Not where a relative clause hangs on it: "in a report that pointed to …".
        const hangs = /^(?:that|which|who|showing)$/.test(lower[stop] ?? '');
        if (!hangs && deletable(tokens, [index, stop])) spans.push([index, stop]);
      }
    }
    // "by 1345 GMT", "at 10:30 a.m. ET".
    if (/^(?:by|at)$/.test(lower[index] ?? '') && /^\d{1,2}[:.]?\d{2}$/.test(tokens[index + 1]?.text ?? '')) {
      let stop = index + 2;
      if (/^[ap]\.?m\.?$/i.test(tokens[stop]?.text ?? '')) stop += 1;
      if (/^(?:GMT|BST|CET|CEST|ET|EST|EDT|UTC|JST)$/.test(tokens[stop]?.text ?? '')) spans.push([index, stop + 1]);
    }
  });
  return spans;
}

/** The sentence without the spans: each kept token with the space written before it. */
function withoutSpans(
  sentence: string,
  tokens: readonly Token[],
  spans: readonly Span[],
): { text: string; kept: Token[] } {
  const kept: Token[] = [];
  let text = '';
  tokens.forEach((token, index) => {
    if (spans.some(([start, end]) => index >= start && index < end)) return;
    // The space written before the token, whatever was deleted before it.
    if (kept.length > 0) text += sentence.slice((tokens[index - 1] as Token).end, token.start);
    text += token.text;
    kept.push(token);
  });
  return { text: text.charAt(0).toUpperCase() + text.slice(1), kept };
}

/** Where no tagger finds the verb, the opening words stand for the subject. */
const UNTAGGED_SUBJECT_WORDS = 4;

/** The most words of a subject a pronoun may be replaced by. */
const MAX_ANTECEDENT_TOKENS = 6;

/** The subject of a form whose tokens are `tokens`, offsets into `sentence`. */
function subjectOf(sentence: string, tokens: readonly Token[]): Pick<SentenceForm, 'subject' | 'antecedent'> {
  // An opening participle before a noun is an adjective: "Adjusted earnings were …".
  const verb = tokens.findIndex(
    (token, index) =>
      (token.pos === 'VERB' || token.pos === 'AUX') && !(index === 0 && /^(?:NOUN|ADJ)$/.test(tokens[1]?.pos ?? '')),
  );
  const words = tokens.slice(0, verb < 0 ? UNTAGGED_SUBJECT_WORDS : verb);
  const subject = words.filter((token) => token.pos !== 'PUNCT').map((token) => token.text);
  // A name or a definite noun phrase, written without commas: "Tessaly Airlines", "The Bank of England".
  const [first] = words;
  const last = words.at(-1);
  const nounPhrase =
    verb > 0 &&
    verb <= MAX_ANTECEDENT_TOKENS &&
    (first?.pos === 'PROPN' || /^the$/i.test(first?.text ?? '')) &&
    /^(?:NOUN|PROPN)$/.test(last?.pos ?? '') &&
    words.every((token) => /^(?:DET|PROPN|NOUN|ADJ)$/.test(token.pos) || /^(?:of|-|&)$/.test(token.text));
  return { subject, antecedent: nounPhrase && first && last ? sentence.slice(first.start, last.end) : undefined };
}

/** The most deletable spans whose every combination is tried; beyond, each alone and all together. */
const MAX_COMBINED_SPANS = 4;

/** Sets of spans to delete: none, and combinations of non-overlapping spans. */
function spanChoices(spans: readonly Span[]): Span[][] {
  const overlaps = (a: Span, b: Span) => a[0] < b[1] && b[0] < a[1];
  const choices: Span[][] = [[]];
  if (spans.length <= MAX_COMBINED_SPANS) {
    for (let mask = 1; mask < 2 ** spans.length; mask++) {
      const chosen = spans.filter((_, index) => (mask >> index) & 1);
      if (!chosen.some((a, i) => chosen.some((b, j) => i < j && overlaps(a, b)))) choices.push(chosen);
    }
  } else {
    choices.push(...spans.map((span) => [span]));
    const disjoint: Span[] = [];
    for (const span of spans) if (!disjoint.some((kept) => overlaps(kept, span))) disjoint.push(span);
    choices.push(disjoint);
  }
  return choices;
}

/**
 * The ways one sentence can be put in a bullet, each passing the guard: the whole sentence and its
 * shorter forms, shortest last. Numbers stand exactly as written in every form.
 */
export function sentenceForms(sentence: string, lang?: string): SentenceForms {
  // A list item or table line without its stop gets one, so that it stands as a sentence in a bullet.
  const trimmed = sentence.trim();
  const text = /[.!?。！？"”’)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
  if (!isTaggedLanguage(lang)) {
    const verdict = guardBullet(text, text, lang);
    const subject = text.split(/\s+/).slice(0, UNTAGGED_SUBJECT_WORDS);
    return verdict === 'refused' ? { forms: [], refused: 1 } : { forms: [{ text, verdict, subject }], refused: 0 };
  }
  const tokens = tag(text);
  const forms = new Map<string, SentenceForm>();
  let refused = 0;
  for (const spans of spanChoices(deletableSpans(tokens))) {
    const form = withoutSpans(text, tokens, spans);
    if (forms.has(form.text)) continue;
    const verdict = guardBullet(form.text, text, lang, form.kept);
    if (verdict === 'refused') refused += 1;
    else forms.set(form.text, { text: form.text, verdict, ...subjectOf(text, form.kept) });
  }
  return { forms: [...forms.values()], refused };
}

/** Nouns by which news names a company or an institution: "The carrier", "The central bank". */
const ORGANISATION_NOUNS = new Set(
  `company group bank carrier airline firm lender insurer operator maker chipmaker carmaker drugmaker retailer
   government ministry regulator board fund exchange platform utility shipowner miner producer developer
   manufacturer conglomerate committee authority agency commission court union bidder buyer seller owner chain
   business supplier distributor grocer broker brokerage manager network`.split(/\s+/),
);

/**
 * Whether `antecedent` can be what "It" or "They" stands for: a company or an institution ("Tessaly
 * Airlines", "The carrier", or a one-word name the headline uses), or for "They" a plural such as "The
 * shares". "Inflation" is not one: "It cut its forecast" after "Inflation fell" means the central bank.
 */
export function canStandFor(pronoun: string, antecedent: string, headline: string): boolean {
  const words = antecedent.split(' ');
  const head = words.at(-1) ?? '';
  const definite = /^the$/i.test(words[0] ?? '') && words.length > 1;
  if (/^(?:they|their)$/i.test(pronoun)) return /^\p{Ll}+s$/u.test(head) && (definite || words.length === 1);
  if (!/^(?:it|its)$/i.test(pronoun)) return false;
  if (definite) return ORGANISATION_NOUNS.has(head.toLowerCase());
  const named = words.every((word) => /^\p{Lu}/u.test(word));
  return named && (words.length > 1 || headline.split(/[^\p{L}\p{N}]+/u).includes(words[0] ?? ''));
}

/**
 * A form whose subject is "It" or "They", with the pronoun replaced by `antecedent`, the subject of a
 * sentence before taken word for word; undefined where the pronoun cannot stand for it (`canStandFor`).
 */
export function withAntecedent(
  form: SentenceForm,
  antecedent: string | undefined,
  headline: string,
): SentenceForm | undefined {
  const [pronoun = ''] = form.subject;
  if (!antecedent || form.subject.length !== 1 || !/^(?:It|They)$/.test(pronoun)) return undefined;
  if (!canStandFor(pronoun, antecedent, headline)) return undefined;
  const named = antecedent.charAt(0).toUpperCase() + antecedent.slice(1);
  return {
    text: named + form.text.slice(pronoun.length),
    verdict: 'ok',
    subject: named.split(' '),
    antecedent: named,
  };
}
