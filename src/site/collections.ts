/**
 * The site's loaded content, read through Astro's content collections and handed to views and pages in
 * the shapes the engine works with. A production build reads each collection once; the dev server reads
 * afresh so edits show up.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import {
  buildClock,
  groupByListField,
  isPublic,
  newestFirst,
  publicationStatus,
  publicationWindow,
  relatedFinder,
  type PublicationStatus,
} from '../engine/listing.ts';
import type { KeyDevelopmentsBox } from '../engine/key-developments/key-developments-box.ts';
import type { TickerDirectory } from '../engine/tickers.ts';
import { KEY_DEVELOPMENTS_METADATA } from '../content/rendered-body.ts';
import { resolveTickerMentions } from './body-components.ts';
import { site } from '../site.config.ts';
import { recordPublicationWindow } from '../build/build-globals.ts';

export type Briefing = CollectionEntry<'briefings'>;
export type Author = CollectionEntry<'authors'>;
export type MarketSeries = CollectionEntry<'market'>;

/**
 * True only under `astro dev`. Decided by Astro's mode, not by NODE_ENV (which `import.meta.env.DEV`
 * follows), so a stray NODE_ENV on a build machine can never publish drafts.
 */
export const isDevServer = import.meta.env.MODE === 'development';

/** The build's clock (BUILD_TIME or now), read once so every page of a build agrees. */
export const buildTime = buildClock(process.env['BUILD_TIME']);

/** What dates a briefing's last change: its publication, update and latest correction. */
export const changeDates = (briefing: Briefing) => ({
  ...briefing.data,
  latestCorrection: briefing.data.corrections.at(-1),
});

export function statusOf(briefing: Briefing): PublicationStatus {
  return publicationStatus(briefing, buildTime);
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => {
    if (isDevServer) return load();
    cached ??= load();
    return cached;
  };
}

/**
 * A computation per briefing made once per build, however many pages and feeds ask for it; the dev
 * server computes afresh, as the content may have changed since.
 */
export function perBriefing<T>(compute: (briefing: Briefing) => Promise<T>): (briefing: Briefing) => Promise<T> {
  const results = new Map<string, Promise<T>>();
  return (briefing) => {
    if (isDevServer) return compute(briefing);
    let result = results.get(briefing.id);
    if (!result) {
      result = compute(briefing);
      results.set(briefing.id, result);
    }
    return result;
  };
}

/** Public briefings, newest first. The dev server also shows drafts and scheduled briefings, badged as such. */
export const getPublicBriefings = once(async (): Promise<Briefing[]> => {
  const all = await getCollection('briefings');
  recordPublicationWindow(publicationWindow(all, buildTime));
  return newestFirst(all.filter((briefing) => isPublic(briefing, { preview: isDevServer, now: buildTime })));
});

export const getTickerDirectory = once(async (): Promise<TickerDirectory> => {
  const tickers = await getCollection('tickers');
  return new Map(tickers.map((ticker) => [ticker.id, ticker.data]));
});

export const getAuthorsById = once(async (): Promise<ReadonlyMap<string, Author>> => {
  const authors = await getCollection('authors');
  return new Map(authors.map((author) => [author.id, author]));
});

/** Price series by ticker symbol (`content/market/<SYM>.csv`); most tickers have none. */
export const getMarketSeries = once(async (): Promise<ReadonlyMap<string, MarketSeries>> => {
  const series = await getCollection('market');
  return new Map(series.map((entry) => [entry.id, entry]));
});

/** Public briefings by ticker symbol; a ticker has a page exactly when it is listed here. */
export const getBriefingsByTicker = once(async () => groupByListField(await getPublicBriefings(), 'tickers'));

/** Public briefings by tag; a tag has a page exactly when it is listed here. */
export const getBriefingsByTag = once(async () => groupByListField(await getPublicBriefings(), 'tags'));

/** Symbols that have a ticker page, so mentions link only where a page exists. */
export const getTickersWithPages = once(
  async (): Promise<ReadonlySet<string>> => new Set((await getBriefingsByTicker()).map((group) => group.key)),
);

/**
 * A briefing's body as the page and its feed items show it (rendered when it loaded, its ticker
 * mentions linked where a ticker has a page), and the key-developments box chosen then.
 */
export async function renderBriefing(
  briefing: Briefing,
): Promise<{ html: string; keyDevelopments: KeyDevelopmentsBox | undefined }> {
  const { rendered } = briefing;
  if (!rendered)
    throw new Error(`${briefing.filePath ?? briefing.id}: the briefing's body was not rendered when it loaded`);
  const html = resolveTickerMentions(rendered.html, await getTickersWithPages(), await getTickerDirectory());
  const keyDevelopments = rendered.metadata?.[KEY_DEVELOPMENTS_METADATA] as KeyDevelopmentsBox | undefined;
  return { html, keyDevelopments };
}

/** For each briefing, the `site.relatedCount` briefings most related to it (see `relatedFinder`). */
export function relatedBriefings(briefings: readonly Briefing[]): (briefing: Briefing) => Briefing[] {
  const find = relatedFinder(briefings);
  return (briefing) => find(briefing, site.relatedCount);
}
