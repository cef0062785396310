/**
 * What a social card says, built from the same loaded data as the page it previews. Pure: the card's
 * cache key is a hash of this object, so everything that shapes a card must be in it.
 */
import type { MarketSnapshot } from '../../content/schema/index.ts';
import { formatDate, toInstant, type Clock } from '../../engine/time.ts';
import { describeDistanceToHigh, formatMoney } from '../../engine/money.ts';
import type { TickerLabel } from '../../engine/tickers.ts';

export interface CardSpec {
  /** Site name, top left. */
  readonly siteName: string;
  /** Small label above the headline, e.g. "Briefing" or "Ticker · Nasdaq". */
  readonly kicker: string;
  /** The large text, fitted to the card. */
  readonly headline: string;
  /** Top right, e.g. "1 February 2026". */
  readonly dateLabel?: string | undefined;
  /** Ticker symbols shown as chips, bottom left. */
  readonly chips: readonly string[];
  /** Bottom right, e.g. "AMZN $241.00 · 2.6% below its 52-week high". */
  readonly stat?: string | undefined;
}

export interface SiteIdentity extends Clock {
  readonly name: string;
  readonly description: string;
}

export function marketStat(snapshot: MarketSnapshot, locale: string): string {
  return `${snapshot.symbol} ${formatMoney(snapshot.close, snapshot.currency, locale)} · ${describeDistanceToHigh(snapshot, locale)}`;
}

export interface BriefingCardInput {
  readonly title: string;
  readonly publishedAt: string;
  readonly tickers: readonly string[];
  readonly market?: MarketSnapshot | undefined;
  readonly demo: boolean;
}

export function briefingCard(briefing: BriefingCardInput, site: SiteIdentity): CardSpec {
  return {
    siteName: site.name,
    kicker: briefing.demo ? 'Briefing · Demo content' : 'Briefing',
    headline: briefing.title,
    dateLabel: formatDate(toInstant(briefing.publishedAt), site),
    chips: briefing.tickers.slice(0, 6),
    stat: briefing.market ? marketStat(briefing.market, site.locale) : undefined,
  };
}

export function homeCard(site: SiteIdentity): CardSpec {
  return { siteName: site.name, kicker: 'Market briefings', headline: site.description, chips: [] };
}

export function tickerCard(
  label: TickerLabel,
  briefingCount: number,
  latest: MarketSnapshot | undefined,
  site: SiteIdentity,
): CardSpec {
  return {
    siteName: site.name,
    kicker: label.exchange ? `Ticker · ${label.exchange}` : 'Ticker',
    headline: label.name ? `${label.name} (${label.symbol})` : label.symbol,
    chips: [label.symbol],
    stat: latest
      ? marketStat(latest, site.locale)
      : `${briefingCount} ${briefingCount === 1 ? 'briefing' : 'briefings'}`,
  };
}

export function tagCard(tag: string, briefingCount: number, site: SiteIdentity): CardSpec {
  return {
    siteName: site.name,
    kicker: 'Tag',
    headline: `#${tag}`,
    chips: [],
    stat: `${briefingCount} ${briefingCount === 1 ? 'briefing' : 'briefings'}`,
  };
}

/** Alt text for a card: what it shows, for readers of the page that share it. */
export function cardAlt(spec: CardSpec): string {
  return [spec.kicker, spec.headline, spec.dateLabel, spec.stat].filter(Boolean).join(' — ');
}
