/**
 * "Key developments at a glance": three (up to five) bullets drawn from a briefing's own sentences.
 *
 * The method is extractive and explainable. Every sentence of the body is scored on its position
 * (news puts the main facts first), its similarity to the headline and dek, its centrality among the
 * other sentences, and the figures it carries. Questions, teasers, ads and boilerplate are never
 * candidates. The best sentences are picked greedily while near-duplicates are passed over, then each is
 * shortened by deleting attributions and clauses that carry no figure, and a short bullet may take in
 * the next sentence of its paragraph when that one adds figures. Deletion only ever removes spans without
 * figures, so every number in a bullet stands exactly as in the text it links to.
 */
import { findFigures, type Figure, type FigureKind } from '../text/figures.ts';
import { splitSentences } from '../text/sentences.ts';
import { contentTokens, wordCount } from '../text/tokens.ts';

/** A paragraph of the briefing's body, with the id its element carries on the page. */
export interface SourceParagraph {
  readonly id: string;
  readonly text: string;
}

export interface KeyDevelopmentsInput {
  readonly title: string;
  readonly dek?: string | undefined;
  readonly paragraphs: readonly SourceParagraph[];
}

export interface KeyDevelopment {
  /** The bullet, one or two shortened sentences. */
  readonly text: string;
  /** Figures in `text`, with offsets into it. */
  readonly figures: readonly Figure[];
  /** Id of the paragraph the bullet was taken from. */
  readonly paragraphId: string;
}

export interface KeyDevelopmentsOptions {
  /** Number of bullets, 1 to 5. */
  readonly count?: number;
}

export const DEFAULT_BULLET_COUNT = 3;
export const MAX_BULLET_COUNT = 5;
/** Bullets are aimed at editors' length: a short bullet may take in a second sentence up to this. */
const JOIN_WORD_LIMIT = 32;
/** A sentence pointing back to the one before joins it even if the bullet grows this long. */
const ANAPHORIC_JOIN_WORD_LIMIT = 36;
const ANAPHORIC = /^(?:That|This|These|Those|It|They|He|She|Such)\b/;
/** A bullet this short may take in the next sentence. */
const SHORT_BULLET_WORDS = 15;
/** Beyond this, clauses without figures are dropped too. */
const LONG_BULLET_WORDS = 27;

/** Text that is never a key development: questions, calls to action, ads and boilerplate. */
const EXCLUDED: readonly RegExp[] = [
  /\?/,
  /\b(?:you|your|yours|yourself)\b/i,
  /\b(?:sign up|subscribe|newsletter|click here|unlock|premium report|free (?:tool|trial|report|guide)|open an account|bonus|top picks|buy or sell|sell or buy|see the list|find out|learn more|read our|our (?:analysts|experts|guide|picks|report|research))\b/i,
  /\b(?:past performance|no guarantee|not investment advice|notoriously volatile|may be revised|for informational purposes|do your own research|move inversely)\b/i,
];

const FIGURE_WEIGHTS: Record<FigureKind, number> = {
  money: 1,
  percent: 0.9,
  count: 0.8,
  'basis-points': 0.8,
  'percentage-points': 0.7,
  vote: 0.8,
  date: 0.5,
  multiple: 0.4,
  quarter: 0.3,
};

interface Candidate {
  readonly paragraphIndex: number;
  readonly sentenceIndex: number;
  /** Position among all sentences of the body. */
  readonly order: number;
  readonly paragraphId: string;
  readonly text: string;
  readonly figures: readonly Figure[];
  readonly vector: ReadonlyMap<string, number>;
  readonly excluded: boolean;
}

