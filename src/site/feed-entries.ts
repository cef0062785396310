/**
 * Feed entries and calendar events from the loaded briefings: the rendered article (through Astro's
 * container API, with the same MDX components as the page), its key developments and its changes.
 */
import { getContainerRenderer as mdxContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { render } from 'astro:content';
import FigureChart from '../components/mdx/BarChart.astro';
import PriceChart from '../components/mdx/PriceChart.astro';
import Sponsored from '../components/mdx/Sponsored.astro';
import Ticker from '../components/mdx/Ticker.astro';
import { briefingPath, newestFirst } from '../engine/listing.ts';
import type { CalendarEvent } from '../outputs/calendar/ics-calendar.ts';
import { feedHtml } from '../outputs/feed/feed-html.ts';
import { lastBuildDate, modifiedAt, type FeedChannel, type FeedEntry } from '../outputs/feed/feed-documents.ts';
import type { KeyDevelopmentsBox } from '../engine/key-developments/key-developments-box.ts';
import { site } from '../site.config.ts';
import { getAuthorsById, getPublicBriefings, type Briefing } from './collections.ts';
import { briefingImage } from './social-cards.ts';

let container: Promise<AstroContainer> | undefined;
const entries = new Map<string, Promise<FeedEntry>>();

export const absoluteUrl = (path: string) => new URL(path, site.url).href;

async function buildEntry(briefing: Briefing): Promise<FeedEntry> {
  container ??= loadRenderers([mdxContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  const { Content, remarkPluginFrontmatter } = await render(briefing);
  const html = await (
    await container
  ).renderToString(Content, { props: { components: { Sponsored, Ticker, PriceChart, FigureChart } } });
  const url = absoluteUrl(briefingPath(briefing.id));
  const box = remarkPluginFrontmatter['keyDevelopmentsBox'] as KeyDevelopmentsBox | undefined;
  const { data } = briefing;
  return {
    id: briefing.id,
    url,
    title: data.title,
    dek: data.dek,
    publishedAt: data.publishedAt,
    updatedAt: data.updatedAt,
    authorName: (await getAuthorsById()).get(data.author.id)?.data.name ?? data.author.id,
    tickers: data.tickers,
    tags: data.tags,
    keyDevelopments: box?.bullets.map((bullet) => bullet.text) ?? [],
    latestCorrection: data.corrections.at(-1),
    contentHtml: feedHtml(html, url),
    image: briefingImage(briefing).url,
  };
}

/** The feed entry of a briefing, built once per build however many feeds list it. */
export function feedEntry(briefing: Briefing): Promise<FeedEntry> {
  let entry = entries.get(briefing.id);
  if (!entry) {
    entry = buildEntry(briefing);
    entries.set(briefing.id, entry);
  }
  return entry;
}

/** The newest `site.feedSize` briefings as feed entries. */
export async function feedEntries(briefings: readonly Briefing[]): Promise<FeedEntry[]> {
  return Promise.all(newestFirst(briefings).slice(0, site.feedSize).map(feedEntry));
}

export function channel(title: string, description: string, pagePath: string, feedPath: string): FeedChannel {
  return {
    title,
    description,
    homePageUrl: absoluteUrl(pagePath),
    feedUrl: absoluteUrl(feedPath),
    locale: site.locale,
  };
}

const changeDates = (briefing: Briefing) => ({ ...briefing.data, latestCorrection: briefing.data.corrections.at(-1) });

/** Every event of the given briefings, with what its calendar entry needs. */
export function calendarEvents(briefings: readonly Briefing[]): CalendarEvent[] {
  return briefings.flatMap((briefing) =>
    briefing.data.events.map((event, index) => ({
      event,
      index,
      briefingId: briefing.id,
      briefingTitle: briefing.data.title,
      briefingUrl: absoluteUrl(briefingPath(briefing.id)),
      stamp: modifiedAt(changeDates(briefing)).toISOString(),
    })),
  );
}

/** The site calendar starts this long before the newest change in all content. */
export async function calendarWindowStart(): Promise<Date> {
  const newest = lastBuildDate((await getPublicBriefings()).map(changeDates));
  return new Date(newest.getTime() - site.calendarLookbackDays * 86_400_000);
}
