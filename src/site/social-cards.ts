/**
 * Every social card of the site (what each says and where it is served), built from the same loaded
 * content as the pages, and the image each page is shared with. Rendering is the build's business
 * (`src/build/cards/card-runtime.ts`).
 */
import { prefetchCards } from '../build/cards/card-runtime.ts';
import { CARD_HEIGHT, CARD_WIDTH } from '../outputs/card/card-template.ts';
import {
  briefingCard as briefingCardSpec,
  cardAlt,
  homeCard,
  tagCard,
  tickerCard,
  type CardSpec,
} from '../outputs/card/card-spec.ts';
import { newestFirst } from '../engine/listing.ts';
import { tickerLabel } from '../engine/tickers.ts';
import { site } from '../site.config.ts';
import {
  getBriefingsByTag,
  getBriefingsByTicker,
  getPublicBriefings,
  getTickerDirectory,
  isDevServer,
  type Briefing,
} from './collections.ts';
import { absolute, cardRoutes } from './routes.ts';

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

/** The image of a page shared with its card. */
export function cardImage(card: Card): PageImage {
  return { url: absolute(card.path), alt: cardAlt(card.spec), width: CARD_WIDTH, height: CARD_HEIGHT };
}

export function briefingCard(briefing: Briefing): Card {
  return { path: cardRoutes.briefing(briefing.id), spec: briefingCardSpec(briefing.data, site) };
}

export function homePageCard(): Card {
  return { path: cardRoutes.home(), spec: homeCard(site) };
}

export async function tickerPageCard(symbol: string, briefings: readonly Briefing[]): Promise<Card> {
  const latest = newestFirst(briefings).find((briefing) => briefing.data.market?.symbol === symbol)?.data.market;
  const spec = tickerCard(tickerLabel(symbol, await getTickerDirectory()), briefings.length, latest, site);
  return { path: cardRoutes.ticker(symbol), spec };
}

export function tagPageCard(tag: string, briefings: readonly Briefing[]): Card {
  return { path: cardRoutes.tag(tag), spec: tagCard(tag, briefings.length, site) };
}

/** Every card of the site: the home page's, each briefing's without an image of its own, each ticker's and tag's. */
export async function getAllCards(): Promise<Card[]> {
  const cards: Card[] = [homePageCard()];
  for (const briefing of await getPublicBriefings()) {
    if (!briefing.data.image) cards.push(briefingCard(briefing));
  }
  for (const group of await getBriefingsByTicker()) cards.push(await tickerPageCard(group.key, group.items));
  for (const group of await getBriefingsByTag()) cards.push(tagPageCard(group.key, group.items));
  return cards;
}

/** How the card renderer runs here: in-process in the dev server, which renders a card when asked for. */
export const cardRuntimeOptions = { inProcess: isDevServer } as const;

/**
 * Starts rendering every missing card in worker threads, without waiting. Cards are the longest part of
 * a cold build; started with the first pages rather than at the first card route, they render while the
 * main thread renders pages. Builds only: the dev server renders a card when it is asked for.
 */
export async function startRenderingCards(): Promise<void> {
  if (isDevServer) return;
  prefetchCards(
    (await getAllCards()).map((card) => card.spec),
    cardRuntimeOptions,
  );
}
