/**
 * Daily market data kept in git as `content/market/<SYMBOL>.csv`: one documented format, validated
 * line by line, and the snapshot figures (close on a day, 52-week high) derived from it.
 *
 * Format: UTF-8 CSV; lines starting with `#` are comments; the first other line is exactly
 * `date,open,high,low,close,volume`; then one trading day per line, dates `YYYY-MM-DD` in ascending
 * order, prices as decimal numbers in the instrument's currency, volume a whole number.
 */
import type { Finding } from '../content/frontmatter.ts';

export interface PriceRow {
  /** Trading day, YYYY-MM-DD. */
  readonly date: string;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

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

/** The calendar day of an ISO date-time as written (its own offset): `2026-01-30T16:00:00-05:00` → `2026-01-30`. */
export function dayOf(isoDateTime: string): string {
  return isoDateTime.slice(0, 10);
}

function daysBefore(date: string, days: number): string {
  const instant = new Date(`${date}T00:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() - days);
  return instant.toISOString().slice(0, 10);
}

export interface DerivedSnapshot {
  readonly close: number;
  readonly high52Week: number;
}

/**
 * The close on `date` and the highest high of the 52 weeks up to it (the 364 days before, and the day
 * itself), or a reason when the data has no row for that day.
 */
export function deriveSnapshot(
  rows: readonly PriceRow[],
  date: string,
): DerivedSnapshot | { readonly missing: string } {
  const day = rows.find((row) => row.date === date);
  if (!day) return { missing: `has no row for ${date}` };
  const from = daysBefore(date, 364);
  const high52Week = Math.max(...rows.filter((row) => row.date >= from && row.date <= date).map((row) => row.high));
  return { close: day.close, high52Week };
}

/** Differences of more than half a cent between typed figures and the data. */
export function snapshotDisagreements(
  typed: { close?: number | undefined; high52Week?: number | undefined },
  derived: DerivedSnapshot,
): string[] {
  const differences: string[] = [];
  if (typed.close !== undefined && Math.abs(typed.close - derived.close) > 0.005) {
    differences.push(`close ${typed.close} differs from the data's ${derived.close}`);
  }
  if (typed.high52Week !== undefined && Math.abs(typed.high52Week - derived.high52Week) > 0.005) {
    differences.push(`high52Week ${typed.high52Week} differs from the data's ${derived.high52Week}`);
  }
  return differences;
}

export interface SnapshotInput {
  readonly symbol: string;
  readonly asOf: string;
  readonly close?: number | undefined;
  readonly high52Week?: number | undefined;
  readonly currency?: string | undefined;
}

/**
 * A snapshot with every figure: typed figures win, missing ones come from the data; the currency
 * defaults to USD. An error names what is missing when the data cannot supply it.
 */
export function completeSnapshot(
  input: SnapshotInput,
  rows: readonly PriceRow[] | undefined,
):
  | { readonly snapshot: SnapshotInput & { close: number; high52Week: number; currency: string } }
  | { readonly error: string } {
  const currency = input.currency ?? 'USD';
  if (input.close !== undefined && input.high52Week !== undefined) {
    return { snapshot: { ...input, close: input.close, high52Week: input.high52Week, currency } };
  }
  if (!rows) {
    return {
      error: `leaves out close or high52Week, and there is no content/market/${input.symbol}.csv to take them from`,
    };
  }
  const derived = deriveSnapshot(rows, dayOf(input.asOf));
  if ('missing' in derived) {
    return { error: `leaves out close or high52Week, and content/market/${input.symbol}.csv ${derived.missing}` };
  }
  return {
    snapshot: {
      ...input,
      close: input.close ?? derived.close,
      high52Week: input.high52Week ?? derived.high52Week,
      currency,
    },
  };
}

/** The snapshot at the last day of the data: what a ticker page shows. Undefined when there is no data. */
export function latestSnapshot(symbol: string, rows: readonly PriceRow[]) {
  const last = rows.at(-1);
  if (!last) return undefined;
  const completed = completeSnapshot({ symbol, asOf: `${last.date}T00:00:00Z` }, rows);
  return 'error' in completed ? undefined : completed.snapshot;
}
