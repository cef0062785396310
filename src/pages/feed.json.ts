import type { APIRoute } from 'astro';
import { jsonFeed } from '../outputs/feed/feed-documents.ts';
import { getPublicBriefings } from '../site/collections.ts';
import { channel, feedEntries } from '../site/feed-entries.ts';
import { routes, feedRoutes } from '../site/routes.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = async () => {
  const entries = await feedEntries(await getPublicBriefings());
  const feed = jsonFeed(channel(site.name, site.description, routes.home(), feedRoutes.json()), entries, site);
  return new Response(`${JSON.stringify(feed, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
};
