/**
 * The attributes of the components briefings use without an import, and the one set of rules that reads
 * them: the content check reports each problem at its attribute (`check/rules/component-usage.ts`), the
 * build's guard refuses the same before rendering (`src/markdown/plugins/remark-content-guard.ts`), and the
 * components themselves parse their props with these functions (`src/site/body-components.ts`), so what
 * the check accepts is exactly what the components draw.
 *
 * Attributes are plain text (`name="value"`): expressions are refused as code (`author-code.ts`).
 */
import { chartRange, rowsInRange, type PriceRow } from '../engine/price-history.ts';
import { TICKER_SYMBOL } from '../engine/tickers.ts';
import type { BodyPlace } from './author-code.ts';
import type { MdxComponentName } from './mdx-component-names.ts';
import { notATickerSymbol } from './schema/messages.ts';

/** One thing wrong with a component's attributes. */
export interface PropProblem {
  /** The attribute at fault; undefined when one is missing or the attributes disagree as a whole. */
  readonly attribute: string | undefined;
  readonly message: string;
}

export type PropsResult<T> =
  { readonly ok: true; readonly props: T } | { readonly ok: false; readonly problems: readonly PropProblem[] };

/** The attributes each component takes, as authors write them. */
export const COMPONENT_ATTRIBUTES: Readonly<Record<MdxComponentName, readonly string[]>> = {
  Ticker: ['symbol'],
  Sponsored: ['sponsor'],
  PriceChart: ['ticker', 'from', 'to', 'currency'],
  BarChart: ['title', 'unit', 'labels', 'values'],
};

/**
 * The attribute the build gives every built-in component: its place in the briefing
 * (`content/briefings/x.mdx:12:1`), for errors only rendering can find. Not one authors may write.
 */
export const PLACE_ATTRIBUTE = 'placeInBriefing';

/**
 * The props a component draws, or an error naming the briefing, line and column (from
 * `PLACE_ATTRIBUTE`), the component and the attribute: what a component throws when the check was not
 * run on its briefing.
 */
export function drawableProps<T>(parsed: PropsResult<T>, props: RawProps): T {
  if (parsed.ok) return parsed.props;
  throw componentError(parsed.problems, props);
}

/** An error for problems found while rendering a component, at its place in the briefing. */
export function componentError(problems: readonly PropProblem[], props: RawProps): Error {
  const place = textOf(props, PLACE_ATTRIBUTE) ?? 'a briefing';
  return new Error(problems.map((problem) => `${place}: error: ${problem.message}`).join('\n'));
}

/** Props as a component receives them, or as an element's text attributes give them. */
type RawProps = object;

const propOf = (props: RawProps, name: string): unknown => (props as Readonly<Record<string, unknown>>)[name];

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a YYYY-MM-DD day that exists (no 13th month, no 30 February). */
export function isCalendarDate(text: string): boolean {
  const parts = CALENDAR_DATE.exec(text);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const instant = new Date(Date.UTC(year, month - 1, day));
  return instant.getUTCFullYear() === year && instant.getUTCMonth() === month - 1 && instant.getUTCDate() === day;
}

/**
 * A bar's value as the docs write it: digits with an optional decimal point and a leading minus
 * (`4.31`, `-0.4`, `1200`). No thousands separators, units or spaces inside, which read differently in
 * different languages.
 */
const BAR_VALUE = /^-?\d+(?:\.\d+)?$/;

const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

function result<T>(problems: PropProblem[], props: () => T): PropsResult<T> {
  return problems.length > 0 ? { ok: false, problems } : { ok: true, props: props() };
}

/** The text of an attribute; undefined when it is missing (or not text, which the code rule reports). */
const textOf = (props: RawProps, name: string): string | undefined => {
  const value = propOf(props, name);
  return typeof value === 'string' ? value : undefined;
};

const quote = (component: string, name: string, value: string) => `<${component} ${name}="${value}">`;

export interface TickerProps {
  readonly symbol: string;
}

export function parseTickerProps(props: RawProps): PropsResult<TickerProps> {
  const symbol = textOf(props, 'symbol');
  const problems: PropProblem[] = [];
  if (symbol === undefined)
    problems.push({ attribute: undefined, message: '<Ticker> needs its symbol: symbol="AMZN"' });
  else if (!TICKER_SYMBOL.test(symbol))
    problems.push({ attribute: 'symbol', message: notATickerSymbol(quote('Ticker', 'symbol', symbol)) });
  return result(problems, () => ({ symbol: symbol ?? '' }));
}