export function extractKeyDevelopments(
  input: KeyDevelopmentsInput,
  options: KeyDevelopmentsOptions = {},
): KeyDevelopment[] {
  const count = Math.min(MAX_BULLET_COUNT, Math.max(1, Math.trunc(options.count ?? DEFAULT_BULLET_COUNT)));
  const candidates = buildCandidates(input);
  const eligible = candidates.filter((candidate) => !candidate.excluded);
  if (eligible.length === 0) return [];

  const scores = scoreCandidates(input, candidates, eligible);

  const properNouns = new Set(
    input.paragraphs.flatMap((paragraph) => paragraph.text.match(/(?<=[\p{Ll},]\s)\p{Lu}[\p{L}-]*/gu) ?? []),
  );
  const bullets: Candidate[][] = [];
  const chosen: Candidate[] = [];
  const remaining = new Set(eligible);
  while (bullets.length < count && remaining.size > 0) {
    let best: Candidate | undefined;
    let bestValue = -Infinity;
    for (const candidate of remaining) {
      const redundancy = Math.max(0, ...chosen.map((other) => dot(candidate.vector, other.vector)));
      const value = (scores.get(candidate) ?? 0) - 0.4 * redundancy;
      if (value > bestValue || (value === bestValue && best && candidate.order < best.order)) {
        best = candidate;
        bestValue = value;
      }
    }
    if (!best) break;
    remaining.delete(best);
    if (isNearDuplicate(best, chosen)) continue;
    chosen.push(best);
    // Two neighbouring sentences of one paragraph often carry one fact: join them into one bullet.
    const neighbour = bullets.find((bullet) => {
      const first = bullet[0];
      const last = bullet.at(-1);
      if (!first || !last || first.paragraphIndex !== best.paragraphIndex) return false;
      const follows = best.sentenceIndex === last.sentenceIndex + 1;
      const precedes = best.sentenceIndex === first.sentenceIndex - 1;
      // A sentence that opens by pointing back ("That would make…") cannot stand alone.
      const limit = follows ? joinLimit(best) : JOIN_WORD_LIMIT;
      return (follows || precedes) && wordCount(render([...bullet, best], properNouns)) <= limit;
    });
    if (neighbour) {
      neighbour.push(best);
      neighbour.sort((a, b) => a.order - b.order);
    } else {
      bullets.push([best]);
    }
  }

  // A short bullet takes in the next sentence of its paragraph when that one adds figures.
  const used = new Set(bullets.flat());
  for (const bullet of bullets) {
    const last = bullet.at(-1);
    const next = candidates.find(
      (other) => last && other.paragraphIndex === last.paragraphIndex && other.sentenceIndex === last.sentenceIndex + 1,
    );
    if (!next || next.excluded || used.has(next) || next.figures.length === 0) continue;
    if (wordCount(render(bullet, properNouns)) > SHORT_BULLET_WORDS) continue;
    if (wordCount(render([...bullet, next], properNouns)) <= joinLimit(next)) {
      bullet.push(next);
      used.add(next);
    }
  }

  return bullets
    .sort((a, b) => (a[0]?.order ?? 0) - (b[0]?.order ?? 0))
    .map((bullet) => {
      const text = render(bullet, properNouns);
      return { text, figures: findFigures(text), paragraphId: bullet[0]?.paragraphId ?? '' };
    });
}

const shortenedSentences = new WeakMap<Candidate, string>();

/** `shorten` once per sentence: selection renders the same sentences many times. */
function shortened(candidate: Candidate): string {
  let text = shortenedSentences.get(candidate);
  if (text === undefined) {
    text = shorten(candidate.text);
    shortenedSentences.set(candidate, text);
  }
  return text;
}

/** How long a bullet may grow by taking in `next`: longer when `next` points back and cannot stand alone. */
function joinLimit(next: Candidate): number {
  return ANAPHORIC.test(next.text) ? ANAPHORIC_JOIN_WORD_LIMIT : JOIN_WORD_LIMIT;
}

/** One bullet from one or more neighbouring sentences, shortened; long bullets lose their asides too. */
function render(sentences: readonly Candidate[], properNouns: ReadonlySet<string>): string {
  const text = sentences.map(shortened).reduce((joined, next) => joinSentences(joined, next, properNouns));
  return wordCount(text) > LONG_BULLET_WORDS ? tidy(deleteSpans(text, LONG_SENTENCE_DELETIONS)) : text;
}

function scoreCandidates(
  input: KeyDevelopmentsInput,
  candidates: readonly Candidate[],
  eligible: readonly Candidate[],
): Map<Candidate, number> {
  const headline = weigh(contentTokens(`${input.title} ${input.dek ?? ''}`), documentFrequencies(candidates));
  // Centrality: mean similarity to every other eligible sentence. Similarity is a dot product, so the sum
  // over the others is the dot product with the sum of all vectors, less the sentence's own square.
  const sum = new Map<string, number>();
  for (const { vector } of eligible) {
    for (const [token, weight] of vector) sum.set(token, (sum.get(token) ?? 0) + weight);
  }
  const others = Math.max(1, eligible.length - 1);
  return new Map(
    eligible.map((candidate) => {
      const similaritySum = dot(candidate.vector, sum) - dot(candidate.vector, candidate.vector);
      return [candidate, score(candidate, similaritySum / others, headline)];
    }),
  );
}

export interface RankedSentence {
  readonly text: string;
  readonly paragraphId: string;
  /** Undefined for sentences that can never be bullets (questions, teasers, ads, boilerplate). */
  readonly score: number | undefined;
}

