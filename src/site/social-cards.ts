/**
 * Every social card of the site, built from the same loaded content as the pages, and the store that
 * renders them (through a worker pool in production builds, in-process in the dev server).
 */
import { join } from 'node:path';
import { newestFirst } from '../engine/listing.ts';
import { cacheDir as cacheDirOf } from '../build/build-cache.ts';
import {
  briefingCard,
  cardAlt,
  cardPaths,
  homeCard,
  tagCard,
  tickerCard,
  type CardSpec,
} from '../outputs/card/card-spec.ts';
import { rendererFingerprint } from '../build/cards/card-fingerprint.ts';
import { CardPool } from '../build/cards/card-pool.ts';
import { CardStore } from '../build/cards/card-store.ts';
import { renderToFile } from '../build/cards/card-worker.ts';
import { tickerLabel } from '../engine/tickers.ts';
import { POOL_THRESHOLD, workerCount } from '../build/worker-pool.ts';
import { site } from '../site.config.ts';
import {
  getBriefingsByTag,
  getBriefingsByTicker,
  getPublicBriefings,
  getTickerDirectory,
  isDevServer,
  type Briefing,
} from './collections.ts';

export interface Card {
  /** URL path, e.g. `/og/briefings/<id>.png`. */
  readonly path: string;
  readonly spec: CardSpec;
}

export interface PageImage {
  /** Absolute URL. */
  readonly url: string;
  readonly alt: string;
  readonly width?: number | undefined;
  readonly height?: number | undefined;
}

const absolute = (path: string) => new URL(path, site.url).href;

export function briefingCardSpec(briefing: Briefing): CardSpec {
  return briefingCard(briefing.data, site);
}

/** The image a briefing is shared with: its own, when the frontmatter names one, or its card. */
export function briefingImage(briefing: Briefing): PageImage {
  const own = briefing.data.image;
  if (own) return { url: absolute(own.src), alt: own.alt, width: own.width, height: own.height };
  return cardImage(cardPaths.briefing(briefing.id), briefingCardSpec(briefing));
}

export function cardImage(path: string, spec: CardSpec): PageImage {
  return { url: absolute(path), alt: cardAlt(spec), width: 1200, height: 630 };
}

export const homeCardSpec = (): CardSpec => homeCard(site);

export async function tickerCardSpec(symbol: string, briefings: readonly Briefing[]): Promise<CardSpec> {
  const latest = newestFirst(briefings).find((briefing) => briefing.data.market?.symbol === symbol)?.data.market;
  return tickerCard(tickerLabel(symbol, await getTickerDirectory()), briefings.length, latest, site);
}

export const tagCardSpec = (tag: string, briefings: readonly Briefing[]): CardSpec =>
  tagCard(tag, briefings.length, site);

export async function getAllCards(): Promise<Card[]> {
  const cards: Card[] = [{ path: cardPaths.home(), spec: homeCardSpec() }];
  for (const briefing of await getPublicBriefings()) {
    if (!briefing.data.image) cards.push({ path: cardPaths.briefing(briefing.id), spec: briefingCardSpec(briefing) });
  }
  for (const group of await getBriefingsByTicker()) {
    cards.push({ path: cardPaths.ticker(group.key), spec: await tickerCardSpec(group.key, group.items) });
  }
  for (const group of await getBriefingsByTag()) {
    cards.push({ path: cardPaths.tag(group.key), spec: tagCardSpec(group.key, group.items) });
  }
  return cards;
}

/** Shared with the integration that logs the counts and closes the pool at the end of the build. */
export interface CardRuntime {
  store: CardStore;
  pool?: CardPool;
  /** From the first card rendered to the last one finished: what rendering cost the build's wall clock. */
  rendering?: { started: number; finished: number };
}

declare global {
  var __tickerpressCards: CardRuntime | undefined;
}

export function getCardRuntime(): CardRuntime {
  if (globalThis.__tickerpressCards) return globalThis.__tickerpressCards;
  const root = __PROJECT_ROOT__;
  const cacheDir = cacheDirOf(root, 'og');
  const workers = workerCount('OG_WORKERS');
  let rendersStarted = 0;
  const runtime: CardRuntime = {
    store: new CardStore({
      cacheDir,
      fingerprint: rendererFingerprint(root),
      render: async (spec, file) => {
        rendersStarted += 1;
        if (!isDevServer && !runtime.pool && rendersStarted >= POOL_THRESHOLD && workers > 1) {
          runtime.pool = new CardPool(join(root, 'src/build/cards/card-worker.ts'), workers);
        }
        runtime.rendering ??= { started: performance.now(), finished: 0 };
        await (runtime.pool ? runtime.pool.render(spec, file) : renderToFile(spec, file));
        runtime.rendering.finished = performance.now();
      },
    }),
  };
  globalThis.__tickerpressCards = runtime;
  return runtime;
}

/**
 * Starts rendering every missing card in worker threads, without waiting. Cards are the longest part of
 * a cold build; started with the first pages rather than at the first card route, they render while the
 * main thread renders pages. Builds only: the dev server renders a card when it is asked for.
 */
export async function startRenderingCards(): Promise<void> {
  if (isDevServer) return;
  getCardRuntime().store.prefetch((await getAllCards()).map((card) => card.spec));
}
