/**
 * Shortening without inventing, by syntax (the successor of `sentence-compression.ts`, not yet wired into
 * the engine: see the CHANGELOG): a sentence is tagged (`src/engine/text/syntax.ts`) and a
 * shorter form deletes only whole constituents that do not carry the fact:
 * - attributions ("…, the company said on Friday", "According to LSEG data, …");
 * - appositives and relative clauses between paired commas, where the main verb follows them
 *   ("The group, which owns 40 stores, had raised …" → "The group had raised …");
 * - leading discourse markers ("However, ") and datelines ("Stuttgart, 14 July 2026 – ");
 * - weekday phrases as whole phrases ("on Friday", not the "Friday" of "Friday's close");
 * - brackets without a figure ("(NASDAQ: CRVS)").
 * It never deletes a span with a figure, a time or period qualifier, a comparison base, a member of a
 * list or anything inside quotation marks. Every form, the whole sentence included, must then pass the
 * bullet guard (`bullet-guard.ts`); where no shorter form does, the whole sentence is the candidate.
 * Other languages keep their sentences whole: the tagger reads English only.
 */
import { isTaggedLanguage, tag, type Token } from '../text/syntax.ts';
import { guardBullet, type GuardVerdict } from './bullet-guard.ts';

/** One way to put a sentence as (part of) a bullet. */
export interface SentenceForm {
  readonly text: string;
  /** `ok` to stand alone; `pronoun` only after the sentence it points back to. */
  readonly verdict: Exclude<GuardVerdict, 'refused'>;
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

/** Whether a span may go: no figure, quotation mark, time qualifier or comparison base in it. */
function deletable(tokens: readonly Token[], [start, end]: Span): boolean {
  for (let index = start; index < end; index++) {
    const token = tokens[index] as Token;
    if (FIGURE_TAGS.has(token.pos) || /\d/.test(token.text) || /^["“”‘’]$/.test(token.text)) return false;
    if (KEPT_WORDS.test(token.text)) return false;
  }
  return true;
}

/** The sentence's final punctuation, which every form keeps. */
function lastWord(tokens: readonly Token[]): number {
  const last = tokens.length - 1;
  return /^[.!?]$/.test(tokens[last]?.text ?? '') ? last : tokens.length;
}

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
  // Dateline: "Stuttgart, 14 July 2026 – " before the first verb.
  const dash = tokens.findIndex((token, index) => index < 12 && /^[–—]$/.test(token.text));
  if (dash > 0 && !tokens.slice(0, dash).some((token) => token.pos === 'VERB' || token.pos === 'AUX')) {
    spans.push([0, dash + 1]);
  }
  // Opening attribution: "According to LSEG data, …".
  const firstComma = commas[0];
  if (lower[0] === 'according' && lower[1] === 'to' && firstComma !== undefined) {
    spans.push([0, firstComma + 1]);
  }
  // Closing attribution: ", the company said on Friday." — a noun phrase and a verb of saying.
  const lastComma = commas.at(-1);
  if (lastComma !== undefined) {
    const tail = tokens.slice(lastComma + 1, end);
    const speech = tail.findIndex((token) => SPEECH_VERBS.has(token.text.toLowerCase()));
    const beforeVerb = tail.slice(0, Math.max(0, speech));
    const nounPhrase = beforeVerb.every((token) => /^(?:DET|PROPN|NOUN|ADJ|PRON|PART)$/.test(token.pos));
    if (speech >= 0 && speech <= 6 && nounPhrase && deletable(tokens, [lastComma, end])) {
      spans.push([lastComma, end]);
    }
  }
  // A closing phrase without a figure: a participle's clause (", erasing their gains for the year",
  // ", citing the risk …") or a noun phrase about what came before (", the biggest gain on the index").
  if (lastComma !== undefined) {
    const opener = tokens[lastComma + 1];
    const tail = tokens.slice(lastComma + 1, end);
    const participle = opener?.pos === 'VERB' && /(?:ing|ed)$/.test(opener.text);
    const nounPhrase =
      (opener?.pos === 'DET' || /^(?:its|their|his|her)$/i.test(opener?.text ?? '')) &&
      !tail.some((token) => token.pos === 'AUX' || (token.pos === 'VERB' && !/(?:ing|ed)$/.test(token.text)));
    if ((participle || nounPhrase) && deletable(tokens, [lastComma, end])) spans.push([lastComma, end]);
  }
  // A closing clause of its own without a figure, coordinated: ", but dropped a pledge to …". The
  // clause before it stands whole; what goes is a second statement, never a qualifier of the first.
  commas.forEach((comma) => {
    const conjunction = lower[comma + 1] ?? '';
    if (!/^(?:but|and|while|whereas)$/.test(conjunction)) return;
    if (commas.some((later) => later > comma)) return;
    if (deletable(tokens, [comma, end])) spans.push([comma, end]);
  });
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
      deletable(tokens, [open, close])
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
    const continues = after.pos === 'VERB' || after.pos === 'AUX' || (after.pos === 'ADV' && after.text !== 'and');
    if ((relative || appositive) && continues && deletable(tokens, [open, close + 1])) spans.push([open, close + 1]);
  }
  // A relative clause that ends the sentence: ", which houses its AI tools."
  if (
    lastComma !== undefined &&
    RELATIVE_PRONOUNS.has(lower[lastComma + 1] ?? '') &&
    deletable(tokens, [lastComma, end])
  ) {
    spans.push([lastComma, end]);
  }
  // Weekday phrases, whole: "on Friday", "late on Wednesday evening"; never "Friday's".
  tokens.forEach((token, index) => {
    if (lower[index] !== 'on' || !WEEKDAYS.test(tokens[index + 1]?.text ?? '')) return;
    let stop = index + 2;
    if (TIMES_OF_DAY.test(tokens[stop]?.text ?? '')) stop += 1;
    if (/^['’]s?$/.test(tokens[stop]?.text ?? '') || DEADLINE_WORDS.has(lower[index - 1] ?? '')) return;
    const start = lower[index - 1] === 'late' || lower[index - 1] === 'early' ? index - 1 : index;
    // At the start with its comma: "On Tuesday, …".
    spans.push(start === 0 && tokens[stop]?.text === ',' ? [0, stop + 1] : [start, stop]);
  });
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

/** The most deletable spans whose every combination is tried; beyond, each alone and all together. */
const MAX_COMBINED_SPANS = 3;

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
  const text = sentence.trim();
  if (!isTaggedLanguage(lang)) {
    const verdict = guardBullet(text, text, lang);
    return verdict === 'refused' ? { forms: [], refused: 1 } : { forms: [{ text, verdict }], refused: 0 };
  }
  const tokens = tag(text);
  const forms = new Map<string, SentenceForm>();
  let refused = 0;
  for (const spans of spanChoices(deletableSpans(tokens))) {
    const form = withoutSpans(text, tokens, spans);
    if (forms.has(form.text)) continue;
    const verdict = guardBullet(form.text, text, lang, form.kept);
    if (verdict === 'refused') refused += 1;
    else forms.set(form.text, { text: form.text, verdict });
  }
  return { forms: [...forms.values()], refused };
}
