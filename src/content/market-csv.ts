/**
 * Daily market data kept in git as `content/market/<SYMBOL>.csv`: one documented format, validated
 * line by line, each problem a finding at its line and column.
 *
 * Format: UTF-8 CSV; lines starting with `#` are comments; the first other line is exactly
 * `date,open,high,low,close,volume`; then one trading day per line, dates `YYYY-MM-DD` in ascending
 * order, prices as decimal numbers in the instrument's currency, volume a whole number.
 */
import type { PriceRow } from '../engine/price-history.ts';
import type { Finding } from './finding.ts';

export const MARKET_CSV_HEADER = 'date,open,high,low,close,volume';

export interface ParsedSeries {
  readonly rows: PriceRow[];
  readonly findings: Finding[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
}

export function parseMarketCsv(text: string, file: string): ParsedSeries {
  const rows: PriceRow[] = [];
  const findings: Finding[] = [];
  const error = (line: number, column: number, message: string) =>
    findings.push({ file, line, column, severity: 'error', message });
  let headerSeen = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) return;
    if (!headerSeen) {
      headerSeen = true;
      if (content !== MARKET_CSV_HEADER) error(line, 1, `expected the header "${MARKET_CSV_HEADER}", got "${content}"`);
      return;
    }
    const fields = content.split(',');
    if (fields.length !== 6) {
      error(line, 1, `expected 6 fields (${MARKET_CSV_HEADER}), got ${fields.length}`);
      return;
    }
    const [date = '', ...numbers] = fields.map((field) => field.trim());
    if (!DATE.test(date) || !isRealDate(date)) {
      error(line, 1, `"${date}" is not a date written YYYY-MM-DD`);
      return;
    }
    const previous = rows.at(-1);
    if (previous && date <= previous.date) {
      error(line, 1, `${date} comes after ${previous.date}: rows must be in ascending date order, one per day`);
      return;
    }
    const names = ['open', 'high', 'low', 'close', 'volume'] as const;
    const values: number[] = [];
    let column = date.length + 2;
    for (const [position, text] of numbers.entries()) {
      const value = Number(text);
      const name = names[position] ?? 'value';
      if (text === '' || !Number.isFinite(value) || value < 0 || (name !== 'volume' && value === 0)) {
        error(line, column, `${name} "${text}" is not a ${name === 'volume' ? 'whole number' : 'positive price'}`);
        return;
      }
      if (name === 'volume' && !Number.isInteger(value)) {
        error(line, column, `volume "${text}" is not a whole number`);
        return;
      }
      values.push(value);
      column += text.length + 1;
    }
    const [open = 0, high = 0, low = 0, close = 0, volume = 0] = values;
    if (high < Math.max(open, close, low) || low > Math.min(open, close, high)) {
      error(
        line,
        1,
        `on ${date} the high (${high}) and low (${low}) do not contain the open (${open}) and close (${close})`,
      );
      return;
    }
    rows.push({ date, open, high, low, close, volume });
  });
  if (!headerSeen) error(1, 1, `expected the header "${MARKET_CSV_HEADER}"`);
  return { rows, findings };
}
