/**
 * "Key developments at a glance": three (up to five) bullets drawn from a briefing's own sentences.
 *
 * The method is extractive and explainable: a coverage objective. The facts of a briefing are concepts
 * with weights: its figures (weighted by kind, and several times over when the headline, the dek or a
 * section heading states them, since that is the author saying what matters), its content words
 * (weighted by how often the briefing returns to them and whether the headline uses them), and its
 * sections. A bullet is one sentence, or two nearby sentences of a section, each shortened in a few ways
 * (see `sentence-compression.ts`), and may open with its section's heading where that states a figure.
 * Bullets are chosen one at a time for the weight of the concepts they
 * add that no chosen bullet covers yet, less a cost per word, plus a small prior for early position: a
 * figure already carried, a word already said and a section already quoted add nothing, so the bullets
 * cover distinct facts from distinct sections. Questions, teasers, ads and boilerplate are never
 * candidates, and a sentence of generalities with no figure weighs little against any fact.
 */
import { findFigures, type Figure, type FigureKind } from '../text/figures.ts';
import { splitSentences } from '../text/sentences.ts';
import { contentTokens, wordCount } from '../text/tokens.ts';
import { afterHeading, compressions, headingLead } from './sentence-compression.ts';

/** A paragraph of the briefing's body, with the id its element carries on the page. */
export interface SourceParagraph {
  readonly id: string;
  readonly text: string;
  /** The heading of the section the paragraph stands in, if any. */
  readonly section?: string | undefined;
}

export interface KeyDevelopmentsInput {
  readonly title: string;
  readonly dek?: string | undefined;
  readonly paragraphs: readonly SourceParagraph[];
  /** The briefing's language (BCP 47), for its sentences and figures; English when absent. */
  readonly lang?: string | undefined;
}

export interface KeyDevelopment {
  /** The bullet, one or two shortened sentences. */
  readonly text: string;
  /** Figures in `text`, with offsets into it. */
  readonly figures: readonly Figure[];
  /** Id of the paragraph the bullet starts in. */
  readonly paragraphId: string;
  /** Ids of every paragraph the bullet draws on, in order (one, or two when it joins sentences across them). */
  readonly paragraphIds: readonly string[];
}

export interface KeyDevelopmentsOptions {
  /** Number of bullets, 1 to 5. */
  readonly count?: number;
}

export const DEFAULT_BULLET_COUNT = 3;
export const MAX_BULLET_COUNT = 5;
/** No bullet is longer than this; editors' bullets are about 20 words. */
const MAX_BULLET_WORDS = 30;
/**
 * Only this many sentences per bullet asked for, those whose content weighs most, are shortened into
 * candidates (all of them still count for word and figure weights), so choosing is bounded however long
 * a briefing is.
 */
const CANDIDATE_SENTENCES_PER_BULLET = 4;
/** A bullet may join a sentence with one up to this many sentences further on in its section. */
const JOIN_WINDOW = 3;

/** Text that is never a key development: questions, calls to action, ads and boilerplate. */
const EXCLUDED: readonly RegExp[] = [
  /[?!？！]/,
  /\b(?:you|your|yours|yourself)\b/i,
  /\b(?:sign up|subscribe|newsletter|click here|unlock|premium report|free (?:tool|trial|report|guide|analysis)|open an account|bonus|top picks|buy or sell|sell or buy|see the list|find out|learn more|read more|read our|what to do now|urgent need|delivers the answer|analysis from|our (?:analysts|experts|guide|picks|report|research))\b/i,
  /\b(?:past performance|no guarantee|not investment advice|notoriously volatile|may be revised|for informational purposes|do your own research|move inversely|conflicts? of interest|price targets? (?:is|are) (?:based|derived)|this article|this report is)\b/i,
];

