/**
 * "Key developments at a glance": three (up to five) bullets drawn from a briefing's own sentences.
 *
 * The method is extractive and explainable: a coverage objective. The facts of a briefing are concepts
 * with weights: its figures (weighted by kind, and several times over when the headline, the dek or a
 * section heading states them, since that is the author saying what matters), its content words
 * (weighted by how often the briefing returns to them and whether the headline uses them), and its
 * sections. A bullet is one sentence, or two nearby sentences of a section when the second goes on about
 * the first, each whole or shortened by deleting whole constituents (`constituent-shortening.ts`), and
 * every form has passed the bullet guard (`bullet-guard.ts`); a heading that names a company may lead
 * its section's bullet (`heading-lead.ts`). The sentence that states the headline's fact is the first
 * bullet (`headline-statement.ts`), and every headline figure the body states is carried. Then bullets
 * are chosen one at a time for the weight of the concepts they add that no chosen bullet covers yet,
 * less a cost per word, plus a small prior for early position: a figure already carried, a word already
 * said and a section already quoted add nothing, so the bullets cover distinct facts from distinct
 * sections. Questions, teasers, ads and boilerplate are never candidates, and a sentence of generalities
 * with no figure weighs little against any fact.
 */
import { findFigures, type Figure, type FigureKind } from '../text/figures.ts';
import { splitSentences } from '../text/sentences.ts';
import { contentTokens, wordCount } from '../text/tokens.ts';
import {
  canStandFor,
  sentenceForms,
  withAntecedent,
  type SentenceForm,
  type SentenceForms,
} from './constituent-shortening.ts';
import { containsNumber, numericMentions, sameFigure, statedFigures, type NumericMention } from './figure-mentions.ts';
import { afterHeading, headingLead, headingMayLead } from './heading-lead.ts';
import { headlineStatement } from './headline-statement.ts';

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
const MAX_BULLET_WORDS = 36;
/**
 * Only this many sentences per bullet asked for, those whose content weighs most, are shortened into
 * candidates (all of them still count for word and figure weights), so choosing is bounded however long
 * a briefing is.
 */
const CANDIDATE_SENTENCES_PER_BULLET = 4;
/** How many sentences back a pronoun's antecedent may be. */
const ANTECEDENT_WINDOW = 2;
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
const HEADING_FIGURE_BOOST = 3.5;
/** A figure's weight falls with the paragraph that first states it, to this share at the end. */
const FIGURE_FLOOR = 0.55;
const FIGURE_DECAY = 0.3;
/** Content words: per briefing sentence that uses them (up to 4), and more when the headline does. */
const WORD_WEIGHT = 0.05;
const HEADLINE_WORD_BOOST = 3.1;
const HEADING_WORD_BOOST = 1.6;
/** A section not yet quoted is a concept of its own, so the bullets spread over the sections. */
const SECTION_WEIGHT = 0.25;
/** Cost of a word in a bullet: a longer bullet must carry more. */
const WORD_COST = 0.065;
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

/** One form of one sentence (whole, or shortened by constituents), with the concepts it covers (as indexes into the weights). */
interface WeighedForm {
  readonly text: string;
  /** `pronoun` when it opens with a word that points back: it may only follow the sentence before it. */
  readonly verdict: 'ok' | 'pronoun';
  /** The words before its first verb, as written. */
  readonly subject: readonly string[];
  /** Its subject, when that is a name or a definite noun phrase a later pronoun may stand for. */
  readonly antecedent: string | undefined;
  readonly words: number;
  readonly concepts: readonly number[];
  /** 1 with a number; less with only a name the headline does not give; 0 for generalities. */
  readonly specificity: number;
}

