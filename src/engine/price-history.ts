/**
 * Daily prices of an instrument and the snapshot figures derived from them: the close on a day, the
 * 52-week high, and how a snapshot an author wrote compares. Read from `content/market/<SYMBOL>.csv` by
 * `src/content/market-csv.ts`.
 */

export interface PriceRow {
  /** Trading day, YYYY-MM-DD. */
  readonly date: string;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
}

/** The calendar day of an ISO date-time as written (its own offset): `2026-01-30T16:00:00-05:00` → `2026-01-30`. */
export function dayOf(isoDateTime: string): string {
  return isoDateTime.slice(0, 10);
}

/** The day `days` before `date` (after it, for a negative count), both YYYY-MM-DD. */
export function daysBefore(date: string, days: number): string {
  const instant = new Date(`${date}T00:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() - days);
  return instant.toISOString().slice(0, 10);
}

/** A chart's days: `to` defaults to the last day of data, `from` to 52 weeks (364 days) before `to`. */
export function chartRange(
  rows: readonly PriceRow[],
  from: string | undefined,
  to: string | undefined,
): { from: string; to: string } {
  const end = to ?? rows.at(-1)?.date ?? '1970-01-01';
  return { from: from ?? daysBefore(end, 364), to: end };
}

/** The rows of a chart's days, `from` and `to` included. */
export function rowsInRange(rows: readonly PriceRow[], range: { from: string; to: string }): PriceRow[] {
  return rows.filter((row) => row.date >= range.from && row.date <= range.to);
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
