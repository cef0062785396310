/**
 * The `cacheKey` of every page from `getStaticPaths()`: a page whose key is unchanged since the last build
 * of the same code is carried over from it instead of rendered (`pagesToRender`, and
 * `src/build/carried-pages.ts` for how). So a key must change whenever anything the page shows changes: its own briefings (file and loaded data,
 * which holds the market snapshot completed from the CSV), their bodies as rendered when they loaded
 * (charts included), every other briefing it lists, the tickers it names (their names and whether they
 * have a page) and its authors. A card's key is its cache key in the card store, which covers its
 * renderer. A key hashes these facts, no more: an unrelated edit leaves it alone.
 */
import { createHash } from 'node:crypto';
import { carriedPageUrls } from '../build/build-globals.ts';
import { isPagePath, noteKeyAndCarry } from '../build/carried-pages.ts';
import { KEY_DEVELOPMENTS_METADATA } from '../content/rendered-body.ts';
import {
  getAuthorsById,
  getMarketSeries,
  getTickerDirectory,
  getTickersWithPages,
  isDevServer,
  type Author,
  type Briefing,
} from './collections.ts';
import { absolute } from './routes.ts';

/** Symbols a rendered body mentions (`src/site/body-components.ts` draws each mention with this attribute). */
const TICKER_MENTION = /\bdata-ticker-mention="([^"]+)"/g;

function matches(pattern: RegExp, text: string | undefined): string[] {
  return text ? [...text.matchAll(pattern)].map((match) => match[1] ?? '') : [];
}

/** A short, stable digest of JSON-serialisable parts. */
function digest(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

/** Per-briefing facts, computed once per build (the dev server computes them afresh): a briefing is in many keys. */
function perBuild<T>(compute: (briefing: Briefing) => T): (briefing: Briefing) => T {
  const known = new Map<string, T>();
  return (briefing) => {
    let value = isDevServer ? undefined : known.get(briefing.id);
    if (value === undefined) {
      value = compute(briefing);
      known.set(briefing.id, value);
    }
    return value;
  };
}

/** A briefing as a page shows it: its file (Astro's digest of it) and its loaded data. */
const briefingDigest = perBuild((briefing) => digest(briefing.id, briefing.digest, briefing.data));

/** Every symbol a briefing shows: its tickers, its snapshot's, and those its body mentions. */
const symbolsShown = perBuild((briefing): string[] => [
  ...briefing.data.tickers,
  ...(briefing.data.market ? [briefing.data.market.symbol] : []),
  ...matches(TICKER_MENTION, briefing.rendered?.html),
]);

/** A briefing's body as rendered: its text, its charts (drawn from the market series) and its box. */
const bodyDigest = perBuild((briefing) =>
  digest(briefing.rendered?.html ?? null, briefing.rendered?.metadata?.[KEY_DEVELOPMENTS_METADATA] ?? null),
);

const unique = (values: Iterable<string>) => [...new Set(values)].sort();

/** What pages show about these tickers: their names from the ticker data and whether they have a page. */
async function tickerFacts(symbols: Iterable<string>): Promise<unknown[]> {
  const [directory, withPages] = await Promise.all([getTickerDirectory(), getTickersWithPages()]);
  return unique(symbols).map((symbol) => [symbol, directory.get(symbol) ?? null, withPages.has(symbol)]);
}

/** The market series of these symbols, as loaded. */
async function seriesFacts(symbols: Iterable<string>): Promise<unknown[]> {
  const series = await getMarketSeries();
  return unique(symbols).map((symbol) => {
    const entry = series.get(symbol);
    return [symbol, entry ? (entry.digest ?? digest(entry.data)) : null];
  });
}

async function authorFacts(ids: Iterable<string>): Promise<unknown[]> {
  const authors = await getAuthorsById();
  return unique(ids).map((id) => [id, authors.get(id)?.data ?? null]);
}

/**
 * What a list of briefings shows: each briefing, the tickers and authors it names, and, when the page
 * shows their bodies (`withBodies`: a briefing page, a feed), the bodies as rendered.
 */
async function briefingsFacts(briefings: readonly Briefing[], withBodies: boolean): Promise<unknown[]> {
  return [
    briefings.map(briefingDigest),
    await tickerFacts(briefings.flatMap(symbolsShown)),
    await authorFacts(briefings.map((briefing) => briefing.data.author.id)),
    withBodies ? briefings.map(bodyDigest) : [],
  ];
}

/** A briefing's page: the briefing with its body, and the related briefings it lists. */
export async function briefingPageKey(briefing: Briefing, related: readonly Briefing[]): Promise<string> {
  return digest(await briefingsFacts([briefing], true), await briefingsFacts(related, false));
}

/** A page listing briefings: a ticker's, a tag's, an author's, a month's, a page of the home listing. */
export async function listingPageKey(briefings: readonly Briefing[], ...more: unknown[]): Promise<string> {
  return digest(await briefingsFacts(briefings, false), more);
}

/** A ticker's page: its briefings, its name, and its market series (chart and latest snapshot). */
export async function tickerPageKey(symbol: string, briefings: readonly Briefing[]): Promise<string> {
  return digest(await listingPageKey(briefings), await tickerFacts([symbol]), await seriesFacts([symbol]));
}

/** An author's page: the author and their briefings. */
export async function authorPageKey(author: Author, briefings: readonly Briefing[]): Promise<string> {
  return digest(await listingPageKey(briefings), author.id, author.data);
}

/** A feed, which carries its briefings' bodies. */
export async function feedKey(briefings: readonly Briefing[]): Promise<string> {
  return digest(await briefingsFacts(briefings, true));
}

/** A calendar, which lists its briefings' events with their titles and dates. */
export function calendarKey(briefings: readonly Briefing[]): string {
  return digest(briefings.map(briefingDigest));
}

/**
 * The pages of a route this build renders, from all its keyed pages (`pathOf` gives a page's site path,
 * from `routes`): those the last build kept for the same key are carried over instead, and only the
 * rest go to Astro. Every route with `getStaticPaths()` returns its pages through this.
 */
export function pagesToRender<Page extends { readonly cacheKey: string }>(
  pages: readonly Page[],
  pathOf: (page: Page, index: number) => string,
): Page[] {
  if (isDevServer) return [...pages];
  return pages.filter((page, index) => {
    const path = pathOf(page, index);
    if (!noteKeyAndCarry(path, page.cacheKey)) return true;
    if (isPagePath(path)) carriedPageUrls().push(absolute(path));
    return false;
  });
}