/** What a money figure weighs as a concept, against words at WORD_WEIGHT. */
const FIGURE_WEIGHT = 0.85;
/** How much a figure of each kind says, relative to money. */
const FIGURE_WEIGHTS: Record<FigureKind | 'number', number> = {
  money: 1,
  percent: 0.9,
  count: 0.8,
  'basis-points': 0.8,
  'percentage-points': 0.7,
  ratio: 0.8,
  vote: 0.8,
  date: 0.5,
  multiple: 0.5,
  number: 0.45,
  quarter: 0.2,
};
/** A figure the headline or dek states is the author's main fact; one in a section heading, a section's. */
const HEADLINE_FIGURE_BOOST = 4;
const HEADING_FIGURE_BOOST = 2.5;
/** A figure's weight falls with the paragraph that first states it, to this share at the end. */
const FIGURE_FLOOR = 0.55;
const FIGURE_DECAY = 0.4;
/** Content words: per briefing sentence that uses them (up to 4), and more when the headline does. */
const WORD_WEIGHT = 0.05;
const HEADLINE_WORD_BOOST = 3.1;
const HEADING_WORD_BOOST = 1.6;
/** A section not yet quoted is a concept of its own, so the bullets spread over the sections. */
const SECTION_WEIGHT = 0.25;
/** Cost of a word in a bullet: a longer bullet must carry more. */
const WORD_COST = 0.072;
/** The prior for early position (news puts the main facts first), at the first sentence. */
const POSITION_WEIGHT = 0.9;

