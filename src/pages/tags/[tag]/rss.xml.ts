import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getBriefingsByTag, type Briefing } from '../../../site/collections.ts';
import { channel, feedEntries } from '../../../site/feed-entries.ts';
import { feedPaths, rssFeed } from '../../../outputs/feed/feed-documents.ts';
import { tagPath } from '../../../engine/tickers.ts';
import { site } from '../../../site.config.ts';

export const getStaticPaths = (async () =>
  (await getBriefingsByTag()).map((group) => ({
    params: { tag: group.key },
    props: { briefings: group.items },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ briefings: Briefing[] }> = async ({ params, props }) => {
  const tag = params.tag ?? '';
  const feed = channel(`${site.name}: #${tag}`, `Briefings tagged ${tag}.`, tagPath(tag), feedPaths.tag(tag));
  return rss(rssFeed(feed, await feedEntries(props.briefings), site));
};
