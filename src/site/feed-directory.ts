/**
 * Every feed and calendar the site offers, grouped for the `/feeds/` page: the site's own, each
 * ticker's and each tag's, with what each carries and the address a reader copies.
 */
import { tickerLabel } from '../engine/tickers.ts';
import { CALENDAR_REFRESH_SECONDS } from '../outputs/calendar/ics-calendar.ts';
import { site } from '../site.config.ts';
import { getBriefingsByTag, getBriefingsByTicker, getTickerDirectory } from './collections.ts';
import { absolute, feedRoutes, webcal } from './routes.ts';

export interface Subscription {
  /** What the reader subscribes to: "Amazon.com, Inc. (AMZN)". */
  readonly title: string;
  readonly format: 'RSS' | 'JSON Feed' | 'Calendar';
  /** One sentence on what arrives. */
  readonly description: string;
  /** Path on the site. */
  readonly href: string;
  /** The address to paste into a feed reader or calendar app. */
  readonly url: string;
  /** For calendars: the `webcal://` address that makes calendar apps offer to subscribe. */
  readonly webcal?: string | undefined;
}

export interface SubscriptionGroup {
  readonly id: string;
  readonly heading: string;
  readonly subscriptions: readonly Subscription[];
}

const refreshHours = CALENDAR_REFRESH_SECONDS / 3600;

function feed(title: string, format: Subscription['format'], description: string, href: string): Subscription {
  return { title, format, description, href, url: absolute(href) };
}

function calendar(title: string, description: string, href: string): Subscription {
  return {
    ...feed(title, 'Calendar', `${description} Calendar apps check for changes every ${refreshHours} hours.`, href),
    webcal: webcal(href),
  };
}

export async function subscriptionGroups(): Promise<SubscriptionGroup[]> {
  const directory = await getTickerDirectory();
  const tickers = (await getBriefingsByTicker()).map((group) => group.key).sort();
  const tags = (await getBriefingsByTag()).map((group) => group.key).sort();
  return [
    {
      id: 'site',
      heading: `All of ${site.name}`,
      subscriptions: [
        feed(site.name, 'RSS', `The newest ${site.feedSize} briefings in full.`, feedRoutes.site()),
        feed(site.name, 'JSON Feed', `The same briefings as JSON Feed 1.1.`, feedRoutes.json()),
        calendar(
          `${site.name} events`,
          'Results, calls, meetings and data releases named in briefings.',
          feedRoutes.calendar(),
        ),
      ],
    },
    {
      id: 'tickers',
      heading: 'By ticker',
      subscriptions: tickers.flatMap((symbol) => {
        const name = tickerLabel(symbol, directory).name;
        const title = name ? `${name} (${symbol})` : symbol;
        return [
          feed(title, 'RSS', `Briefings about ${symbol}.`, feedRoutes.ticker(symbol)),
          calendar(title, `Events of ${symbol} named in briefings.`, feedRoutes.tickerCalendar(symbol)),
        ];
      }),
    },
    {
      id: 'tags',
      heading: 'By tag',
      subscriptions: tags.map((tag) => feed(`#${tag}`, 'RSS', `Briefings tagged ${tag}.`, feedRoutes.tag(tag))),
    },
  ];
}