export interface SponsoredProps {
  readonly sponsor: string;
}

export function parseSponsoredProps(props: RawProps): PropsResult<SponsoredProps> {
  const sponsor = textOf(props, 'sponsor')?.trim() ?? '';
  return sponsor === ''
    ? {
        ok: false,
        problems: [
          {
            attribute: propOf(props, 'sponsor') === undefined ? undefined : 'sponsor',
            message: '<Sponsored> needs its label: sponsor="Who paid for it", shown next to "Ad"',
          },
        ],
      }
    : { ok: true, props: { sponsor } };
}

export interface PriceChartProps {
  readonly ticker: string;
  /** First day, YYYY-MM-DD; 52 weeks before `to` when not given. */
  readonly from: string | undefined;
  /** Last day, YYYY-MM-DD; the last day of data when not given. */
  readonly to: string | undefined;
  /** ISO 4217 code of the prices. */
  readonly currency: string;
}

export function parsePriceChartProps(props: RawProps): PropsResult<PriceChartProps> {
  const problems: PropProblem[] = [];
  const ticker = textOf(props, 'ticker');
  if (ticker === undefined) {
    problems.push({ attribute: undefined, message: '<PriceChart> needs its ticker: ticker="AMZN"' });
  } else if (!TICKER_SYMBOL.test(ticker)) {
    problems.push({ attribute: 'ticker', message: notATickerSymbol(quote('PriceChart', 'ticker', ticker)) });
  }
  const day = (name: 'from' | 'to') => {
    const value = textOf(props, name);
    if (value === undefined || isCalendarDate(value)) return value;
    problems.push({
      attribute: name,
      message: `${quote('PriceChart', name, value)} is not a day that exists: write YYYY-MM-DD, e.g. 2026-01-30`,
    });
    return undefined;
  };
  const from = day('from');
  const to = day('to');
  if (from !== undefined && to !== undefined && from > to) {
    problems.push({
      attribute: 'to',
      message: `<PriceChart from="${from}" to="${to}"> ends before it starts: "to" must be on or after "from"`,
    });
  }
  const currency = textOf(props, 'currency') ?? 'USD';
  if (!ISO_CURRENCIES.has(currency)) {
    problems.push({
      attribute: 'currency',
      message: `${quote('PriceChart', 'currency', currency)} is not an ISO 4217 currency code: write USD, EUR, JPY…`,
    });
  }
  return result(problems, () => ({ ticker: ticker ?? '', from, to, currency }));
}

/**
 * What is wrong with a valid chart's market data: none for its ticker (`rows` undefined), or no trading
 * day in its range. Undefined when it can be drawn.
 */
export function priceChartDataProblem(props: PriceChartProps, rows: readonly PriceRow[] | undefined) {
  if (!rows || rows.length === 0) {
    return {
      attribute: 'ticker',
      message: `<PriceChart ticker="${props.ticker}"> has no market data: add content/market/${props.ticker}.csv`,
    } satisfies PropProblem;
  }
  const range = chartRange(rows, props.from, props.to);
  if (rowsInRange(rows, range).length > 0) return undefined;
  const first = rows[0]?.date ?? '';
  const last = rows.at(-1)?.date ?? '';
  return {
    attribute: props.from !== undefined ? 'from' : props.to !== undefined ? 'to' : 'ticker',
    message: `<PriceChart ticker="${props.ticker}"> has no market data from ${range.from} to ${range.to}: content/market/${props.ticker}.csv runs from ${first} to ${last}`,
  } satisfies PropProblem;
}

export interface BarChartProps {
  readonly title: string;
  /** Shown after every value: "$bn", "%", "vehicles". */
  readonly unit: string;
  readonly data: readonly { readonly label: string; readonly value: number }[];
}

/** Text split at `|`, each part trimmed; nothing for an empty text. */
const parts = (text: string) => (text.trim() === '' ? [] : text.split('|').map((part) => part.trim()));

