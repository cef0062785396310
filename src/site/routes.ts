/**
 * Every URL of the site, in one place: the path of each kind of page, feed, calendar and card, and
 * `absolute()` for the few places (feeds, canonical links, Open Graph) that need a full URL. Paths end
 * in `/` for pages (the site is built with `trailingSlash: 'always'`). `routeOf` reads a path back, so the
 * content check knows the same URL scheme the site is built with.
 */
import { site } from '../site.config.ts';

const twoDigits = (month: number) => String(month).padStart(2, '0');

export const routes = {
  /** Page `number` of the home listing: `/`, `/page/2/`, … */
  home: (number = 1) => (number <= 1 ? '/' : `/page/${number}/`),
  briefing: (id: string) => `/briefings/${id}/`,
  /** Symbols are URL-safe by construction (see the schema). */
  ticker: (symbol: string) => `/tickers/${symbol}/`,
  tickers: () => '/tickers/',
  tag: (tag: string) => `/tags/${tag}/`,
  tags: () => '/tags/',
  author: (id: string) => `/authors/${id}/`,
  archive: () => '/archive/',
  month: (year: number, month: number) => `/archive/${year}/${twoDigits(month)}/`,
  /** The search page, optionally with a query and preset filters: `/search/?ticker=AMZN`. */
  search: (query: { q?: string; ticker?: string; tag?: string } = {}) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
    const search = params.toString();
    return search ? `/search/?${search}` : '/search/';
  },
  sitemap: () => '/sitemap-index.xml',
  /** Every feed and calendar, with its address to copy. */
  feeds: () => '/feeds/',
} as const;

/** Where feeds and calendars are served. */
export const feedRoutes = {
  site: () => '/rss.xml',
  json: () => '/feed.json',
  calendar: () => '/calendar.ics',
  ticker: (symbol: string) => `/tickers/${symbol}/rss.xml`,
  tag: (tag: string) => `/tags/${tag}/rss.xml`,
  tickerCalendar: (symbol: string) => `/tickers/${symbol}/calendar.ics`,
  briefingCalendar: (id: string) => `/briefings/${id}/calendar.ics`,
} as const;

/** The site's icons and web manifest, at the paths browsers and phones look for. */
export const iconRoutes = {
  svg: () => '/favicon.svg',
  ico: () => '/favicon.ico',
  appleTouch: () => '/apple-touch-icon.png',
  png: (size: number) => `/icon-${size}.png`,
  manifest: () => '/site.webmanifest',
} as const;

/** Where each social card is served: `/og/briefings/<id>.png`, `/og/home.png`, `/og/tickers/AMZN.png`, `/og/tags/ai.png`. */
export const cardRoutes = {
  briefing: (id: string) => `/og/briefings/${id}.png`,
  home: () => '/og/home.png',
  ticker: (symbol: string) => `/og/tickers/${symbol}.png`,
  tag: (tag: string) => `/og/tags/${tag}.png`,
} as const;

/** The full URL of a path of the site, on the configured origin. */
export function absolute(path: string): string {
  return new URL(path, site.url).href;
}

/** A calendar's address for subscribing: `webcal://` makes calendar apps offer to subscribe. */
export function webcal(path: string): string {
  return absolute(path).replace(/^https?:/, 'webcal:');
}

/** What a path of the site is, read back from the URL scheme above. */
export type Route =
  | { readonly kind: 'fixed' }
  | { readonly kind: 'briefing'; readonly id: string }
  | { readonly kind: 'ticker'; readonly symbol: string }
  | { readonly kind: 'tag'; readonly tag: string }
  /** A page whose existence depends on content the check does not track (an author, a month, a card). */
  | { readonly kind: 'generated' }
  | { readonly kind: 'unknown' };

/** Paths that exist whatever the content: listings, search, feeds. */
const FIXED_PATHS: ReadonlySet<string> = new Set([
  routes.home(),
  routes.tickers(),
  routes.tags(),
  routes.archive(),
  routes.search(),
  routes.sitemap(),
  routes.feeds(),
  iconRoutes.svg(),
  iconRoutes.ico(),
  iconRoutes.appleTouch(),
  iconRoutes.manifest(),
  feedRoutes.site(),
  feedRoutes.json(),
  feedRoutes.calendar(),
]);

/** The kind of page a site path (without query or fragment) leads to. */
export function routeOf(encoded: string): Route {
  // Links may carry non-ASCII tags percent-encoded (/tags/b%C3%B6rse/): read them as the name they encode.
  let path: string;
  try {
    path = decodeURIComponent(encoded);
  } catch {
    return { kind: 'unknown' };
  }
  if (FIXED_PATHS.has(path)) return { kind: 'fixed' };
  const briefing = /^\/briefings\/(.+?)\/?$/.exec(path);
  if (briefing) return { kind: 'briefing', id: briefing[1] ?? '' };
  const ticker = /^\/tickers\/([^/]+)\/?$/.exec(path);
  if (ticker) return { kind: 'ticker', symbol: ticker[1] ?? '' };
  const tag = /^\/tags\/([^/]+)\/?$/.exec(path);
  if (tag) return { kind: 'tag', tag: tag[1] ?? '' };
  if (/^\/(?:archive|authors|page|og)\//.test(path)) return { kind: 'generated' };
  return { kind: 'unknown' };
}
