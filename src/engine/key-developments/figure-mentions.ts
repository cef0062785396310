/**
 * Numbers of a text as concepts the key-developments engine weighs: parsed figures and bare numbers,
 * keyed so that the same figure however written ("16,000 roles", "16,000 jobs"; "€41 billion", "41 billion
 * euros"; "10-for-1", "a ratio of 1:10") is one concept, and matched against the headline at the
 * precision the headline writes.
 */
import { findFigures, type FigureKind } from '../text/figures.ts';

/** A number in the text as a concept: a parsed figure, or a bare number no pattern names. */
export interface NumericMention {
  readonly kind: FigureKind | 'number';
  /** As written. */
  readonly text: string;
  /** Equal for the same figure however it is written ("16,000 roles" and "16,000 jobs"). */
  readonly key: string;
  readonly value: number | string;
  readonly currency?: string | undefined;
}

/** A figure the headline, dek or a heading states, with the smallest step its digits express. */
export interface StatedFigure extends NumericMention {
  /** 0.1 billion for "$9.8 billion", 1 for "$4,486". */
  readonly precision: number;
}

export function statedFigures(text: string, lang: string | undefined): StatedFigure[] {
  return numericMentions(text, lang).map((mention) => ({
    ...mention,
    precision: precisionOf(mention.text, mention.value),
  }));
}

const BARE_NUMBER = /(?<![\d.,:])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d-])|(?<![\d.,:])\d+(?:\.\d+)?(?![\d,:-]|\.\d)/g;

export function numericMentions(text: string, lang?: string): NumericMention[] {
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
export function containsNumber(text: string, number: string): boolean {
  for (let at = text.indexOf(number); at >= 0; at = text.indexOf(number, at + 1)) {
    const before = /\d/.test(number.charAt(0)) ? text.charAt(at - 1) : '';
    const after = text.slice(at + number.length, at + number.length + 2);
    if (!/[\d.,]/.test(before) && !/^(?:\d|[.,]\d)/.test(after)) return true;
  }
  return false;
}

/** The headline's "$4,486" is the body's "$4,486.20": same kind and currency, equal at the headline's precision. */
export function sameFigure(stated: StatedFigure, mention: NumericMention): boolean {
  if (stated.key === mention.key) return true;
  if (stated.kind !== mention.kind || stated.currency !== mention.currency) return false;
  if (typeof stated.value !== 'number' || typeof mention.value !== 'number') return false;
  return Math.abs(mention.value - stated.value) < stated.precision / 2 + Number.EPSILON * Math.abs(stated.value);
}
