/**
 * The site's configuration (`src/site.config.ts`), validated when it loads: a wrong value stops the build
 * with a message naming the field, instead of surfacing later as a broken URL or an odd box.
 */
import { z } from 'astro/zod';
import { MAX_BULLET_COUNT } from '../../engine/key-developments/extract-key-developments.ts';
import { isTimeZone } from '../../engine/time.ts';
import { SLUG } from '../../engine/tickers.ts';
import { expected, text } from './messages.ts';
import { isLanguageTag } from './field-types.ts';

const count = (what: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .number({ error: expected(what) })
    .int({ error: `must be a whole number (${what})` })
    .min(min, { error: `must be at least ${min} (${what})` })
    .max(max, { error: `must be at most ${max} (${what})` });

/**
 * Whether an origin is one no real site is served from: hosts under the TLDs reserved for examples and
 * tests (RFC 2606), where canonical links, cards and feeds would point nowhere.
 */
export function isPlaceholderOrigin(url: string): boolean {
  return /\.(?:example|test|invalid|localhost)$/.test(new URL(url).hostname);
}

export const siteConfigSchema = z.strictObject({
  /** Name shown in the header, page titles, feeds and social cards. */
  name: text('the site name', 80),
  /** One sentence describing the site, used on the home page and in feeds. */
  description: text('one sentence about the site', 300),
  /** Absolute origin the site is served from, without a trailing slash, e.g. https://news.example.com. */
  url: z
    .url({ protocol: /^https?$/, error: expected('an absolute http(s) URL such as https://news.example.com') })
    .refine((url) => !url.endsWith('/'), { error: 'must not end with "/" (write https://news.example.com)' })
    .refine((url) => !URL.canParse(url) || (new URL(url).pathname === '/' && !/[?#]/.test(url)), {
      error: 'must be an origin only, with no path, query or fragment',
    }),
  /** The colour browsers and phones paint around the site (`theme-color`, the manifest), as #rrggbb. */
  themeColor: z
    .string({ error: expected('a colour such as #0b3d5c') })
    .regex(/^#[0-9a-f]{6}$/i, { error: 'must be a colour written #rrggbb, such as #0b3d5c' }),
  /** BCP 47 locale for the `lang` attribute and for formatting dates, numbers and money, e.g. en-GB. */
  locale: z.string({ error: expected('a BCP 47 locale such as en-GB') }).refine(isLanguageTag, {
    error: (issue) => `"${String(issue.input)}" is not a BCP 47 locale such as en-GB or de-DE`,
  }),
  /** IANA time zone in which every date and time on the site is shown, e.g. Europe/Berlin. */
  timeZone: z.string({ error: expected('an IANA time zone such as Europe/Berlin') }).refine(isTimeZone, {
    error: (issue) => `"${String(issue.input)}" is not an IANA time zone such as Europe/Berlin`,
  }),
  /** Briefings per page on the home page and other paginated listings. */
  pageSize: count('briefings per page', 1),
  /** How many related briefings a briefing page lists (0 for none). */
  relatedCount: count('related briefings per page', 0, 20),
  /** Bullets in each "Key developments at a glance" box. */
  keyDevelopmentsCount: count('bullets per box', 1, MAX_BULLET_COUNT),
  /** Newest briefings in each RSS and JSON feed. */
  feedSize: count('items per feed', 1),
  /** The site calendar lists events from this many days before the newest content on. */
  calendarLookbackDays: count('days', 0),
  /** Author id `npm run new` puts in a new briefing unless told otherwise. */
  defaultAuthor: z.string({ error: expected('an author id such as markets-desk') }).regex(SLUG, {
    error: (issue) => `"${String(issue.input)}" is not an author id (the file name in content/authors/)`,
  }),
});

export type SiteConfig = Readonly<z.output<typeof siteConfigSchema>>;

/** Thrown when the site configuration is invalid; its message has one line per wrong field. */
export class SiteConfigError extends Error {
  override name = 'SiteConfigError';
}

/** The validated configuration, or a `SiteConfigError` naming each wrong field of `file`. */
export function parseSiteConfig(input: unknown, file = 'src/site.config.ts'): SiteConfig {
  const result = siteConfigSchema.safeParse(input);
  if (result.success) return Object.freeze(result.data);
  const lines = result.error.issues.map((issue) => {
    const field = issue.path.join('.');
    return issue.code === 'unrecognized_keys'
      ? `${file}: ${issue.keys.join(', ')}: not a setting of the site (check the spelling)`
      : `${file}: ${field} ${issue.message}`;
  });
  throw new SiteConfigError(`The site configuration is invalid:\n${lines.join('\n')}`);
}