const AD_MARKER = /^(?:Ad|Ads|Advert|Advertisement|Advertising|Sponsored|Anzeige|Werbung|Publicité)\.?:?$/i;
/** What a bullet without a single number loses: it is chosen only where there are not enough facts. */
const GENERALITY_COST = 1;
/** How much of a fact a sentence without numbers is when it names someone new. */
const NAMED_SPECIFICITY = 0.6;
const ANAPHORIC = /^(?:That|This|These|Those|It|They|He|She|Such|The move|The deal|The decision)\b/;
const QUOTED = /^["“‘]/;

interface SourceSentence {
  /** Position among all sentences of the body. */
  readonly order: number;
  readonly paragraphIndex: number;
  readonly sentenceIndex: number;
  readonly paragraphId: string;
  readonly section: number;
  /** The heading of the section, if any. */
  readonly heading: string | undefined;
  readonly text: string;
  readonly excluded: boolean;
  /** What a bullet opening with this sentence is worth before its content (see `openingPrior`). */
  readonly openingPrior: number;
}

/** One shortened form of one sentence, with the concepts it covers (as indexes into the weights). */
interface SentenceForm {
  readonly text: string;
  readonly words: number;
  readonly concepts: readonly number[];
  /** 1 with a number; less with only a name the headline does not give; 0 for generalities. */
  readonly specificity: number;
}

/** One way to put one or two sentences as a bullet. */
interface BulletOption {
  readonly sentences: readonly SourceSentence[];
  /** The form of each sentence, in order. */
  readonly parts: readonly SentenceForm[];
  /** The section's heading as a lead-in, where it states a figure ("Marlow Cruise Lines: up 8.4%"). */
  readonly heading?: SentenceForm | undefined;
  readonly words: number;
  /** Words and figures covered, each once. */
  readonly concepts: readonly number[];
  /** The concept of the section the bullet opens in. */
  readonly section: number;
  /** Everything about the option that does not depend on what is chosen already. */
  readonly prior: number;
}

export function extractKeyDevelopments(
  input: KeyDevelopmentsInput,
  options: KeyDevelopmentsOptions = {},
): KeyDevelopment[] {
  const count = Math.min(MAX_BULLET_COUNT, Math.max(1, Math.trunc(options.count ?? DEFAULT_BULLET_COUNT)));
  const plan = planBullets(input, count);
  const covered = new Uint8Array(plan.weights.length);
  const used = new Set<SourceSentence>();
  const chosen: BulletOption[] = [];
  while (chosen.length < count) {
    let best: BulletOption | undefined;
    let bestValue = -Infinity;
    // A joined bullet takes two sentences: only while enough are left for the bullets still to come.
    const spare = Math.max(0, plan.candidates - used.size - (count - chosen.length));
    for (const option of plan.options) {
      if (option.sentences.length > 1 + spare || option.sentences.some((sentence) => used.has(sentence))) continue;
      const value = marginalValue(option, covered, plan.weights);
      if (value > bestValue) {
        best = option;
        bestValue = value;
      }
    }
    if (!best) break;
    chosen.push(best);
    for (const sentence of best.sentences) used.add(sentence);
    for (const concept of best.concepts) covered[concept] = 1;
    covered[best.section] = 1;
  }
  return chosen
    .sort((a, b) => (a.sentences[0]?.order ?? 0) - (b.sentences[0]?.order ?? 0))
    .map((option) => {
      const text = bulletText(option, plan.lowerCaseWords);
      return {
        text,
        figures: findFigures(text, input.lang),
        paragraphId: option.sentences[0]?.paragraphId ?? '',
        paragraphIds: [...new Set(option.sentences.map((sentence) => sentence.paragraphId))],
      };
    });
}

function marginalValue(option: BulletOption, covered: Uint8Array, weights: Float64Array): number {
  let gain = option.prior + (covered[option.section] ? 0 : (weights[option.section] ?? 0));
  for (const concept of option.concepts) if (!covered[concept]) gain += weights[concept] ?? 0;
  return gain;
}

function bulletText(option: BulletOption, lowerCaseWords: () => ReadonlySet<string>): string {
  // Two sentences stay two sentences: a bullet may hold both.
  const body = option.parts.map((part) => part.text).join(' ');
  return option.heading ? afterHeading(option.heading.text, body, lowerCaseWords()) : body;
}
/** How much work choosing takes for a briefing: what the cost of a briefing of any length comes down to. */
export interface KeyDevelopmentsWork {
  /** Every sentence of the body, each scanned once for words and figures. */
  readonly sentences: number;
  /** Sentences shortened into candidate forms: at most CANDIDATE_SENTENCES_PER_BULLET per bullet. */
  readonly shortened: number;
  /** Candidate bullets weighed in each round of choosing. */
  readonly options: number;
}

export function keyDevelopmentsWork(input: KeyDevelopmentsInput, count = DEFAULT_BULLET_COUNT): KeyDevelopmentsWork {
  const plan = planBullets(input, count);
  return { sentences: plan.sentences.length, shortened: plan.shortened, options: plan.options.length };
}

export interface RankedSentence {
  readonly text: string;
  readonly paragraphId: string;
  /** Undefined for sentences that can never be bullets (questions, teasers, ads, boilerplate). */
  readonly score: number | undefined;
}

/** Every sentence with the value of its best bullet on its own, in document order: `npm run keydev -- --explain`. */
export function rankSentences(input: KeyDevelopmentsInput): RankedSentence[] {
  const plan = planBullets(input, DEFAULT_BULLET_COUNT);
  const nothing = new Uint8Array(plan.weights.length);
  const best = new Map<SourceSentence, number>();
  for (const option of plan.options) {
    const [sentence] = option.sentences;
    if (!sentence || option.sentences.length > 1) continue;
    best.set(sentence, Math.max(best.get(sentence) ?? -Infinity, marginalValue(option, nothing, plan.weights)));
  }
  return plan.sentences.map((sentence) => ({
    text: sentence.text,
    paragraphId: sentence.paragraphId,
    score: best.get(sentence),
  }));
}

interface BulletPlan {
  readonly sentences: readonly SourceSentence[];
  readonly options: readonly BulletOption[];
  /** How many sentences were shortened into candidates. */
  readonly shortened: number;
  /** How many sentences can stand as a bullet of their own: those with a number, where there are any. */
  readonly candidates: number;
  /** The weight of each concept, by index. */
  readonly weights: Float64Array;
  /** Words the briefing writes in lower case somewhere: only these lose their capital after a heading. */
  readonly lowerCaseWords: () => ReadonlySet<string>;
}

type ConceptKind = 'word' | 'figure' | 'section';

/** Concepts (a word's stem, a figure's key, a section's number) and their weights, interned as indexes. */
class ConceptTable {
  readonly #indexes: Record<ConceptKind, Map<string | number, number>> = {
    word: new Map(),
    figure: new Map(),
    section: new Map(),
  };
  readonly #weights: number[] = [];

  /** Raises a concept's weight to at least `weight`. */
  weigh(kind: ConceptKind, name: string | number, weight: number): void {
    const index = this.index(kind, name);
    this.#weights[index] = Math.max(this.#weights[index] ?? 0, weight);
  }

  index(kind: ConceptKind, name: string | number): number {
    const indexes = this.#indexes[kind];
    let index = indexes.get(name);
    if (index === undefined) {
      index = this.#weights.length;
      indexes.set(name, index);
      this.#weights.push(0);
    }
    return index;
  }

  weights(): Float64Array {
    return Float64Array.from(this.#weights);
  }
}

function planBullets(input: KeyDevelopmentsInput, count: number): BulletPlan {
  const { lang } = input;
  const sentences = sourceSentences(input.paragraphs, lang);
  const eligible = sentences.filter((sentence) => !sentence.excluded);
  const headings = [...new Set(input.paragraphs.flatMap((paragraph) => paragraph.section ?? []))];
  const headline = `${input.title} ${input.dek ?? ''}`;
  const concepts = new ConceptTable();

  // Words: how often the briefing comes back to them, and whether the headline or a heading uses them.
  const headlineWords = new Set(contentTokens(headline));
  const headingWords = new Set(headings.flatMap(contentTokens));
  const wordsBySentence = new Map(eligible.map((sentence) => [sentence, new Set(contentTokens(sentence.text))]));
  const sentenceCounts = new Map<string, number>();
  for (const words of wordsBySentence.values()) {
    for (const word of words) sentenceCounts.set(word, (sentenceCounts.get(word) ?? 0) + 1);
  }
  for (const [word, sentencesUsing] of sentenceCounts) {
    if (/^\d/.test(word)) continue;
    const boost = headlineWords.has(word) ? HEADLINE_WORD_BOOST : headingWords.has(word) ? HEADING_WORD_BOOST : 1;
    concepts.weigh('word', word, WORD_WEIGHT * Math.sqrt(Math.min(4, sentencesUsing)) * boost);
  }
  // Figures: the kind says how much; the headline, dek and headings say which ones the author put on top.
  const headlineFigures = statedFigures(headline, lang);
  const headingFigures = headings.flatMap((heading) => statedFigures(heading, lang));
  const mentionsBySentence = new Map(eligible.map((sentence) => [sentence, numericMentions(sentence.text, lang)]));
  const mentionsOf = (sentence: SourceSentence) => mentionsBySentence.get(sentence) ?? [];
  for (const sentence of eligible) {
    for (const mention of mentionsOf(sentence)) {
      const boost = headlineFigures.some((stated) => sameFigure(stated, mention))
        ? HEADLINE_FIGURE_BOOST
        : headingFigures.some((stated) => sameFigure(stated, mention))
          ? HEADING_FIGURE_BOOST
          : 1;
      concepts.weigh(
        'figure',
        mention.key,
        FIGURE_WEIGHT * FIGURE_WEIGHTS[mention.kind] * boost * prominence(sentence),
      );
    }
  }
  // A fact names a number, or at least someone or something the headline does not: "Finance chief
  // David Okafor becomes interim CEO" is news, "Norrvik Energy finds itself at the centre of …" is not.
  const headlineNames = new Set(headline.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const specificity = (text: string): number => {
    if (/\d/.test(text)) return 1;
    const names = text.match(/(?<=[\p{Ll},;]\s)\p{Lu}[\p{L}-]+/gu) ?? [];
    return names.some((name) => !headlineNames.has(name.toLowerCase())) ? NAMED_SPECIFICITY : 0;
  };
  const formOf = (text: string, mentions: readonly NumericMention[]): SentenceForm => {
    const ids = new Set(contentTokens(text).map((word) => concepts.index('word', word)));
    for (const mention of mentions) {
      if (containsNumber(text, mention.text)) ids.add(concepts.index('figure', mention.key));
    }
    return { text, words: wordCount(text), concepts: [...ids], specificity: specificity(text) };
  };
  // A heading that states a figure ("Marlow Cruise Lines (MRLW): up 8.4%") may lead its section's bullets.
  const headingForms = new Map<number, SentenceForm>();
  for (const sentence of eligible) {
    const heading = sentence.heading;
    if (heading === undefined || headingForms.has(sentence.section) || !/\d/.test(heading)) continue;
    const mentions = numericMentions(heading, lang);
    for (const mention of mentions) {
      const weight = FIGURE_WEIGHTS[mention.kind] * HEADING_FIGURE_BOOST * prominence(sentence);
      concepts.weigh('figure', mention.key, weight);
    }
    headingForms.set(sentence.section, formOf(headingLead(heading), mentions));
  }
  const sections = new Set(eligible.map((sentence) => sentence.section));
  for (const section of sections) concepts.weigh('section', section, sections.size > 1 ? SECTION_WEIGHT : 0);

  // A form keeps some of its sentence's numbers and drops none it keeps: find them once per sentence.
  const formsOf = (sentence: SourceSentence): SentenceForm[] =>
    compressions(sentence.text, lang)
      .map((text) => formOf(text, mentionsOf(sentence)))
      .filter((form) => form.words <= MAX_BULLET_WORDS);
  // Shortening is the costly part: only the sentences whose whole content could be worth most are
  // shortened (in document order), which also bounds the work on a briefing of any length.
  const weights = concepts.weights();
  const ceiling = (sentence: SourceSentence): number => {
    let value = sentence.openingPrior + SECTION_WEIGHT;
    for (const word of wordsBySentence.get(sentence) ?? []) value += weights[concepts.index('word', word)] ?? 0;
    for (const mention of mentionsOf(sentence)) value += weights[concepts.index('figure', mention.key)] ?? 0;
    return value;
  };
  const ceilings = new Map(eligible.map((sentence) => [sentence, ceiling(sentence)]));
  const candidates = [...eligible]
    .sort((a, b) => (ceilings.get(b) ?? 0) - (ceilings.get(a) ?? 0) || a.order - b.order)
    .slice(0, CANDIDATE_SENTENCES_PER_BULLET * count)
    .sort((a, b) => a.order - b.order);
  const forms = new Map(candidates.map((sentence) => [sentence, formsOf(sentence)]));
  const options: BulletOption[] = [];
  const add = (chosen: readonly SourceSentence[], parts: readonly SentenceForm[], heading?: SentenceForm) => {
    const words = parts.reduce((sum, part) => sum + part.words, heading?.words ?? 0);
    if (words <= MAX_BULLET_WORDS) options.push(bulletOption(chosen, parts, words, concepts, heading));
  };
  const sectionStarts = new Map<number, SourceSentence[]>();
  for (const sentence of eligible) {
    const opening = sectionStarts.get(sentence.section) ?? [];
    if (opening.length < 2) sectionStarts.set(sentence.section, [...opening, sentence]);
  }
  candidates.forEach((sentence, index) => {
    const own = forms.get(sentence) ?? [];
    for (const form of own) add([sentence], [form]);
    const heading = headingForms.get(sentence.section);
    if (heading && sectionStarts.get(sentence.section)?.includes(sentence)) {
      for (const form of own) add([sentence], [form], heading);
    }
    // Nearby sentences of one section often carry one development between them.
    for (const next of candidates.slice(index + 1, index + 1 + JOIN_WINDOW)) {
      if (next.section !== sentence.section || next.order - sentence.order > JOIN_WINDOW) break;
      for (const first of own) for (const second of forms.get(next) ?? []) add([sentence, next], [first, second]);
    }
  });
  // Read only when a bullet opens with a heading: most briefings need none.
  let lowerCase: ReadonlySet<string> | undefined;
  const lowerCaseWords = () =>
    (lowerCase ??= new Set(
      [headline, ...input.paragraphs.map((paragraph) => paragraph.text)].flatMap(
        (text) => text.match(/(?<![\p{L}\p{N}'’-])\p{Ll}[\p{L}'’-]*/gu) ?? [],
      ),
    ));
  const standing = candidates.filter((sentence) => (forms.get(sentence) ?? []).length > 0);
  const factual = standing.filter((sentence) => /\d/.test(sentence.text)).length;
  const candidateCount = factual > 0 ? factual : standing.length;
  return { sentences, options, shortened: candidates.length, candidates: candidateCount, weights, lowerCaseWords };
}

/** Where a figure is first stated says how much it matters: the lead carries the news, background comes later. */
function prominence(sentence: SourceSentence): number {
  return FIGURE_FLOOR + (1 - FIGURE_FLOOR) / (1 + FIGURE_DECAY * sentence.paragraphIndex);
}

function bulletOption(
  sentences: readonly SourceSentence[],
  parts: readonly SentenceForm[],
  words: number,
  concepts: ConceptTable,
  heading?: SentenceForm,
): BulletOption {
  const [first] = sentences;
  const [only, second] = parts;
  const merged = second ?? heading;
  return {
    sentences,
    parts,
    heading,
    words,
    concepts: merged ? [...new Set([...(only?.concepts ?? []), ...merged.concepts])] : (only?.concepts ?? []),
    section: concepts.index('section', first?.section ?? 0),
    prior:
      (first?.openingPrior ?? 0) -
      WORD_COST * words -
      GENERALITY_COST * (1 - Math.max(...parts.map((part) => part.specificity))),
  };
}

/**
 * What a bullet opening with a sentence is worth before its content: early position (news puts the
 * main facts first); less when it points back ("That would make…") and cannot stand alone, or quotes a
 * speaker, whose wording editors report rather than repeat. Generalities ("X finds itself at the
 * centre of two significant movements") state no fact: a bullet without any number pays GENERALITY_COST.
 */
function openingPrior(text: string, paragraphIndex: number, sentenceIndex: number): number {
  const position = POSITION_WEIGHT / (1 + 0.5 * paragraphIndex + 0.3 * sentenceIndex);
  return position - (ANAPHORIC.test(text) ? 0.25 : 0) - (QUOTED.test(text) ? 0.3 : 0);
}

function sourceSentences(paragraphs: readonly SourceParagraph[], lang: string | undefined): SourceSentence[] {
  const sentences: SourceSentence[] = [];
  const sectionIndexes = new Map<string | undefined, number>();
  let advertising: string | undefined | null = null;
  paragraphs.forEach((paragraph, paragraphIndex) => {
    // A line that says "Ad" opens an advertising block that runs to the end of its section.
    if (AD_MARKER.test(paragraph.text)) advertising = paragraph.section;
    else if (advertising !== null && advertising !== paragraph.section) advertising = null;
    const inAdvertising = advertising !== null;
    if (!sectionIndexes.has(paragraph.section)) sectionIndexes.set(paragraph.section, sectionIndexes.size);
    const section = sectionIndexes.get(paragraph.section) ?? 0;
    splitSentences(paragraph.text, lang).forEach((sentence, sentenceIndex) => {
      sentences.push({
        order: sentences.length,
        paragraphIndex,
        sentenceIndex,
        paragraphId: paragraph.id,
        section,
        heading: paragraph.section,
        text: sentence.text,
        excluded:
          inAdvertising || wordCount(sentence.text) < 5 || EXCLUDED.some((pattern) => pattern.test(sentence.text)),
        openingPrior: openingPrior(sentence.text, paragraphIndex, sentenceIndex),
      });
    });
  });
  return sentences;
}

/** A number in the text as a concept: a parsed figure, or a bare number no pattern names. */
interface NumericMention {
  readonly kind: FigureKind | 'number';
  /** As written. */
  readonly text: string;
  /** Equal for the same figure however it is written ("16,000 roles" and "16,000 jobs"). */
  readonly key: string;
  readonly value: number | string;
  readonly currency?: string | undefined;
}

/** A figure the headline, dek or a heading states, with the smallest step its digits express. */
interface StatedFigure extends NumericMention {
  /** 0.1 billion for "$9.8 billion", 1 for "$4,486". */
  readonly precision: number;
}

function statedFigures(text: string, lang: string | undefined): StatedFigure[] {
  return numericMentions(text, lang).map((mention) => ({
    ...mention,
    precision: precisionOf(mention.text, mention.value),
  }));
}

const BARE_NUMBER = /(?<![\d.,:])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d-])|(?<![\d.,:])\d+(?:\.\d+)?(?![\d,:-]|\.\d)/g;

function numericMentions(text: string, lang?: string): NumericMention[] {
  const figures = findFigures(text, lang);
  const mentions: NumericMention[] = figures.map((figure) => ({
    kind: figure.kind,
    text: figure.text,
    key: `${figure.kind === 'count' ? 'number' : figure.kind}:${figure.value}${figure.currency ?? ''}`,
    value: figure.value,
    currency: figure.currency,
  }));
  for (const match of text.matchAll(BARE_NUMBER)) {
    const start = match.index;
    if (figures.some((figure) => start < figure.end && start + match[0].length > figure.start)) continue;
    const value = Number(match[0].replace(/,/g, ''));
    // Years and small whole numbers ("2027", "three of 5") are dates and counts of little weight.
    if (/^(?:19|20)\d\d$/.test(match[0]) || (Number.isInteger(value) && value < 10)) continue;
    mentions.push({ kind: 'number', text: match[0], key: `number:${value}`, value });
  }
  return mentions;
}

/** The step of the last written digit, in the figure's own units: "465 pence" is 4.65 pounds to 0.01. */
function precisionOf(text: string, value: number | string): number {
  const written = /\d[\d,]*(?:\.(\d+))?/.exec(text);
  const number = Number(written?.[0].replace(/,/g, ''));
  if (typeof value !== 'number' || !number) return 1;
  return Math.abs(value / number) * 10 ** -(written?.[1]?.length ?? 0);
}

/** `number` stands in `text` as a whole ("4%" is not in "14%"). */
function containsNumber(text: string, number: string): boolean {
  for (let at = text.indexOf(number); at >= 0; at = text.indexOf(number, at + 1)) {
    const before = /\d/.test(number.charAt(0)) ? text.charAt(at - 1) : '';
    const after = text.slice(at + number.length, at + number.length + 2);
    if (!/[\d.,]/.test(before) && !/^(?:\d|[.,]\d)/.test(after)) return true;
  }
  return false;
}

/** The headline's "$4,486" is the body's "$4,486.20": same kind and currency, equal at the headline's precision. */
function sameFigure(stated: StatedFigure, mention: NumericMention): boolean {
  if (stated.key === mention.key) return true;
  if (stated.kind !== mention.kind || stated.currency !== mention.currency) return false;
  if (typeof stated.value !== 'number' || typeof mention.value !== 'number') return false;
  return Math.abs(mention.value - stated.value) < stated.precision / 2 + Number.EPSILON * Math.abs(stated.value);
}