export function parseBarChartProps(props: RawProps): PropsResult<BarChartProps> {
  const problems: PropProblem[] = [];
  const required = (name: string, example: string) => {
    const value = textOf(props, name)?.trim() ?? '';
    if (value === '') {
      problems.push({
        attribute: propOf(props, name) === undefined ? undefined : name,
        message: `<BarChart> needs ${name}="${example}"`,
      });
    }
    return value;
  };
  const title = required('title', 'Revenue by quarter');
  const unit = required('unit', '$bn');
  const labels = parts(required('labels', 'Q1|Q2|Q3'));
  const valueTexts = parts(required('values', '155.7|167.7|180.2'));
  const values = valueTexts.map(Number);
  if (labels.length > 0 && valueTexts.length > 0 && labels.length !== valueTexts.length) {
    problems.push({
      attribute: 'values',
      message: `<BarChart> labels and values: ${labels.length} labels but ${valueTexts.length} values: give one value per label, each list separated by "|"`,
    });
  }
  const emptyLabel = labels.findIndex((label) => label === '');
  if (emptyLabel >= 0) {
    problems.push({
      attribute: 'labels',
      message: `<BarChart> labels: label ${emptyLabel + 1} is empty: name every bar`,
    });
  }
  valueTexts.forEach((text, index) => {
    if (BAR_VALUE.test(text)) return;
    problems.push({
      attribute: 'values',
      message: `<BarChart> values: "${text}"${labels[index] ? ` (for "${labels[index]}")` : ''} is not a number as charts write them: digits with an optional "." and "-", such as 4.31 or -0.4 (no thousands separators or units)`,
    });
  });
  return result(problems, () => ({
    title,
    unit,
    data: labels.map((label, index) => ({ label, value: values[index] ?? 0 })),
  }));
}

const PARSERS: Readonly<Record<MdxComponentName, (props: RawProps) => PropsResult<unknown>>> = {
  Ticker: parseTickerProps,
  Sponsored: parseSponsoredProps,
  PriceChart: parsePriceChartProps,
  BarChart: parseBarChartProps,
};

interface ElementAttribute {
  readonly type: string;
  readonly name?: string;
  readonly value?: unknown;
  readonly position?: { readonly start: BodyPlace } | undefined;
}

/** A built-in component as the MDX parser gives it. */
export interface ComponentElement {
  readonly name: MdxComponentName;
  readonly attributes: readonly ElementAttribute[];
  readonly position?: { readonly start: BodyPlace } | undefined;
}

/** A problem at its place in the body: the attribute at fault, or the element. */
export interface PlacedPropProblem {
  readonly at: BodyPlace;
  readonly message: string;
}

/**
 * Every problem with a written component's attributes: unknown ones, then what its parser finds, then,
 * when `marketData` is given, whether a price chart has data to draw. An element with an attribute
 * written as an expression is left to the code rule until that is fixed (one finding per defect); one
 * written with no value (`<X from />`) counts as empty text.
 */
export function componentProblems(
  element: ComponentElement,
  marketData?: (symbol: string) => readonly PriceRow[] | undefined,
): PlacedPropProblem[] {
  const known = COMPONENT_ATTRIBUTES[element.name];
  const elementPlace = element.position?.start ?? { line: 1, column: 1 };
  const placeOf = (name: string | undefined) =>
    element.attributes.find((attribute) => attribute.name === name)?.position?.start ?? elementPlace;
  const isCode = (attribute: ElementAttribute) =>
    attribute.type !== 'mdxJsxAttribute' || (typeof attribute.value === 'object' && attribute.value !== null);
  if (element.attributes.some(isCode)) return [];
  const problems: PlacedPropProblem[] = [];
  const props: Record<string, unknown> = {};
  for (const attribute of element.attributes) {
    const name = attribute.name ?? '';
    if (known.includes(name)) {
      props[name] = attribute.value ?? '';
      continue;
    }
    problems.push({
      at: attribute.position?.start ?? elementPlace,
      message: `<${element.name}> has no attribute "${name}": it takes ${known.map((n) => `${n}=""`).join(', ')}`,
    });
  }
  const parsed = PARSERS[element.name](props);
  const placed = (problem: PropProblem) => ({ at: placeOf(problem.attribute), message: problem.message });
  if (!parsed.ok) return [...problems, ...parsed.problems.map(placed)];
  if (element.name === 'PriceChart' && marketData) {
    const chart = parsed.props as PriceChartProps;
    const problem = priceChartDataProblem(chart, marketData(chart.ticker));
    if (problem) problems.push(placed(problem));
  }
  return problems;
}