/** Every sentence with its score, in document order: what `npm run keydev -- --explain` prints. */
export function rankSentences(input: KeyDevelopmentsInput): RankedSentence[] {
  const candidates = buildCandidates(input);
  const scores = scoreCandidates(
    input,
    candidates,
    candidates.filter((candidate) => !candidate.excluded),
  );
  return candidates.map((candidate) => ({
    text: candidate.text,
    paragraphId: candidate.paragraphId,
    score: scores.get(candidate),
  }));
}

function buildCandidates(input: KeyDevelopmentsInput): Candidate[] {
  const candidates: Omit<Candidate, 'vector'>[] = [];
  const tokenLists: string[][] = [];
  input.paragraphs.forEach((paragraph, paragraphIndex) => {
    splitSentences(paragraph.text).forEach((sentence, sentenceIndex) => {
      candidates.push({
        paragraphIndex,
        sentenceIndex,
        order: candidates.length,
        paragraphId: paragraph.id,
        text: sentence.text,
        figures: findFigures(sentence.text),
        excluded: wordCount(sentence.text) < 5 || EXCLUDED.some((pattern) => pattern.test(sentence.text)),
      });
      tokenLists.push(contentTokens(sentence.text));
    });
  });
  const frequencies = frequenciesOf(tokenLists);
  return candidates.map((candidate, index) => ({
    ...candidate,
    vector: weigh(tokenLists[index] ?? [], frequencies),
  }));
}

interface Frequencies {
  readonly documents: number;
  readonly counts: ReadonlyMap<string, number>;
}

