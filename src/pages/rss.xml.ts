import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getPublicBriefings } from '../data/briefings.ts';
import { channel, feedEntries } from '../data/feeds.ts';
import { feedPaths, rssFeed } from '../lib/feeds.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = async () => {
  const entries = await feedEntries(await getPublicBriefings());
  return rss(rssFeed(channel(site.name, site.description, '/', feedPaths.site), entries, site));
};
