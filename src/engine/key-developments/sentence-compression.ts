/**
 * Shortening without inventing: a bullet is the source sentence with spans deleted (attributions,
 * asides, clauses without numbers), two such sentences, or one led by its section's heading. Nothing is
 * added but the joining punctuation, and a span holding a figure is never deleted, so every number in a
 * bullet stands exactly as in the heading or paragraph it comes from.
 */
import { findFigures } from '../text/figures.ts';
import { wordCount } from '../text/tokens.ts';

interface Deletion {
  readonly pattern: RegExp;
  readonly replacement: string;
}

/** Deletions that shorten a sentence without changing what it reports. */
const DELETIONS: readonly Deletion[] = [
  // Datelines: "LONDON — ", "NEW YORK, May 5 (Reuters) - ".
  { pattern: /^\p{Lu}[\p{Lu}\s.,]*\p{Lu}(?:,\s[^—–(]{1,20})?(?:\s\([^)]*\))?\s[—–-]\s/u, replacement: '' },
  // Exchange tags: "(NASDAQ: CRVS)", "(STO: OSTA)".
  { pattern: /\s\((?:[A-Z]{2,8}|Nasdaq|Euronext|Xetra|ticker):\s?[^)]*\)/g, replacement: '' },
  // Opening attribution: "According to a report from The Wall Street Journal, ".
  { pattern: /^According to [^,]+,\s*/i, replacement: '' },
  // "CNBC reported that Nvidia …"
  { pattern: /^(?:[A-Z][\w.&'-]*\s){1,5}(?:reported|said|says|reports)(?: on \w+)? that\s/, replacement: '' },
  // Closing or inner attribution: ", according to LSEG data", ", citing people familiar with the matter".
  { pattern: /,?\s(?:according to|citing|as reported by)\s[^,.;]+(?=[,.;]|$)/gi, replacement: '' },
  // ", the company said on Wednesday." ", CNBC reported." ", official data showed last month."
  {
    pattern:
      /,\s(?:(?:the|its|a|an)\s)?(?:[A-Za-z][\w.&'-]*\s){0,5}(?:said|says|reported|reports|announced|added|noted|showed|show|wrote|told\s[\w\s]+?)(?:\s(?:on|in|late on|early on|last|this|earlier|late|in a)\s(?:(?!\bthat\b)[\w\s-])+?)?(?=[.;]$|[;,])/g,
    replacement: '',
  },
  // Relative and descriptive clauses between commas: ", which houses its AI tools," (not a list: the
  // next word after the clause must not carry on a series, as in ", which excludes food, energy and …").
  {
    pattern:
      /,\s(?:which|who|whose|a measure of|an indicator of|known for|founded in|based in)\s[^,;]+,(?!\s[\p{Ll}\d][\p{L}\d-]*(?:\s[\p{L}\d-]+)?(?:,|\sand\s|\sor\s))/gu,
    replacement: '',
  },
  // "on Friday, 30 January 2026" → "on 30 January 2026".
  {
    pattern: /\b(?<=on\s)(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s(?=\d)/g,
    replacement: '',
  },
  // Weekdays: "on Wednesday" (but "late on Wednesday" stays: "set late" would not read).
  {
    pattern:
      /(?<!\b(?:late|early))\son\s(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s(?:morning|afternoon|evening|night))?\b/g,
    replacement: '',
  },
  // Leading circumstance: "On Tuesday, ", "On Wednesday evening, ", "In Xetra trading, ".
  {
    pattern: /^(?:On|By|Late on|Early on)\s(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s\w+)?,\s/,
    replacement: '',
  },
  // Discourse openers: "By contrast, ", "At the same time, ".
  {
    pattern:
      /^(?:By contrast|In contrast|At the same time|Meanwhile|However|In addition|Separately|Also|Still|Immediately afterwards|Afterwards|In the meantime|For comparison|On top of that|As a result),?\s/,
    replacement: '',
  },
  // Clock times: "by 1345 GMT", "at 10:30 a.m. ET".
  {
    pattern:
      /\s(?:by|at|as of|shortly after|shortly before)\s(?:\d{4}|\d{1,2}[:.]\d{2})(?:\s?[ap]\.m\.)?\s(?:GMT|BST|CET|CEST|ET|EST|EDT|UTC|JST|local time)\b/g,
    replacement: '',
  },
  // Hedges: "is expected to", "appears to" keep their verb; "reportedly", "roughly speaking" go.
  { pattern: /\s(?:also|already|reportedly|now)(?=\s)/g, replacement: '' },
  // "said that it would" → "said it would": the conjunction after a verb of saying adds nothing.
  {
    pattern:
      /(?<=\b(?:said|says|announced|confirmed|expects|expected|estimated|estimates|added|noted|warned|argued|reported|found|believes|thinks)) that(?=\s)/g,
    replacement: '',
  },
];

/** Further deletions for a sentence still too long: asides and trailing clauses without figures. */
const LONG_SENTENCE_DELETIONS: readonly Deletion[] = [
  // Noun-phrase asides between commas: ", most of them in the second quarter,".
  {
    pattern: /,\s(?:the|a|an|its|their|his|her|most|some|many|all|both|each)\s[^,;]{3,80},/g,
    replacement: ',',
  },
  // Trailing reasons and circumstances: "as it tries to restore margins".
  {
    pattern: /,?\s(?:as|while|amid|because|after|before|helped by|citing|driven by|on hopes)\s[^,;]+(?=[.;]$|;)/g,
    replacement: '',
  },
];

/** A bullet this long loses its asides too. */
const LONG_BULLET_WORDS = 24;

function deleteSpans(text: string, deletions: readonly Deletion[], locale?: string): string {
  let result = text;
  for (const { pattern, replacement } of deletions) {
    result = result.replace(pattern, (span: string) => (findFigures(span, locale).length > 0 ? span : replacement));
  }
  return result;
}

/** Shortens a sentence by deleting attributions and clauses without figures; numbers are never touched. */
export function shorten(sentence: string, locale?: string): string {
  const shortened = tidy(deleteSpans(sentence, DELETIONS, locale));
  return wordCount(shortened) > LONG_BULLET_WORDS
    ? tidy(deleteSpans(shortened, LONG_SENTENCE_DELETIONS, locale))
    : shortened;
}

/** Where a sentence divides into chunks: commas, semicolons, colons and dashes outside quotes and parentheses. */
const CHUNK_BREAK = /,\s|;\s|:\s|\s[—–]\s/g;
/** Words that open a chunk which continues the one before rather than the subject's verb. */
const CONNECTIVE =
  /^(?:and|but|or|nor|while|whereas|with|which|who|whose|where|when|the|a|an|its|their|his|her|this|that|these|those|up|down|from|to|compared|versus|after|before|as|including|led|taking|making|giving|leaving|bringing|sending|according|citing|than|in|on|at|by|for|of|one|some|most|many|both|all|each|about|around|roughly|nearly|almost|more|less|well|just|only|not|[\p{Lu}\d$€£¥"“'‘(])/u;
/** A chunk that only sets the scene: "In Xetra trading", "After the close", "On Wednesday evening". */
const SCENE_SETTING =
  /^(?:In|On|At|After|Before|By|During|For|With|Since|Under|Following|Late|Early|Earlier|Later)\s[^\d]{0,40}$/;
/** Low-information circumstances: where or when a figure was seen, not what it was. */
const CIRCUMSTANCES =
  /\s\([^()\d]*\)|\s(?:in|according to)\s(?:a|an|its|their)\s(?:(?:brief|short|regulatory|stock-exchange|exchange|research|written)\s)?(?:statement|filing|note|release|letter|presentation|interview)(?:\s(?:to|with)\s(?:clients|investors|shareholders|the\s[\p{Lu}][\p{L}\s]+?))?(?=[,.;]|\s(?:that|on|late|after)\b)|\s(?:in|on|during)\s(?:(?:early|late|morning|afternoon|midday|premarket|pre-market|after-hours|extended|electronic|thin|heavy|[\p{Lu}][\p{L}-]*)\s){0,3}(?:trading|trade|session|dealings|deals)\b|\s(?:after|following)\s(?:the|its)\s(?:announcement|statement|news|report|release|decision|results|update)\b/gu;

interface Chunk {
  /** The break before the chunk (empty for the first). */
  readonly separator: string;
  readonly text: string;
}

/** Dates that only name a reporting period: "for the quarter ended Sept. 30", "in the three months to June". */
const PERIOD_ENDS =
  /\s(?:for|in) the (?:quarter|period|half|half-year|year|fiscal year|financial year|three months|six months|nine months|12 months) (?:ended|ending|to|through) (?:[A-Z][a-z]+\.? \d{1,2}|\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+)(?:,? \d{4})?\b/g;

function chunksOf(sentence: string): Chunk[] {
  const body = sentence.replace(/[.!]$/, '');
  const chunks: Chunk[] = [];
  let start = 0;
  let separator = '';
  for (const match of body.matchAll(CHUNK_BREAK)) {
    const before = body.slice(0, match.index);
    // Inside quotation marks or parentheses the wording is the speaker's or an aside: never break there.
    const quotes = (before.match(/["“”]/g) ?? []).length;
    if (quotes % 2 === 1 || before.split('(').length !== before.split(')').length) continue;
    chunks.push({ separator, text: body.slice(start, match.index) });
    separator = match[0];
    start = match.index + match[0].length;
  }
  chunks.push({ separator, text: body.slice(start) });
  return chunks;
}

const carriesNumber = (text: string): boolean => /\d/.test(text);

/**
 * Keeps the first chunk of a clause (its subject and verb) and chunks that carry numbers; a
 * kept chunk that continues the subject's verb after dropped ones ("The plant[, which …,] will have")
 * joins without its comma.
 */
function denseForms(chunks: readonly Chunk[]): string[] {
  let rest = [...chunks];
  while (rest.length > 1 && rest[0] && SCENE_SETTING.test(rest[0].text)) rest = rest.slice(1);
  const [main, ...others] = rest;
  if (!main) return [];
  // Every choice of the chunks with numbers, up to a few of them: editors drop secondary figures too.
  const numbered = others.filter((chunk) => carriesNumber(chunk.text));
  const choices = numbered.length <= MAX_CHUNK_CHOICES ? 2 ** numbered.length : 1;
  const forms: string[] = [];
  for (let mask = choices - 1; mask >= 0; mask--) {
    if (mask === 0 && !carriesNumber(main.text)) continue;
    const keep = new Set([
      ...numbered.filter((_, at) => choices === 1 || (mask >> at) & 1),
      // After a bare subject ("The plant, which …, will open next year") the verb's chunk stays.
      ...(wordCount(main.text) <= 3 ? others.filter(continuesSubject).slice(0, 1) : []),
    ]);
    forms.push(joinChunks(main, others, keep));
  }
  return forms;
}

function continuesSubject(chunk: Chunk): boolean {
  return chunk.separator === ', ' && !CONNECTIVE.test(chunk.text) && wordCount(chunk.text) >= 4;
}

/** The most chunks with numbers whose every subset is tried. */
const MAX_CHUNK_CHOICES = 2;

/** A chunk that hangs on the chunk before it: gone with it when that one is dropped. */
const DEPENDENT =
  /^(?:which|who|whom|whose|where|when|or|than|compared|versus|up from|down from|from|to|including|\p{Ll}+ing)\b/u;
const COORDINATING = /^(?:and|but|or|while|whereas|yet)\s/;

/**
 * Joins the kept chunks. A dependent chunk whose head was dropped goes too; a chunk that continues the
 * subject's verb after dropped asides joins without its comma ("The plant[, which …,] will have"), but
 * not after a dropped clause of its own subject ("[and the yield …,] climbed" would read wrong).
 */
function joinChunks(main: Chunk, others: readonly Chunk[], keep: ReadonlySet<Chunk>): string {
  let text = main.text;
  const dropped: Chunk[] = [];
  for (const chunk of others) {
    const headless = dropped.length > 0;
    const continues = chunk.separator === ', ' && !CONNECTIVE.test(chunk.text);
    if (
      !keep.has(chunk) ||
      (headless && DEPENDENT.test(chunk.text)) ||
      (headless && continues && dropped.some((gone) => COORDINATING.test(gone.text)))
    ) {
      dropped.push(chunk);
      continue;
    }
    text += (headless && continues ? ' ' : chunk.separator) + chunk.text;
    dropped.length = 0;
  }
  return tidy(text);
}

/**
 * The ways one sentence can be put as a bullet: the shortened sentence; its dense form (the subject's
 * clause and the chunks that carry numbers, with low-information circumstances cut); and, where the
 * first clause carries no number, the first independent clause that does. Each keeps every number of
 * what it keeps, exactly as written.
 */
export function compressions(sentence: string, locale?: string): string[] {
  const full = shorten(sentence, locale);
  const variants = [full];
  const chunks = chunksOf(
    deleteSpans(full, [{ pattern: CIRCUMSTANCES, replacement: '' }], locale).replace(PERIOD_ENDS, ''),
  );
  variants.push(...denseForms(chunks));
  // Where the first clause carries no number, a later independent clause that does may stand alone.
  const [main] = chunks;
  const independent = chunks.findIndex(
    (chunk, at) =>
      at > 0 &&
      (chunk.separator === '; ' ||
        chunk.separator === ': ' ||
        (chunk.separator === ', ' && COORDINATING.test(chunk.text))) &&
      carriesNumber(chunk.text),
  );
  if (main && !carriesNumber(main.text) && independent > 0) {
    const [opening, ...rest] = chunks.slice(independent);
    const clause = opening?.text.replace(COORDINATING, '') ?? '';
    if (wordCount(clause) >= 4) variants.push(...denseForms([{ separator: '', text: clause }, ...rest]));
  }
  return [...new Set(variants.filter((variant) => wordCount(variant) >= 4))];
}

export function tidy(text: string): string {
  const cleaned = text
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/,([.;])/g, '$1')
    .replace(/^[,;\s]+/, '')
    .trim();
  const capitalised = cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
  return /[.!"”’)。！」]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/**
 * A section heading as the lead-in of a sentence: "Tamsin Foods: down 5.7% — the packaged-food company
 * said …". The sentence's first word loses its capital only where the briefing also writes it in lower
 * case, so names and acronyms keep theirs.
 */
export function afterHeading(heading: string, sentence: string, lowerCaseWords: ReadonlySet<string>): string {
  const [word = '', ...rest] = sentence.split(' ');
  const lowered = word.charAt(0).toLowerCase() + word.slice(1);
  const lead = lowerCaseWords.has(lowered.replace(/[^\p{L}'’-]+$/u, '')) ? lowered : word;
  return `${heading.replace(/[.!]$/, '')} — ${[lead, ...rest].join(' ')}`;
}

/** A section heading as the lead-in of a bullet: "Marlow Cruise Lines (MRLW): up 8.4%" → "Marlow Cruise Lines: up 8.4%". */
export function headingLead(heading: string): string {
  return tidy(deleteSpans(heading, [...DELETIONS, { pattern: /\s\([^()\d]*\)/g, replacement: '' }]));
}
