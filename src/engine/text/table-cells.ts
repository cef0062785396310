/** Recognises figures in table cells, so numeric columns can be aligned right without author markup. */

/** Placeholders that stand for "no value" and do not make a column textual. */
const EMPTY_CELL = /^(?:|[-–—]|n\/?a|nm|—)$/i;

/**
 * A single figure, optionally signed or bracketed, with a currency sign or code and a unit suffix:
 * `180.2`, `$180.2bn`, `-3.1%`, `(12)`, `+250 bp`, `€1,200m`, `2.5x`, `USD 4.1`.
 */
const FIGURE =
  /^[+\-−(]?\s*(?:[$€£¥]|[A-Z]{3}\s)?\s*[+\-−]?\d{1,3}(?:[,\u202f\u00a0 ]?\d{3})*(?:\.\d+)?\s*(?:%|pp|bps?|bp|x|×|k|m|mn|bn|b|tn|t|million|billion|trillion)?\)?$/i;

export function isEmptyCell(text: string): boolean {
  return EMPTY_CELL.test(text.trim());
}

export function isFigureCell(text: string): boolean {
  return FIGURE.test(text.trim());
}

/** A column is numeric when it has at least one figure and every other body cell is empty. */
export function isNumericColumn(cells: readonly string[]): boolean {
  const filled = cells.filter((cell) => !isEmptyCell(cell));
  return filled.length > 0 && filled.every(isFigureCell);
}
