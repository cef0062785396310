import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { rssFeed } from '../../../outputs/feed/feed-documents.ts';
import { getBriefingsByTicker, type Briefing } from '../../../site/collections.ts';
import { channel, feedEntries, feedSelection } from '../../../site/feed-entries.ts';
import { feedKey, pagesToRender } from '../../../site/page-keys.ts';
import { feedRoutes } from '../../../site/routes.ts';
import { tickerView } from '../../../site/listing-views.ts';
import { site } from '../../../site.config.ts';

export const getStaticPaths = (async () =>
  pagesToRender(
    await Promise.all(
      (await getBriefingsByTicker()).map(async (group) => ({
        params: { symbol: group.key },
        props: { briefings: group.items },
        cacheKey: await feedKey(feedSelection(group.items)),
      })),
    ),
    ({ params }) => feedRoutes.ticker(params.symbol),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ briefings: Briefing[] }> = async ({ params, props }) => {
  const view = await tickerView(params.symbol ?? '', props.briefings);
  const feed = channel(`${site.name}: ${view.heading}`, `Briefings about ${view.heading}.`, view.path, view.feed.href);
  return rss(rssFeed(feed, await feedEntries(props.briefings), site));
};
