/** Money and the market snapshot's derived facts. */

/** A close and the 52-week high it is measured against, in one currency. */
export interface PriceAgainstHigh {
  readonly close: number;
  readonly high52Week: number;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = numberFormats.get(key);
  if (!cached) {
    cached = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, cached);
  }
  return cached;
}

/** "$241.00" (en) or "241,00 $" (de): a price in its currency, always with the currency's minor units. */
export function formatMoney(amount: number, currency: string, locale: string): string {
  return numberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).format(amount);
}

/** "2.6%": a fraction as a percentage with one decimal. */
export function formatPercent(fraction: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    fraction,
  );
}

/** How far the close sits below the 52-week high, as a fraction of the high (0 at the high). */
export function fractionBelowHigh(snapshot: PriceAgainstHigh): number {
  return (snapshot.high52Week - snapshot.close) / snapshot.high52Week;
}

/** "2.6% below its 52-week high", or "at its 52-week high". */
export function describeDistanceToHigh(snapshot: PriceAgainstHigh, locale: string): string {
  const fraction = fractionBelowHigh(snapshot);
  if (fraction <= 0) return 'at its 52-week high';
  if (fraction < 0.0005) return `less than ${formatPercent(0.001, locale)} below its 52-week high`;
  return `${formatPercent(fraction, locale)} below its 52-week high`;
}
