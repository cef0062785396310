/** Ticker symbols: what a valid one looks like, and how a page names it. */

/**
 * Upper-case letters and digits, starting with a letter, with an optional class or market suffix
 * after a dot or hyphen: `T`, `AMZN`, `BRK.B`, `RDS-A`, `SAP.DE`.
 */
export const TICKER_SYMBOL = /^[A-Z][A-Z0-9]{0,5}(?:[.-][A-Z0-9]{1,4})?$/;

/** What the project knows about a listed instrument (from `content/tickers.yaml`). */
export interface TickerInfo {
  /** Company or instrument name, e.g. "Amazon.com, Inc.". */
  readonly name: string;
  /** Exchange or market, e.g. "Nasdaq". */
  readonly exchange: string;
}

export type TickerDirectory = ReadonlyMap<string, TickerInfo>;

export interface TickerLabel {
  readonly symbol: string;
  /** Undefined when the symbol is not in the ticker data: the page shows the symbol alone. */
  readonly name: string | undefined;
  readonly exchange: string | undefined;
}

export function tickerLabel(symbol: string, directory: TickerDirectory): TickerLabel {
  const info = directory.get(symbol);
  return { symbol, name: info?.name, exchange: info?.exchange };
}

/** Ids that are file names (authors): lower-case ASCII words joined by hyphens, `jane-doe`. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Tags are words of any script joined by hyphens, lower-case where the script has case: `ai`,
 * `job-cuts`, `börse`, `日本株`. Their pages live at `/tags/<tag>/` under the UTF-8 name; links and
 * feeds carry it percent-encoded (`/tags/b%C3%B6rse/`), which every CDN decodes to that file.
 */
export const TAG =
  /^[\p{Ll}\p{Lo}\p{Lm}\p{Nd}][\p{Ll}\p{Lo}\p{Lm}\p{M}\p{Nd}]*(?:-[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{Nd}]+)*$/u;
