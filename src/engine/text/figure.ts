/**
 * What a figure found in prose is: its kind, the text as written and its machine-readable value. Its own
 * module, so the English parser (`figures.ts`) and the other conventions (`figures-international.ts`)
 * both depend on it and not on each other.
 */

export type FigureKind =
  | 'money'
  | 'percent'
  | 'percentage-points'
  | 'basis-points'
  | 'count'
  | 'multiple'
  | 'quarter'
  | 'date'
  | 'vote'
  | 'ratio';

export interface Figure {
  readonly kind: FigureKind;
  /** The figure exactly as written, e.g. "$50 billion". */
  readonly text: string;
  /** Offset of `text` in the scanned string. */
  readonly start: number;
  readonly end: number;
  /**
   * Machine-readable value: the amount for money (in currency units), the number for percentages,
   * points, counts and multiples; `YYYY-MM-DD`, `--MM-DD` or `YYYY-MM` for dates; `YYYY-Qn` for
   * quarters; `5-4` for votes; `1:10` for ratios.
   */
  readonly value: number | string;
  /** ISO 4217 code, for money. */
  readonly currency?: string;
  /** What is counted, for counts: "roles", "shares". */
  readonly unit?: string;
}
