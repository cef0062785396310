import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getBriefingsByTicker, getTickerDirectory, type Briefing } from '../../../site/collections.ts';
import { channel, feedEntries } from '../../../site/feed-entries.ts';
import { feedPaths, rssFeed } from '../../../outputs/feed/feed-documents.ts';
import { tickerLabel, tickerPath } from '../../../engine/tickers.ts';
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