function frequenciesOf(tokenLists: readonly string[][]): Frequencies {
  const counts = new Map<string, number>();
  for (const tokens of tokenLists) {
    for (const token of new Set(tokens)) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return { documents: tokenLists.length, counts };
}

function documentFrequencies(candidates: readonly Candidate[]): Frequencies {
  const counts = new Map<string, number>();
  for (const candidate of candidates) {
    for (const token of candidate.vector.keys()) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return { documents: candidates.length, counts };
}

/** TF-IDF weights of a token list against the sentences of the briefing, scaled to unit length. */
function weigh(tokens: readonly string[], frequencies: Frequencies): Map<string, number> {
  const vector = new Map<string, number>();
  for (const token of tokens) vector.set(token, (vector.get(token) ?? 0) + 1);
  let norm = 0;
  for (const [token, tf] of vector) {
    const weight = tf * (Math.log((1 + frequencies.documents) / (1 + (frequencies.counts.get(token) ?? 0))) + 1);
    vector.set(token, weight);
    norm += weight * weight;
  }
  if (norm === 0) return new Map();
  const length = Math.sqrt(norm);
  for (const [token, weight] of vector) vector.set(token, weight / length);
  return vector;
}

/** The dot product of two sparse vectors, over the shorter one: the cosine similarity of unit vectors (see {@link weigh}). */
function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [short, long] = a.size <= b.size ? [a, b] : [b, a];
  let total = 0;
  for (const [token, weight] of short) total += weight * (long.get(token) ?? 0);
  return total;
}

function score(candidate: Candidate, centrality: number, headline: ReadonlyMap<string, number>): number {
  const position = 1 / (1 + 0.45 * candidate.paragraphIndex + 0.6 * candidate.sentenceIndex);
  const headlineSimilarity = dot(candidate.vector, headline);
  const figureWeight = candidate.figures.reduce((sum, figure) => sum + FIGURE_WEIGHTS[figure.kind], 0);
  const figures = 1 - Math.exp(-figureWeight / 2);
  const quoted = /^["“‘']/.test(candidate.text) ? 0.35 : 1;
  const figureless = candidate.figures.length === 0 ? 0.7 : 1;
  const pointsBack = ANAPHORIC.test(candidate.text) ? 0.75 : 1;
  return (
    quoted *
    figureless *
    pointsBack *
    (0.3 * position + 0.25 * headlineSimilarity + 0.15 * Math.min(1, 3 * centrality) + 0.3 * figures)
  );
}

/** Same facts again: most of its figures already chosen, or most of its words. */
function isNearDuplicate(candidate: Candidate, chosen: readonly Candidate[]): boolean {
  return chosen.some((other) => {
    if (dot(candidate.vector, other.vector) > 0.6) return true;
    if (candidate.figures.length === 0) return false;
    const known = new Set(other.figures.map((figure) => figure.text));
    const repeated = candidate.figures.filter((figure) => known.has(figure.text)).length;
    return repeated / candidate.figures.length > 0.5;
  });
}

/**
 * Deletions that shorten a sentence without changing what it reports. Each is applied only where the
 * deleted text holds no figure.
 */
const DELETIONS: readonly { pattern: RegExp; replacement: string }[] = [
  // Exchange tags: "(NASDAQ: CRVS)".
  { pattern: /\s\((?:NASDAQ|Nasdaq|NYSE|LSE|TSX|ASX|XETRA|Euronext|ticker)[^)]*\)/g, replacement: '' },
  // Opening attribution: "According to a report from The Wall Street Journal, ".
  { pattern: /^According to [^,]+,\s*/i, replacement: '' },
  // "CNBC reported that Nvidia …"
  { pattern: /^(?:[A-Z][\w.&'-]*\s){1,5}(?:reported|said|says|reports)(?: on \w+)? that\s/, replacement: '' },
  // Closing or inner attribution: ", according to LSEG data", ", citing people familiar with the matter".
  { pattern: /,?\s(?:according to|citing|as reported by)\s[^,.;]+(?=[,.;]|$)/gi, replacement: '' },
  // ", the company said on Wednesday." ", CNBC reported." ", official data showed last month."
  {
    pattern:
      /,\s(?:(?:the|its|a|an)\s)?(?:[A-Za-z][\w.&'-]*\s){0,5}(?:said|says|reported|reports|announced|added|noted|showed|show|wrote|told\s[\w\s]+?)(?:\s(?:on|in|late on|early on|last|this|earlier|late|in a)\s[\w\s-]+?)?(?=[.;]$|[;,])/g,
    replacement: '',
  },
  // Relative and descriptive clauses between commas: ", which houses its AI tools,".
  {
    pattern: /,\s(?:which|who|whose|a measure of|an indicator of|known for|founded in|based in)\s[^,;]+,/g,
    replacement: '',
  },
  // "on Friday, 30 January 2026" → "on 30 January 2026".
  {
    pattern: /\b(?<=on\s)(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s(?=\d)/g,
    replacement: '',
  },
  // Weekdays: "on Wednesday" (but "late on Wednesday" stays: "set late" would not read).
  {
    pattern: /(?<!\b(?:late|early))\son\s(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g,
    replacement: '',
  },
  // Discourse openers: "By contrast, ", "At the same time, ".
  {
    pattern: /^(?:By contrast|In contrast|At the same time|Meanwhile|However|In addition|Separately|Also|Still),\s/,
    replacement: '',
  },
  { pattern: /\s(?:also|already)\s/g, replacement: ' ' },
];

/** Further deletions for a sentence still too long: asides and trailing clauses without figures. */
const LONG_SENTENCE_DELETIONS: readonly { pattern: RegExp; replacement: string }[] = [
  // Noun-phrase asides between commas: ", most of them in the second quarter,".
  {
    pattern: /,\s(?:the|a|an|its|their|his|her|most|some|many|all|both|each)\s[^,;]{3,80},/g,
    replacement: ',',
  },
  // Trailing reasons and circumstances: "as it tries to restore margins".
  { pattern: /,?\s(?:as|while|amid|because|after|before|helped by|citing)\s[^,;]+(?=[.;]$|;)/g, replacement: '' },
];

function deleteSpans(text: string, deletions: readonly { pattern: RegExp; replacement: string }[]): string {
  let result = text;
  for (const { pattern, replacement } of deletions) {
    result = result.replace(pattern, (span: string) => (findFigures(span).length > 0 ? span : replacement));
  }
  return result;
}

/** Shortens a sentence by deleting attributions and clauses without figures; numbers are never touched. */
export function shorten(sentence: string): string {
  return tidy(deleteSpans(sentence, DELETIONS));
}

function tidy(text: string): string {
  const cleaned = text
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/,([.;])/g, '$1')
    .replace(/^[,;\s]+/, '')
    .trim();
  const capitalised = cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
  return /[.!"”’)]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/**
 * "A did x." + "B did y." → "A did x; b did y.", keeping the capital of a word the briefing also
 * capitalises mid-sentence (a name) and of acronyms.
 */
function joinSentences(first: string, second: string, properNouns: ReadonlySet<string>): string {
  const [word = '', ...rest] = second.split(' ');
  const keep = properNouns.has(word) || /^\p{Lu}{2,}/u.test(word);
  const lead = keep ? word : word.charAt(0).toLowerCase() + word.slice(1);
  return `${first.replace(/[.!]$/, '')}; ${[lead, ...rest].join(' ')}`;
}
