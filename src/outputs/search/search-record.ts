/**
 * What the search index knows about a briefing beyond its text: filters (ticker, tag, source, year),
 * metadata shown in results, and the key results can be sorted by.
 */
import { calendarDate, formatDate, toInstant, type Clock } from '../../engine/time.ts';

export interface SearchRecordInput {
  readonly publishedAt: string;
  readonly dek: string;
  readonly tickers: readonly string[];
  readonly tags: readonly string[];
  readonly sources: readonly { readonly name: string }[];
  /** Path or URL of the card image. */
  readonly image: string;
}

export interface SearchRecord {
  readonly filters: Readonly<Record<'ticker' | 'tag' | 'source' | 'year', readonly string[]>>;
  readonly meta: Readonly<Record<string, string>>;
  /** Sort keys; ISO timestamps sort correctly as text. */
  readonly sort: Readonly<Record<'date', string>>;
}

export function searchRecord(input: SearchRecordInput, clock: Clock): SearchRecord {
  const instant = toInstant(input.publishedAt);
  return {
    filters: {
      ticker: [...input.tickers],
      tag: [...input.tags],
      source: [...new Set(input.sources.map((source) => source.name))],
      year: [String(calendarDate(instant, clock.timeZone).year)],
    },
    meta: {
      date: formatDate(instant, clock),
      tickers: input.tickers.join(', '),
      dek: input.dek,
      image: input.image,
    },
    sort: { date: instant.toISOString() },
  };
}

/** Query-string keys of the search page that preset a filter: `/search/?ticker=AMZN`. */
export const FILTER_PARAMETERS = ['ticker', 'tag', 'source', 'year'] as const;
