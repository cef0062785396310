/** Value types several schemas share: date-times with offset, web addresses, ticker symbols, tags, author ids. */
import { z } from 'astro/zod';
import { DATE_TIME_EXAMPLE, parseOffsetDateTime } from '../../engine/time.ts';
import { SLUG, TAG, TICKER_SYMBOL } from '../../engine/tickers.ts';
import { expected, notATickerSymbol } from './messages.ts';

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

/** A ticker symbol such as AMZN or BRK.B (`TICKER_SYMBOL`); `<Ticker symbol="…">` in a body is held to the same form. */
export const tickerSymbol = z.string({ error: expected('a ticker symbol such as AMZN') }).regex(TICKER_SYMBOL, {
  error: (issue) => notATickerSymbol(`"${String(issue.input)}"`),
});

/** A tag (`TAG`): words of any script, lower-case where the script has case, joined by hyphens; in NFC. */
export const tagSlug = z
  .string({ error: expected('a tag such as ai or earnings') })
  .regex(TAG, {
    error: (issue) =>
      `"${String(issue.input)}" is not a tag: use lower-case words of any script joined by hyphens (job-cuts, börse, 日本株)`,
  })
  // "börse" typed on another keyboard can be other bytes for the same letters: one tag, one page.
  .refine((tag) => tag === tag.normalize('NFC'), {
    error: (issue) => `"${String(issue.input)}" is not in Unicode NFC: retype it, or normalise the file to NFC`,
  });

/** Author ids are the file names in `content/authors/`, e.g. `jane-doe`. */
export const authorId = z.string({ error: expected('an author id from content/authors/, e.g. jane-doe') }).regex(SLUG, {
  error: (issue) => `"${String(issue.input)}" is not an author id (the file name in content/authors/)`,
});

/** Whether `tag` is one BCP 47 language tag: en-GB, de, ja-JP. */
export const isLanguageTag = (tag: string): boolean => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
};

export const languageTag = z
  .string({ error: expected('a BCP 47 language tag such as en-GB or de') })
  .refine(isLanguageTag, {
    error: (issue) => `"${String(issue.input)}" is not a BCP 47 language tag such as en-GB, de-DE or ja`,
  });
