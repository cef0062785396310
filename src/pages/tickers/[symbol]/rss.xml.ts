import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getBriefingsByTicker, getTickerDirectory, type Briefing } from '../../../data/briefings.ts';
import { channel, feedEntries } from '../../../data/feeds.ts';
import { feedPaths, rssFeed } from '../../../lib/feeds.ts';
import { tickerLabel, tickerPath } from '../../../lib/tickers.ts';
import { site } from '../../../site.config.ts';

export const getStaticPaths = (async () =>
  (await getBriefingsByTicker()).map((group) => ({
    params: { symbol: group.key },
    props: { briefings: group.items },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ briefings: Briefing[] }> = async ({ params, props }) => {
  const symbol = params.symbol ?? '';
  const label = tickerLabel(symbol, await getTickerDirectory());
  const name = label.name ? `${label.name} (${symbol})` : symbol;
  const feed = channel(
    `${site.name}: ${name}`,
    `Briefings about ${name}.`,
    tickerPath(symbol),
    feedPaths.ticker(symbol),
  );
  return rss(rssFeed(feed, await feedEntries(props.briefings), site));
};
