/**
 * What a briefing's frontmatter may hold. The one definition of a briefing: the content collection,
 * the content check and the tests all use this schema.
 */
import { z } from 'astro/zod';
import { DATE_TIME_EXAMPLE, isTimeZone, parseOffsetDateTime } from '../../engine/time.ts';
import { TAG_SLUG, TICKER_SYMBOL } from '../../engine/tickers.ts';

/** Describes a wrong value in a few words, for messages: `the text "AMZN, MSFT"`, `a number (5)`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `the text "${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  if (typeof value === 'number') return `a number (${value})`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  return 'a group of fields';
}

function expected(what: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? `is required (${what})` : `expected ${what}, got ${describeValue(issue.input)}`;
}

const text = (what: string, max: number) =>
  z
    .string({ error: expected(what) })
    .trim()
    .min(1, { error: `must not be empty (${what})` })
    .max(max, { error: `is longer than ${max} characters` });

/** An ISO 8601 date-time with an explicit UTC offset, kept as written so the offset survives. */
export const offsetDateTime = z
  .string({ error: expected(`an ISO 8601 date-time with offset, e.g. ${DATE_TIME_EXAMPLE}`) })
  .superRefine((value, ctx) => {
    const parsed = parseOffsetDateTime(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `"${value}" ${parsed.reason}` });
  });

const absoluteUrl = z.url({
  protocol: /^https?$/,
  error: expected('an absolute http(s) URL, e.g. https://example.com/story'),
});

export const tickerSymbol = z.string({ error: expected('a ticker symbol such as AMZN') }).regex(TICKER_SYMBOL, {
  error: (issue) =>
    `"${String(issue.input)}" is not a ticker symbol: use upper-case letters and digits, with an optional class suffix (AMZN, T, BRK.B)`,
});

const tagSlug = z.string({ error: expected('a tag such as ai or earnings') }).regex(TAG_SLUG, {
  error: (issue) => `"${String(issue.input)}" is not a tag: use lower-case words joined by hyphens (job-cuts)`,
});

function listOf<T extends z.ZodType>(item: T, example: string) {
  return z.array(item, {
    error: (issue) =>
      typeof issue.input === 'string'
        ? `expected a list such as ${example}, got the text "${issue.input}" (write one item per entry, not a comma-separated string)`
        : expected(`a list such as ${example}`)(issue),
  });
}

function noDuplicates(values: readonly string[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [index], message: `lists "${value}" twice` });
    seen.add(value);
  });
}

/** Author ids are the file names in `content/authors/`, e.g. `jane-doe`. */
export const authorId = z
  .string({ error: expected('an author id from content/authors/, e.g. jane-doe') })
  .regex(TAG_SLUG, {
    error: (issue) => `"${String(issue.input)}" is not an author id (the file name in content/authors/)`,
  });

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

export const EVENT_KINDS = ['earnings', 'call', 'dividend', 'meeting', 'economic-data', 'product', 'other'] as const;

/** A dated event readers may want in their calendar, e.g. an earnings call. */
export const eventSchema = z.strictObject({
  /** What happens, e.g. "Amazon Q4 2025 earnings call". */
  title: text('the event title', 200),
  /** Kind of event. */
  kind: z.enum(EVENT_KINDS, { error: expected(`one of ${EVENT_KINDS.join(', ')}`) }),
  /** Start, with the offset of the place it happens, e.g. 2026-02-05T14:00:00-08:00. */
  start: offsetDateTime,
  /** IANA zone the event is announced in, e.g. America/Los_Angeles; shown next to the site's zone. */
  timeZone: z
    .string({ error: expected('an IANA time zone such as America/New_York') })
    .refine(isTimeZone, {
      error: (issue) => `"${String(issue.input)}" is not an IANA time zone such as America/New_York`,
    })
    .optional(),
  /** Page with details or the webcast. */
  url: absoluteUrl.optional(),
});

/** A correction published after the briefing, shown in its corrections log. */
export const correctionSchema = z.strictObject({
  /** When the correction was made, with offset. */
  at: offsetDateTime,
  /** What was wrong and what it now says. */
  text: text('what was corrected', 500),
});

/** Where a fact came from. */
export const sourceSchema = z.strictObject({
  /** Publisher or document, e.g. "The Wall Street Journal". */
  name: text('the source name', 120),
  /** Link to the report, if public. */
  url: absoluteUrl.optional(),
});

/**
 * A briefing's frontmatter, with the author field given by the caller: a plain id here, a collection
 * reference in `src/content.config.ts`. Unknown fields are rejected so that typos never pass silently.
 */
