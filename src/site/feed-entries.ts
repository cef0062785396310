/**
 * Feed entries and channels from the loaded briefings: each briefing's view, its body as the page shows
 * it (rendered once, when it loaded), and its key developments.
 */
import { newestFirst } from '../engine/listing.ts';
import { feedHtml } from '../outputs/feed/feed-html.ts';
import type { FeedChannel, FeedEntry } from '../outputs/feed/feed-documents.ts';
import { site } from '../site.config.ts';
import { briefingView } from './briefing-view.ts';
import { perBriefing, renderBriefing, type Briefing } from './collections.ts';
import { absolute } from './routes.ts';

async function buildEntry(briefing: Briefing): Promise<FeedEntry> {
  const view = await briefingView(briefing);
  const { html, keyDevelopments } = await renderBriefing(briefing);
  const { data } = view;
  return {
    id: view.id,
    url: view.url,
    title: data.title,
    dek: data.dek,
    publishedAt: data.publishedAt,
    updatedAt: data.updatedAt,
    authorName: view.author.name,
    tickers: data.tickers,
    tags: data.tags,
    keyDevelopments: keyDevelopments?.bullets.map(({ text, figures }) => ({ text, figures })) ?? [],
    latestCorrection: data.corrections.at(-1),
    contentHtml: feedHtml(html, view.url),
    image: view.image.url,
  };
}

/** The feed entry of a briefing, built once per build however many feeds list it. */
export const feedEntry = perBriefing(buildEntry);

/** The briefings a feed carries: the newest `site.feedSize`. */
export function feedSelection(briefings: readonly Briefing[]): Briefing[] {
  return newestFirst(briefings).slice(0, site.feedSize);
}

/** The briefings a feed carries, as feed entries. */
export async function feedEntries(briefings: readonly Briefing[]): Promise<FeedEntry[]> {
  return Promise.all(feedSelection(briefings).map(feedEntry));
}

/** A feed's channel: its title and description, the page it belongs to and its own address. */
export function channel(title: string, description: string, pagePath: string, feedPath: string): FeedChannel {
  return { title, description, homePageUrl: absolute(pagePath), feedUrl: absolute(feedPath), locale: site.locale };
}
