/** One entry of `content/tickers.yaml`, keyed by symbol. */
import { z } from 'astro/zod';
import { text } from './messages.ts';

export const tickerInfoSchema = z.strictObject({
  /** Company or instrument name, e.g. "Amazon.com, Inc.". */
  name: text('the company name', 120),
  /** Exchange or market, e.g. Nasdaq. */
  exchange: text('the exchange', 60),
});
