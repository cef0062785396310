/** A briefing's market snapshot: one instrument's close and 52-week high at a moment. */
import { z } from 'astro/zod';
import { offsetDateTime, tickerSymbol } from './field-types.ts';
import { expected } from './messages.ts';

const isCurrencyCode = (code: string) => Intl.supportedValuesOf('currency').includes(code);

const price = (example: string) =>
  z.number({ error: expected(`a price such as ${example}`) }).positive({ error: 'must be above zero' });

const snapshotFields = {
  /** Ticker symbol the snapshot is for, e.g. AMZN. */
  symbol: tickerSymbol,
  /** Closing price in `currency`, e.g. 241.00. */
  close: price('241.00'),
  /** ISO 4217 currency code of the prices, e.g. USD. */
  currency: z.string({ error: expected('a currency code such as USD') }).refine(isCurrencyCode, {
    error: (issue) => `"${String(issue.input)}" is not an ISO 4217 currency code such as USD or EUR`,
  }),
  /** When the close was struck, with offset, e.g. 2026-01-30T16:00:00-05:00. */
  asOf: offsetDateTime,
  /** Highest price of the 52 weeks up to `asOf`, in `currency`. */
  high52Week: price('247.43'),
};

function closeWithinHigh(
  snapshot: { close?: number | undefined; high52Week?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  if (snapshot.close !== undefined && snapshot.high52Week !== undefined && snapshot.close > snapshot.high52Week) {
    ctx.addIssue({
      code: 'custom',
      path: ['high52Week'],
      message: `(${snapshot.high52Week}) is below the close (${snapshot.close}): a 52-week high includes the close`,
    });
  }
}

/** A price snapshot of one instrument at a moment, from which the page derives the distance to the 52-week high. */
export const marketSnapshotSchema = z.strictObject(snapshotFields).superRefine(closeWithinHigh);

/**
 * The snapshot as an author may write it: `close`, `high52Week` and `currency` may be left out when
 * `content/market/<SYMBOL>.csv` has the data (the build fills them in from it; the currency defaults to USD).
 */
export const marketSnapshotInputSchema = z
  .strictObject({
    ...snapshotFields,
    close: snapshotFields.close.optional(),
    currency: snapshotFields.currency.optional(),
    high52Week: snapshotFields.high52Week.optional(),
  })
  .superRefine(closeWithinHigh);

export type MarketSnapshot = z.output<typeof marketSnapshotSchema>;
