import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { rssFeed } from '../../../outputs/feed/feed-documents.ts';
import { getBriefingsByTag, type Briefing } from '../../../site/collections.ts';
import { channel, feedEntries, feedSelection } from '../../../site/feed-entries.ts';
import { feedKey, pagesToRender } from '../../../site/page-keys.ts';
import { feedRoutes } from '../../../site/routes.ts';
import { tagView } from '../../../site/listing-views.ts';
import { site } from '../../../site.config.ts';

export const getStaticPaths = (async () =>
  pagesToRender(
    await Promise.all(
      (await getBriefingsByTag()).map(async (group) => ({
        params: { tag: group.key },
        props: { briefings: group.items },
        cacheKey: await feedKey(feedSelection(group.items)),
      })),
    ),
    ({ params }) => feedRoutes.tag(params.tag),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ briefings: Briefing[] }> = async ({ params, props }) => {
  const view = tagView(params.tag ?? '', props.briefings);
  const feed = channel(`${site.name}: #${view.tag}`, `Briefings tagged ${view.tag}.`, view.path, view.feed.href);
  return rss(rssFeed(feed, await feedEntries(props.briefings), site));
};
