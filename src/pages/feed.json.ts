import type { APIRoute } from 'astro';
import { getPublicBriefings } from '../site/collections.ts';
import { channel, feedEntries } from '../site/feed-entries.ts';
import { feedPaths, jsonFeed } from '../outputs/feed/feed-documents.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = async () => {
  const entries = await feedEntries(await getPublicBriefings());
  const feed = jsonFeed(channel(site.name, site.description, '/', feedPaths.json), entries, site);
  return new Response(`${JSON.stringify(feed, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  });
};
