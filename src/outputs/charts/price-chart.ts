/**
 * A price chart as an SVG string, drawn at build time from daily market data: the closing line over an
 * area, axes with labels in the site's locale, the 52-week high, the last close, and the briefing's
 * events where they fall in range. d3-scale and d3-shape do the scales, ticks and paths.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { area, line } from 'd3-shape';
import { formatMoney, formatPercent } from '../../engine/money.ts';
import { chartRange, daysBefore, rowsInRange, type PriceRow } from '../../engine/price-history.ts';
import { CHART_PAINT, chartId, escapeXml, round } from './svg-markup.ts';

export interface ChartEvent {
  readonly title: string;
  /** YYYY-MM-DD. */
  readonly date: string;
}

export interface PriceChartInput {
  readonly symbol: string;
  readonly rows: readonly PriceRow[];
  /** First day shown, YYYY-MM-DD; defaults to 52 weeks before the last. */
  readonly from?: string | undefined;
  /** Last day shown, YYYY-MM-DD; defaults to the last row. */
  readonly to?: string | undefined;
  readonly events?: readonly ChartEvent[];
  readonly currency: string;
  readonly locale: string;
  readonly width?: number;
  readonly height?: number;
}

export interface ChartTableRow {
  readonly label: string;
  readonly value: string;
}

export interface RenderedChart {
  readonly svg: string;
  /** The text alternative: what the chart shows, in words. */
  readonly summary: string;
  /** A small table of the data for screen readers and print. */
  readonly table: readonly ChartTableRow[];
  readonly caption: string;
}

const MARGIN = { top: 28, right: 72, bottom: 32, left: 56 };

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions) {
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  return (date: Date) => format.format(date);
}

