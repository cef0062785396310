import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getPublicBriefings } from '../site/collections.ts';
import { channel, feedEntries } from '../site/feed-entries.ts';
import { feedPaths, rssFeed } from '../outputs/feed/feed-documents.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = async () => {
  const entries = await feedEntries(await getPublicBriefings());
  return rss(rssFeed(channel(site.name, site.description, '/', feedPaths.site), entries, site));
};
