/**
 * The site's identity, address and clock. Every page, feed, card and script reads these values from
 * here and nowhere else.
 */
export interface SiteConfig {
  /** Name shown in the header, page titles, feeds and social cards. */
  readonly name: string;
  /** One sentence describing the site, used on the home page and in feeds. */
  readonly description: string;
  /** Absolute origin the site is served from, without a trailing slash. */
  readonly url: string;
  /** BCP 47 locale for the `lang` attribute and for formatting dates, numbers and money. */
  readonly locale: string;
  /** IANA time zone in which every date and time on the site is shown. */
  readonly timeZone: string;
  /** Briefings per page on the home page and other paginated listings. */
  readonly pageSize: number;
  /** How many related briefings a briefing page lists. */
  readonly relatedCount: number;
  /** Bullets in each "Key developments at a glance" box, 1 to 5. */
  readonly keyDevelopmentsCount: number;
  /** Newest briefings in each RSS and JSON feed. */
  readonly feedSize: number;
  /** The site calendar lists events from this many days before the newest content on. */
  readonly calendarLookbackDays: number;
  /** Author id `npm run new` puts in a new briefing unless told otherwise. */
  readonly defaultAuthor: string;
}

export const site: SiteConfig = {
  name: 'Tickerpress',
  description: 'Short, sourced briefings on companies, deals and results.',
  url: 'https://tickerpress.example',
  locale: 'en-GB',
  timeZone: 'Europe/Berlin',
  pageSize: 10,
  relatedCount: 3,
  keyDevelopmentsCount: 3,
  feedSize: 50,
  calendarLookbackDays: 30,
  defaultAuthor: 'markets-desk',
};