/** One way to put one or two sentences as a bullet. */
interface BulletOption {
  readonly sentences: readonly SourceSentence[];
  /** The form of each sentence, in order. */
  readonly parts: readonly WeighedForm[];
  /** The section's heading as a lead-in, where it states a figure ("Marlow Cruise Lines: up 8.4%"). */
  readonly heading?: WeighedForm | undefined;
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
    const isOpen = (option: BulletOption) =>
      option.sentences.length <= 1 + spare && !option.sentences.some((sentence) => used.has(sentence));
    // The headline's own fact comes first, whatever else weighs more; then each headline figure the
    // body states and the box does not carry yet, where an option can carry it.
    const statement = chosen.length === 0 ? plan.statement : undefined;
    const missing = plan.titleFigures.filter((concept) => !covered[concept]);
    const carriesMissing = (option: BulletOption) => option.concepts.some((concept) => missing.includes(concept));
    const mustCarry =
      !statement && missing.length > 0 && plan.options.some((option) => isOpen(option) && carriesMissing(option));
    for (const option of plan.options) {
      if (!isOpen(option)) continue;
      if (statement && !option.sentences.includes(statement)) continue;
      if (!statement && option.words > MAX_BULLET_WORDS) continue;
      if (mustCarry && !carriesMissing(option)) continue;
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
  /** Forms of the shortened sentences that the bullet guard refused (`bullet-guard.ts`). */
  readonly refused: number;
}

export function keyDevelopmentsWork(input: KeyDevelopmentsInput, count = DEFAULT_BULLET_COUNT): KeyDevelopmentsWork {
  const plan = planBullets(input, count);
  return {
    sentences: plan.sentences.length,
    shortened: plan.shortened,
    options: plan.options.length,
    refused: plan.refused,
  };
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
  /** Forms the bullet guard refused. */
  readonly refused: number;
  /** The sentence that states the headline's fact, which the first bullet takes, if the body has one. */
  readonly statement: SourceSentence | undefined;
  /** The concepts of the headline's figures that the body states: the box carries each of them. */
  readonly titleFigures: readonly number[];
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
  const titleFigures = statedFigures(input.title, lang);
  const titleConcepts = new Set<number>();
  for (const sentence of eligible) {
    for (const mention of mentionsOf(sentence)) {
      if (titleFigures.some((stated) => sameFigure(stated, mention))) {
        titleConcepts.add(concepts.index('figure', mention.key));
      }
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
  const formOf = (
    text: string,
    mentions: readonly NumericMention[],
    verdict: WeighedForm['verdict'] = 'ok',
    subject: readonly string[] = [],
    antecedent?: string,
  ): WeighedForm => {
    const ids = new Set(contentTokens(text).map((word) => concepts.index('word', word)));
    for (const mention of mentions) {
      if (containsNumber(text, mention.text)) ids.add(concepts.index('figure', mention.key));
    }
    return {
      text,
      verdict,
      subject,
      antecedent,
      words: wordCount(text),
      concepts: [...ids],
      specificity: specificity(text),
    };
  };
  // A heading that states a figure ("Marlow Cruise Lines (MRLW): up 8.4%") may lead its section's bullets.
  const headingForms = new Map<number, WeighedForm>();
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

  // Every form passed the bullet guard; the sentence's numbers are found once.
  let refused = 0;
  const shortenings = new Map<SourceSentence, SentenceForms>();
  const shortened = (sentence: SourceSentence): SentenceForms => {
    let forms = shortenings.get(sentence);
    if (!forms) {
      forms = sentenceForms(sentence.text, lang);
      refused += forms.refused;
      shortenings.set(sentence, forms);
    }
    return forms;
  };
  const formsOf = (sentence: SourceSentence): WeighedForm[] =>
    shortened(sentence).forms.flatMap((form) => {
      const weighed = formOf(form.text, mentionsOf(sentence), form.verdict, form.subject, form.antecedent);
      // "It will cancel 3,000 flights" stands alone as "The carrier will cancel 3,000 flights".
      const named = form.verdict === 'pronoun' ? namedForm(form, sentence) : undefined;
      return named
        ? [weighed, formOf(named.text, mentionsOf(sentence), 'ok', named.subject, named.antecedent)]
        : [weighed];
    });
  // The subject of one of the sentences just before, in the same section, that is a name or a definite
  // noun phrase the pronoun agrees with.
  const namedForm = (form: SentenceForm, sentence: SourceSentence) => {
    for (let order = sentence.order - 1; order >= sentence.order - ANTECEDENT_WINDOW; order--) {
      const before = sentences[order];
      if (!before || before.excluded || before.section !== sentence.section) return undefined;
      const named = withAntecedent(form, shortened(before).forms[0]?.antecedent, input.title);
      if (named) return named;
    }
    return undefined;
  };
  // The sentence that states the headline's fact is always a candidate, and the first bullet takes it.
  const statementIndex = headlineStatement(
    input.title,
    eligible.map((sentence) => ({ text: sentence.text, mentions: mentionsOf(sentence) })),
    lang,
  );
  const statement = eligible[statementIndex];
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
  const strongest = [...eligible]
    .sort((a, b) => (ceilings.get(b) ?? 0) - (ceilings.get(a) ?? 0) || a.order - b.order)
    .slice(0, CANDIDATE_SENTENCES_PER_BULLET * count);
  const candidates = [...new Set([...strongest, ...(statement ? [statement] : [])])].sort((a, b) => a.order - b.order);
  const forms = new Map(candidates.map((sentence) => [sentence, formsOf(sentence)]));
  const options: BulletOption[] = [];
  // Only the headline's statement may run past MAX_BULLET_WORDS, and then alone: it is never dropped.
  const add = (chosen: readonly SourceSentence[], parts: readonly WeighedForm[], heading?: WeighedForm) => {
    const words = parts.reduce((sum, part) => sum + part.words, heading?.words ?? 0);
    const alone = chosen.length === 1 && !heading && chosen[0] === statement;
    if (words <= MAX_BULLET_WORDS || alone) options.push(bulletOption(chosen, parts, words, concepts, heading));
  };
  const sectionStarts = new Map<number, SourceSentence[]>();
  for (const sentence of eligible) {
    const opening = sectionStarts.get(sentence.section) ?? [];
    if (opening.length < 2) sectionStarts.set(sentence.section, [...opening, sentence]);
  }
  candidates.forEach((sentence, index) => {
    // A bullet never opens with a word that points back to a sentence it does not hold.
    const own = (forms.get(sentence) ?? []).filter((form) => form.verdict === 'ok');
    for (const form of own) add([sentence], [form]);
    const heading = headingForms.get(sentence.section);
    if (heading && sentence.heading && sectionStarts.get(sentence.section)?.includes(sentence)) {
      for (const form of own) {
        const opensSection = sectionStarts.get(sentence.section)?.[0] === sentence;
        if (headingMayLead(sentence.heading, form.text, lang, opensSection)) add([sentence], [form], heading);
      }
    }
    // Nearby sentences of one section carry one development between them when the second goes on
    // about the first's subject or fact.
    for (const next of candidates.slice(index + 1, index + 1 + JOIN_WINDOW)) {
      if (next.section !== sentence.section || next.order - sentence.order > JOIN_WINDOW) break;
      const adjacent = next.order === sentence.order + 1;
      for (const second of forms.get(next) ?? []) {
        for (const first of own) {
          if (continues(first, second, adjacent, input.title)) add([sentence, next], [first, second]);
        }
      }
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
  const standing = candidates.filter((sentence) => forms.get(sentence)?.some((form) => form.verdict === 'ok'));
  const factual = standing.filter((sentence) => /\d/.test(sentence.text)).length;
  const candidateCount = factual > 0 ? factual : standing.length;
  return {
    sentences,
    options,
    shortened: candidates.length,
    refused,
    statement: statement && options.some((option) => option.sentences.includes(statement)) ? statement : undefined,
    candidates: candidateCount,
    titleFigures: [...titleConcepts],
    weights,
    lowerCaseWords,
  };
}

/**
 * Nouns by which a subject goes on about the fact or the company of the sentence before: "The deal
 * values …", "Operating margin widened …", "Shares rose …".
 */
const CONTINUING_NOUNS = new Set(
  `deal offer bid transaction acquisition merger purchase sale move decision plan programme program buyback split
   charge cut cuts increase rise fall drop gain loss results figures forecast guidance outlook payout dividend
   company group bank firm lender insurer operator carrier stock shares revenue revenues sales profit income margin
   earnings ebitda ebita orders bookings costs debt cash volume volumes deliveries shipments
   analysts economists consensus estimate estimates expectations`.split(/\s+/),
);

const PERSONAL_PRONOUNS = new Set(['he', 'she', 'his', 'her']);
const PERSON_ROLES =
  /\b(?:analyst|analysts|chief|executive|economist|officer|strategist|minister|governor|president|chair|chairman|chairwoman|director|founder|CEO|CFO|spokesman|spokeswoman|spokesperson|trader|manager)\b/i;

/**
 * Whether `second` goes on about what `first` says, so the two read as one development: its subject
 * points back to a first sentence that states a fact ("It", "The deal"), or names something `first` names.
 */
function continues(first: WeighedForm, second: WeighedForm, adjacent: boolean, headline: string): boolean {
  const opener = second.subject[0]?.toLowerCase() ?? '';
  // "He" and "She" point back to a person the first sentence names by role: "Analyst Jane Doe … She said …".
  if (PERSONAL_PRONOUNS.has(opener)) return adjacent && PERSON_ROLES.test(first.text);
  // "It" and "They" stand for the subject just before, when that names a company or the like ("Carrow
  // Home Brands cut … Its shares fell …"), never for "Inflation fell … It cut its forecast".
  if (/^(?:it|its|they|their)$/.test(opener)) {
    return adjacent && first.antecedent !== undefined && canStandFor(opener, first.antecedent, headline);
  }
  // "This", "That", "Such", or a subject such as "The deal", "Operating margin", "Shares": the fact before.
  if (second.verdict === 'pronoun' || continuesSubject(second.subject)) return /\d/.test(first.text);
  const named = new Set(contentTokens(first.text));
  return contentTokens(second.subject.join(' ')).some((word) => named.has(word));
}

/** Words that may stand before a continuing noun: "The deal", "Its shares", "Operating margin". */
const CONTINUING_MODIFIERS = new Set(
  `the its their this that these those net operating gross adjusted core total quarterly annual underlying organic
   comparable`.split(/\s+/),
);

/** Whether a subject is a continuing noun with at most its determiner and one modifier ("The company's" is not). */
function continuesSubject(subject: readonly string[]): boolean {
  const words = subject.map((word) => word.toLowerCase());
  const head = words.at(-1) ?? '';
  return (
    words.length <= 3 &&
    CONTINUING_NOUNS.has(head) &&
    words.slice(0, -1).every((word) => CONTINUING_MODIFIERS.has(word))
  );
}

/** Where a figure is first stated says how much it matters: the lead carries the news, background comes later. */
function prominence(sentence: SourceSentence): number {
  return FIGURE_FLOOR + (1 - FIGURE_FLOOR) / (1 + FIGURE_DECAY * sentence.paragraphIndex);
}

function bulletOption(
  sentences: readonly SourceSentence[],
  parts: readonly WeighedForm[],
  words: number,
  concepts: ConceptTable,
  heading?: WeighedForm,
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
