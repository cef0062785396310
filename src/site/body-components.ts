/**
 * The components briefings use without an import, drawn as plain HTML when a body is rendered
 * (`src/markdown/body-html.ts`): `<Ticker>`, `<Sponsored>`, `<PriceChart>` and `<BarChart>`. Their
 * attributes are read by the rules the content check applies (`src/content/component-props.ts`), so an
 * attribute the check refuses never draws. A ticker mention is drawn as a placeholder that the page
 * resolves (`resolveTickerMentions`): whether a ticker has a page depends on every briefing, not on
 * the one being rendered.
 */
import type { ElementContent, Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import {
  componentError,
  drawableProps,
  parseBarChartProps,
  parsePriceChartProps,
  parseSponsoredProps,
  parseTickerProps,
  priceChartDataProblem,
} from '../content/component-props.ts';
import type { PriceRow } from '../engine/price-history.ts';
import { tickerLabel, type TickerDirectory } from '../engine/tickers.ts';
import type { BodyComponents } from '../markdown/body-html.ts';
import { barChart } from '../outputs/charts/bar-chart.ts';
import { priceChart, type ChartEvent, type RenderedChart } from '../outputs/charts/price-chart.ts';
import { site } from '../site.config.ts';
import { routes } from './routes.ts';

export interface BodyComponentSources {
  /** A ticker's daily prices (`content/market/<SYMBOL>.csv`), or undefined when it has none. */
  readonly pricesOf: (symbol: string) => readonly PriceRow[] | undefined;
}

const element = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });

/** A rendered chart with its caption and a collapsed data table for screen readers and print. */
function chartFigure(chart: RenderedChart, labelHeading: string, valueHeading: string): Element {
  // The chart's own markup, as the chart module writes it (it escapes what it draws).
  const svg = { type: 'raw', value: chart.svg } as unknown as ElementContent;
  const children: ElementContent[] = [svg, element('figcaption', {}, [text(chart.caption)])];
  if (chart.table.length > 0) {
    const rows = chart.table.map((row) =>
      element('tr', {}, [
        element('td', {}, [text(row.label)]),
        element('td', { className: ['align-right', 'figure'] }, [text(row.value)]),
      ]),
    );
    children.push(
      element('details', { className: ['chart-figure__data'] }, [
        element('summary', {}, [text('Data behind the chart')]),
        element('table', {}, [
          element('thead', {}, [
            element('tr', {}, [
              element('th', { scope: 'col' }, [text(labelHeading)]),
              element('th', { scope: 'col', className: ['align-right'] }, [text(valueHeading)]),
            ]),
          ]),
          element('tbody', {}, rows),
        ]),
      ]),
    );
  }
  return element('figure', { className: ['chart-figure'] }, children);
}

/** A rendered chart as HTML, for pages that draw one outside a body (a ticker's page). */
export function chartFigureHtml(chart: RenderedChart, labelHeading: string, valueHeading: string): string {
  return toHtml(chartFigure(chart, labelHeading, valueHeading), { allowDangerousHtml: true });
}

/** The attribute a ticker mention's placeholder carries: its symbol. */
const MENTION_ATTRIBUTE = 'data-ticker-mention';

export function bodyComponents(sources: BodyComponentSources): BodyComponents {
  return {
    Ticker: (attributes) => {
      const { symbol } = drawableProps(parseTickerProps(attributes), attributes);
      return element('span', { className: ['ticker-mention'], [MENTION_ATTRIBUTE]: symbol }, [text(symbol)]);
    },
    Sponsored: (attributes, children) => {
      const { sponsor } = drawableProps(parseSponsoredProps(attributes), attributes);
      return element(
        'aside',
        { className: ['sponsored'], dataSponsored: true, dataPagefindIgnore: 'all', ariaLabel: 'Advertisement' },
        [
          element('p', { className: ['sponsored__label'] }, [
            element('span', { className: ['sponsored__ad'] }, [text('Ad')]),
            text(` Sponsored by ${sponsor}`),
          ]),
          element('div', { className: ['sponsored__body'] }, children),
        ],
      );
    },
    PriceChart: (attributes) => {
      const props = drawableProps(parsePriceChartProps(attributes), attributes);
      const rows = sources.pricesOf(props.ticker);
      const problem = priceChartDataProblem(props, rows);
      if (problem || !rows) throw componentError(problem ? [problem] : [], attributes);
      const events = JSON.parse(attributes['events'] ?? '[]') as ChartEvent[];
      const chart = priceChart({ symbol: props.ticker, rows, ...props, events, locale: site.locale });
      return chartFigure(chart, 'Date (month-end)', 'Close');
    },
    BarChart: (attributes) => {
      const { title, unit, data } = drawableProps(parseBarChartProps(attributes), attributes);
      return chartFigure(barChart({ title, unit, data, locale: site.locale }), 'Period', `Value (${unit})`);
    },
  };
}

/** A mention as the body stores it (`Ticker` above): its symbol. */
const MENTION = new RegExp(`<span class="ticker-mention" ${MENTION_ATTRIBUTE}="([^"]+)">([^<]*)</span>`, 'g');
/** A heading: the pipeline wraps its whole content in a link to itself, which may hold no other link. */
const HEADING = /<h([1-6])\b[^>]*>[\s\S]*?<\/h\1>/g;

/**
 * The body's ticker mentions as the page shows them: a link to the ticker's page where it has one (not
 * inside a heading, whose content is already a link, and a link may not hold another), its company
 * named in the title where the directory knows it.
 */
export function resolveTickerMentions(
  html: string,
  withPages: ReadonlySet<string>,
  directory: TickerDirectory,
): string {
  const drawMention = (linked: boolean) => (_mention: string, symbol: string) => {
    const label = tickerLabel(symbol, directory);
    const title = label.name ? { title: `${label.name} (${label.exchange}: ${symbol})` } : {};
    const mention =
      linked && withPages.has(symbol)
        ? element('a', { className: ['ticker-mention'], href: routes.ticker(symbol), ...title }, [text(symbol)])
        : element('span', { className: ['ticker-mention'], ...title }, [text(symbol)]);
    return toHtml(mention);
  };
  return html
    .replace(HEADING, (heading) => heading.replace(MENTION, drawMention(false)))
    .replace(MENTION, drawMention(true));
}
