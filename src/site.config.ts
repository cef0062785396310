/**
 * The site's identity, address and clock. Every page, feed, card and script reads these values from
 * here and nowhere else; `parseSiteConfig` checks them when the build starts (see
 * `src/content/schema/site-config.ts` for what each field means and allows).
 */
import { parseSiteConfig } from './content/schema/site-config.ts';

export type { SiteConfig } from './content/schema/site-config.ts';

export const site = parseSiteConfig({
  name: 'Tickerpress',
  description: 'Short, sourced briefings on companies, deals and results.',
  // SITE_URL sets the origin per deploy (a preview deploy must not point canonical links, cards and
  // feeds at production); without it, this address.
  url: process.env['SITE_URL'] || 'https://tickerpress.example',
  themeColor: '#0b3d5c',
  locale: 'en-GB',
  timeZone: 'Europe/Berlin',
  pageSize: 10,
  relatedCount: 3,
  keyDevelopmentsCount: 3,
  feedSize: 50,
  calendarLookbackDays: 30,
  defaultAuthor: 'markets-desk',
});