export function briefingSchemaWith<A extends z.ZodType, M extends z.ZodType>(author: A, market: M) {
  return z
    .strictObject({
      /** Headline, e.g. "Amazon in talks to invest up to $50 billion in OpenAI". */
      title: text('a headline', 200),
      /** One-sentence summary shown under the headline, in listings and as the page description. */
      dek: text('a one-sentence summary', 300),
      /** First publication, ISO 8601 with offset: 2026-02-01T10:17:05+01:00. A value without offset is an error. */
      publishedAt: offsetDateTime,
      /** Last substantive update, ISO 8601 with offset; at or after `publishedAt`. */
      updatedAt: offsetDateTime.optional(),
      /** Author id: a file name in `content/authors/` without extension. */
      author,
      /** Ticker symbols the briefing is about, e.g. [AMZN, MSFT]; names come from content/tickers.yaml. */
      tickers: listOf(tickerSymbol, '[AMZN, MSFT]').superRefine(noDuplicates).default([]),
      /** Topic tags, lower-case with hyphens, e.g. [ai, job-cuts]. */
      tags: listOf(tagSlug, '[ai, earnings]').superRefine(noDuplicates).default([]),
      /** Reports and documents the briefing relies on; at least one. */
      sources: listOf(sourceSchema, '[{ name: Reuters, url: https://... }]').min(1, {
        error: 'must name at least one source',
      }),
      /** Price snapshot for the market card. */
      market: market.optional(),
      /** Upcoming dated events (earnings, calls) for the events card and calendars. */
      events: listOf(eventSchema, '[{ title: ..., kind: call, start: ... }]').default([]),
      /** Corrections log, oldest first. */
      corrections: listOf(correctionSchema, '[{ at: ..., text: ... }]').default([]),
      /**
       * Replaces the generated "Key developments at a glance" bullets with these (1–5, written by an
       * editor), or `false` to show no box.
       */
      keyDevelopments: z
        .union([z.literal(false), z.array(text('a bullet', 400)).min(1).max(5)], {
          error: expected('false, or a list of 1 to 5 bullets'),
        })
        .optional(),
      /** An image of the briefing's own for social networks, instead of the generated card. */
      image: z
        .strictObject({
          /** Absolute URL, or a path under `public/` such as /images/amazon.png. */
          src: z
            .string({ error: expected('an image URL or a path such as /images/x.png') })
            .regex(/^(?:https?:\/\/|\/)/, {
              error: 'must be an absolute http(s) URL or a path starting with /',
            }),
          /** What the image shows, for readers who cannot see it. */
          alt: text('a description of the image', 300),
          /** Width in pixels, if known. */
          width: z.number().int().positive().optional(),
          /** Height in pixels, if known. */
          height: z.number().int().positive().optional(),
        })
        .optional(),
      /** Drafts are left out of production builds. */
      draft: z.boolean({ error: expected('true or false') }).default(false),
      /** Marks fictional demo content: the page says so above the headline. */
      demo: z.boolean({ error: expected('true or false') }).default(false),
    })
    .superRefine((briefing, ctx) => {
      const published = parseOffsetDateTime(briefing.publishedAt);
      const later = (value: string | undefined, path: (string | number)[], what: string) => {
        if (value === undefined || !published.ok) return;
        const parsed = parseOffsetDateTime(value);
        if (parsed.ok && parsed.instant < published.instant) {
          ctx.addIssue({ code: 'custom', path, message: `("${value}") is before publishedAt: ${what}` });
        }
      };
      later(briefing.updatedAt, ['updatedAt'], 'an update comes after publication');
      briefing.corrections.forEach((correction, index) =>
        later(correction.at, ['corrections', index, 'at'], 'a correction comes after publication'),
      );
    });
}

/** A briefing's frontmatter as written (a market snapshot may leave figures to the market data). */
export const briefingFrontmatterSchema = briefingSchemaWith(authorId, marketSnapshotInputSchema);

export type BriefingFrontmatter = z.output<typeof briefingFrontmatterSchema>;
export type MarketSnapshot = z.output<typeof marketSnapshotSchema>;
export type BriefingEvent = z.output<typeof eventSchema>;
export type Correction = z.output<typeof correctionSchema>;
export type Source = z.output<typeof sourceSchema>;

/** An author's file in `content/authors/<id>.yaml`. */
export const authorSchema = z.strictObject({
  /** Name as printed in bylines. */
  name: text('the author name', 100),
  /** Role, e.g. "Markets editor". */
  role: text('the role', 100).optional(),
  /** One or two sentences for the author page. */
  bio: text('a short biography', 500).optional(),
});

/** One entry of `content/tickers.yaml`, keyed by symbol. */
export const tickerInfoSchema = z.strictObject({
  /** Company or instrument name, e.g. "Amazon.com, Inc.". */
  name: text('the company name', 120),
  /** Exchange or market, e.g. Nasdaq. */
  exchange: text('the exchange', 60),
});
