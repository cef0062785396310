/** Value types several schemas share: date-times with offset, web addresses, ticker symbols, tags, author ids. */
import { z } from 'astro/zod';
import { DATE_TIME_EXAMPLE, parseOffsetDateTime } from '../../engine/time.ts';
import { TAG_SLUG, TICKER_SYMBOL } from '../../engine/tickers.ts';
import { expected } from './messages.ts';

/** An ISO 8601 date-time with an explicit UTC offset, kept as written so the offset survives. */
export const offsetDateTime = z
  .string({ error: expected(`an ISO 8601 date-time with offset, e.g. ${DATE_TIME_EXAMPLE}`) })
  .superRefine((value, ctx) => {
    const parsed = parseOffsetDateTime(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `"${value}" ${parsed.reason}` });
  });

/** An absolute http(s) URL. */
export const webUrl = z.url({
  protocol: /^https?$/,
  error: expected('an absolute http(s) URL, e.g. https://example.com/story'),
});

export const tickerSymbol = z.string({ error: expected('a ticker symbol such as AMZN') }).regex(TICKER_SYMBOL, {
  error: (issue) =>
    `"${String(issue.input)}" is not a ticker symbol: use upper-case letters and digits, with an optional class suffix (AMZN, T, BRK.B)`,
});

export const tagSlug = z.string({ error: expected('a tag such as ai or earnings') }).regex(TAG_SLUG, {
  error: (issue) => `"${String(issue.input)}" is not a tag: use lower-case words joined by hyphens (job-cuts)`,
});

/** Author ids are the file names in `content/authors/`, e.g. `jane-doe`. */
export const authorId = z
  .string({ error: expected('an author id from content/authors/, e.g. jane-doe') })
  .regex(TAG_SLUG, {
    error: (issue) => `"${String(issue.input)}" is not an author id (the file name in content/authors/)`,
  });