export function priceChart(input: PriceChartInput): RenderedChart {
  const width = input.width ?? 720;
  const height = input.height ?? 320;
  const { from, to } = chartRange(input.rows, input.from, input.to);
  const rows = rowsInRange(input.rows, { from, to });
  const longDate = dateFormat(input.locale, { day: 'numeric', month: 'long', year: 'numeric' });
  const money = (value: number) => formatMoney(value, input.currency, input.locale);
  const id = chartId('price-chart', input.symbol, from, to);
  const caption = `${input.symbol} closing price, ${longDate(utc(from))} to ${longDate(utc(to))}`;

  if (rows.length === 0) {
    const summary = `No market data for ${input.symbol} between ${longDate(utc(from))} and ${longDate(utc(to))}.`;
    return {
      svg: `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} 60" role="img" aria-labelledby="${id}-title" ${CHART_PAINT.root}><title id="${id}-title">${escapeXml(summary)}</title><text class="chart__label" x="0" y="30">${escapeXml(summary)}</text></svg>`,
      summary,
      table: [],
      caption,
    };
  }

  const first = rows[0] as PriceRow;
  const final = rows.at(-1) as PriceRow;
  const yearWindow = input.rows.filter((row) => row.date > daysBefore(final.date, 365) && row.date <= final.date);
  const high52Week = Math.max(...yearWindow.map((row) => row.high));
  const closes = rows.map((row) => row.close);
  const low = rows.reduce((lowest, row) => (row.close < lowest.close ? row : lowest), first);
  const top = rows.reduce((highest, row) => (row.close > highest.close ? row : highest), first);

  // A single day still gets a visible span: one day either side.
  const start = rows.length === 1 ? utc(daysBefore(first.date, 1)) : utc(first.date);
  const end = rows.length === 1 ? utc(daysBefore(first.date, -1)) : utc(final.date);
  const x = scaleUtc()
    .domain([start, end])
    .range([MARGIN.left, width - MARGIN.right]);
  const minimum = Math.min(...closes);
  const maximum = Math.max(...closes, high52Week);
  // A flat series still gets a visible band: 1% either side.
  const pad = maximum === minimum ? Math.max(1, maximum * 0.01) : 0;
  const y = scaleLinear()
    .domain([minimum - pad, maximum + pad])
    .nice(5)
    .range([height - MARGIN.bottom, MARGIN.top]);

  const points = rows.map((row) => [x(utc(row.date)), y(row.close)] as [number, number]);
  const linePath = line()
    .x((point) => round(point[0]))
    .y((point) => round(point[1]))(points);
  const areaPath = area()
    .x((point) => round(point[0]))
    .y0(height - MARGIN.bottom)
    .y1((point) => round(point[1]))(points);

  const spansYears = utc(first.date).getUTCFullYear() !== utc(final.date).getUTCFullYear();
  const days = (end.getTime() - start.getTime()) / 86_400_000;
  const tickLabel = dateFormat(
    input.locale,
    days > 120 ? { month: 'short', ...(spansYears ? { year: '2-digit' } : {}) } : { day: 'numeric', month: 'short' },
  );
  const xTicks = x.ticks(Math.min(6, Math.max(2, Math.round(width / 140))));
  const yTicks = y.ticks(5);
  const yLabel = (value: number) =>
    new Intl.NumberFormat(input.locale, {
      style: 'currency',
      currency: input.currency,
      currencyDisplay: 'narrowSymbol',
      maximumFractionDigits: 0,
    }).format(value);

  const events = (input.events ?? []).filter((event) => event.date >= first.date && event.date <= final.date);
  const below = (high52Week - final.close) / high52Week;
  const parts: string[] = [];
  parts.push(`<title id="${id}-title">${escapeXml(caption)}</title>`);
  const summary = [
    `${caption}.`,
    `It moved from ${money(first.close)} to ${money(final.close)}; the lowest close was ${money(low.close)} on ${longDate(utc(low.date))} and the highest ${money(top.close)} on ${longDate(utc(top.date))}.`,
    `The last close, ${money(final.close)}, is ${below <= 0 ? 'at' : `${formatPercent(below, input.locale)} below`} the 52-week high of ${money(high52Week)}.`,
    ...events.map((event) => `Marked: ${event.title}, ${longDate(utc(event.date))}.`),
  ].join(' ');
  parts.push(`<desc id="${id}-desc">${escapeXml(summary)}</desc>`);
  parts.push(
    `<g class="chart__grid" ${CHART_PAINT.grid}>${yTicks.map((tick) => `<line x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${round(y(tick))}" y2="${round(y(tick))}"/>`).join('')}</g>`,
  );
  parts.push(`<path class="chart__area" ${CHART_PAINT.area} d="${areaPath ?? ''}"/>`);
  parts.push(`<path class="chart__line" ${CHART_PAINT.line} d="${linePath ?? ''}"/>`);
  parts.push(
    `<g class="chart__axis chart__axis--y">${yTicks.map((tick) => `<text x="${MARGIN.left - 8}" y="${round(y(tick) + 4)}" text-anchor="end">${escapeXml(yLabel(tick))}</text>`).join('')}</g>`,
  );
  parts.push(
    `<g class="chart__axis chart__axis--x" ${CHART_PAINT.axis}><line x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${height - MARGIN.bottom}" y2="${height - MARGIN.bottom}"/>${xTicks
      .map(
        (tick) =>
          `<text x="${round(x(tick))}" y="${height - MARGIN.bottom + 20}" text-anchor="middle">${escapeXml(tickLabel(tick))}</text>`,
      )
      .join('')}</g>`,
  );
  const highY = round(y(high52Week));
  parts.push(
    `<g class="chart__high" ${CHART_PAINT.high}><line ${CHART_PAINT.highLine} x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${highY}" y2="${highY}"/><text x="${width - MARGIN.right}" y="${highY - 6}" text-anchor="end">52-week high ${escapeXml(money(high52Week))}</text></g>`,
  );
  const lastX = round(x(utc(final.date)));
  const lastY = round(y(final.close));
  parts.push(
    `<g class="chart__last" ${CHART_PAINT.last}><circle cx="${lastX}" cy="${lastY}" r="4"/><text x="${lastX + 8}" y="${lastY + (Math.abs(lastY - highY) < 14 ? 16 : 4)}">${escapeXml(money(final.close))}</text></g>`,
  );
  for (const event of events) {
    const eventX = round(x(utc(event.date)));
    parts.push(
      `<g class="chart__event" ${CHART_PAINT.event}><line ${CHART_PAINT.eventLine} x1="${eventX}" x2="${eventX}" y1="${MARGIN.top - 8}" y2="${height - MARGIN.bottom}"/><text x="${eventX}" y="${MARGIN.top - 12}" text-anchor="middle">${escapeXml(event.title.length > 28 ? `${event.title.slice(0, 27)}…` : event.title)}</text></g>`,
    );
  }

  // Month-end closes keep the table short enough to read.
  const table: ChartTableRow[] = [];
  rows.forEach((row, index) => {
    const next = rows[index + 1];
    if (index === 0 || !next || next.date.slice(0, 7) !== row.date.slice(0, 7)) {
      table.push({ label: longDate(utc(row.date)), value: money(row.close) });
    }
  });

  const svg = `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart--price" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" ${CHART_PAINT.root}>${parts.join('')}</svg>`;
  return { svg, summary, table, caption };
}
