/** A briefing's frontmatter: the one definition of a briefing, used by the collection, the check and the tests. */
import { z } from 'astro/zod';
import { parseOffsetDateTime } from '../../engine/time.ts';
import { correctionSchema } from './briefing-correction.ts';
import { eventSchema } from './briefing-event.ts';
import { briefingImageSchema } from './briefing-image.ts';
import { sourceSchema } from './briefing-source.ts';
import { authorId, languageTag, offsetDateTime, tagSlug, tickerSymbol } from './field-types.ts';
import { marketSnapshotInputSchema } from './market-snapshot.ts';
import { expected, listOf, noDuplicates, text } from './messages.ts';

/**
 * Above this many characters search results and social networks cut a headline (Google's Article
 * structured data long required at most 110; link previews on social networks show less still), so
 * the check warns: the headline is valid, but readers there may not see its end.
 */
export const HEADLINE_SHOWN_LENGTH = 110;

/**
 * No headline is this long: at nine times what networks show, a title of 1,000 characters is a
 * paragraph pasted into the wrong field, and it would fill every listing, feed item and search result
 * the briefing appears in. The only headline length that stops a build.
 */
export const HEADLINE_MAX_LENGTH = 1000;

/**
 * A briefing's frontmatter, with the author field given by the caller: a plain id here, a collection
 * reference in `src/content.config.ts`. Unknown fields are rejected so that typos never pass silently.
 */
export function briefingSchemaWith<A extends z.ZodType, M extends z.ZodType>(author: A, market: M) {
  return z
    .strictObject({
      /**
       * Headline, e.g. "Amazon in talks to invest up to $50 billion in OpenAI". Any length up to
       * `HEADLINE_MAX_LENGTH` (1,000 characters) is valid; above `HEADLINE_SHOWN_LENGTH` (110) the check
       * warns that search results and social networks cut it.
       */
      title: text(
        'a headline',
        HEADLINE_MAX_LENGTH,
        'that is a paragraph, not a headline (move the rest into the body)',
      ),
      /** One-sentence summary shown under the headline, in listings and as the page description. */
      dek: text('a one-sentence summary', 300),
      /**
       * The briefing's language (BCP 47: de, fr-FR, ja) when it is not the site's `locale`: the page's
       * `lang` attribute, its search index, and how its sentences and figures are read.
       */
      lang: languageTag.optional(),
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
      image: briefingImageSchema.optional(),
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
