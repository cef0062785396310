/**
 * What the ticker and tag pages and their feeds show beyond the list of briefings: headings, feeds,
 * the shared image, and for a ticker with market data its price chart and latest snapshot.
 */
import { latestSnapshot } from '../engine/price-history.ts';
import { tickerLabel, type TickerLabel } from '../engine/tickers.ts';
import { priceChart, type RenderedChart } from '../outputs/charts/price-chart.ts';
import { site } from '../site.config.ts';
import { getMarketSeries, getTickerDirectory, type Briefing } from './collections.ts';
import { absolute, feedRoutes, routes } from './routes.ts';
import { cardImage, tagPageCard, tickerPageCard, type PageImage } from './social-cards.ts';

export interface FeedLink {
  readonly title: string;
  /** Path on the site. */
  readonly href: string;
  /** Absolute URL, for readers to copy into a feed reader. */
  readonly url: string;
}

export interface TickerView {
  readonly symbol: string;
  readonly label: TickerLabel;
  /** "Amazon.com, Inc. (AMZN)", or the symbol alone when the ticker data has no name. */
  readonly heading: string;
  readonly path: string;
  readonly feed: FeedLink;
  readonly calendarPath: string;
  readonly image: PageImage;
  /** Month-end closes and the latest snapshot, when `content/market/<SYMBOL>.csv` exists. */
  readonly market?:
    { readonly chart: RenderedChart; readonly snapshot: NonNullable<ReturnType<typeof latestSnapshot>> } | undefined;
}

const feedLink = (title: string, href: string): FeedLink => ({ title, href, url: absolute(href) });

export async function tickerView(symbol: string, briefings: readonly Briefing[]): Promise<TickerView> {
  const label = tickerLabel(symbol, await getTickerDirectory());
  const series = (await getMarketSeries()).get(symbol);
  const snapshot = series ? latestSnapshot(symbol, series.data.rows) : undefined;
  const chart =
    series && snapshot
      ? priceChart({ symbol, rows: series.data.rows, currency: snapshot.currency, locale: site.locale })
      : undefined;
  return {
    symbol,
    label,
    heading: label.name ? `${label.name} (${symbol})` : symbol,
    path: routes.ticker(symbol),
    feed: feedLink(`${symbol} briefings (RSS)`, feedRoutes.ticker(symbol)),
    calendarPath: feedRoutes.tickerCalendar(symbol),
    image: cardImage(await tickerPageCard(symbol, briefings)),
    market: chart && snapshot ? { chart, snapshot } : undefined,
  };
}

export interface TagView {
  readonly tag: string;
  readonly path: string;
  readonly feed: FeedLink;
  readonly image: PageImage;
}

export function tagView(tag: string, briefings: readonly Briefing[]): TagView {
  return {
    tag,
    path: routes.tag(tag),
    feed: feedLink(`#${tag} briefings (RSS)`, feedRoutes.tag(tag)),
    image: cardImage(tagPageCard(tag, briefings)),
  };
}

/** The site's own feeds, which every page links in its head and the home page offers. */
export const siteFeeds = {
  rss: feedLink(`${site.name} (RSS)`, feedRoutes.site()),
  json: feedLink(`${site.name} (JSON Feed)`, feedRoutes.json()),
  calendar: feedLink(`${site.name} events`, feedRoutes.calendar()),
} as const;
