/**
 * Measures for generated bullets against editors' bullets: ROUGE-N on stemmed tokens, and figure recall
 * (how many of the figures that matter made it into the bullets).
 */
import { stemmedTokens } from '../src/engine/text/tokens.ts';

export interface RougeScore {
  readonly recall: number;
  readonly precision: number;
  readonly f1: number;
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let index = 0; index + n <= tokens.length; index++) {
    const gram = tokens.slice(index, index + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N of `candidate` against `reference` (lower-case, alphanumeric, Porter-stemmed tokens). */
export function rouge(candidate: string, reference: string, n: number): RougeScore {
  const candidateGrams = ngramCounts(stemmedTokens(candidate), n);
  const referenceGrams = ngramCounts(stemmedTokens(reference), n);
  let overlap = 0;
  for (const [gram, count] of referenceGrams) overlap += Math.min(count, candidateGrams.get(gram) ?? 0);
  const total = (grams: Map<string, number>) => [...grams.values()].reduce((sum, count) => sum + count, 0);
  const referenceTotal = total(referenceGrams);
  const candidateTotal = total(candidateGrams);
  const recall = referenceTotal === 0 ? 0 : overlap / referenceTotal;
  const precision = candidateTotal === 0 ? 0 : overlap / candidateTotal;
  const f1 = recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
  return { recall, precision, f1 };
}

/** Normal form for matching figures: 16,000 = 16000, bn = billion, percent = %. */
export function normaliseFigures(text: string): string {
  return text
    .toLowerCase()
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/(\d)\s?(?:per cent|percent)\b/g, '$1%')
    .replace(/(\d)\s+%/g, '$1%')
    .replace(/(\d)\s?bn\b/g, '$1 billion')
    .replace(/(\d)\s?mn\b/g, '$1 million')
    .replace(/(\d)\s?tn\b/g, '$1 trillion')
    .replace(/\s+/g, ' ');
}

/** Share of `figures` that appear in `text`, after normalising both. */
export function figureRecall(text: string, figures: readonly string[]): number {
  if (figures.length === 0) return 1;
  const haystack = normaliseFigures(text);
  return figures.filter((figure) => haystack.includes(normaliseFigures(figure))).length / figures.length;
}
