import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { rssFeed } from '../outputs/feed/feed-documents.ts';
import { getPublicBriefings } from '../site/collections.ts';
import { channel, feedEntries } from '../site/feed-entries.ts';
import { routes, feedRoutes } from '../site/routes.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = async () => {
  const entries = await feedEntries(await getPublicBriefings());
  return rss(rssFeed(channel(site.name, site.description, routes.home(), feedRoutes.site()), entries, site));
};
