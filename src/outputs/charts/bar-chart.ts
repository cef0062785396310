/**
 * A bar chart of a small series written in the briefing (quarterly revenue, say), as an SVG string.
 * Negative values hang below the zero line. d3-scale does the band and linear scales.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { CHART_PAINT, chartId, escapeXml, round } from './svg-markup.ts';
import type { RenderedChart } from './price-chart.ts';

export interface BarPoint {
  readonly label: string;
  readonly value: number;
}

export interface BarChartInput {
  readonly title: string;
  /** Unit shown after each value, e.g. "$bn" or "%". */
  readonly unit?: string | undefined;
  readonly data: readonly BarPoint[];
  readonly locale: string;
  readonly width?: number;
  readonly height?: number;
}

const MARGIN = { top: 24, right: 16, bottom: 36, left: 16 };

export function barChart(input: BarChartInput): RenderedChart {
  const width = input.width ?? 640;
  const height = input.height ?? 280;
  // The id prefix and class names are the chart's older name; kept, as pages and stylesheets use them.
  const id = chartId('figure-chart', input.title, input.data);
  const number = new Intl.NumberFormat(input.locale, { maximumFractionDigits: 2 });
  const withUnit = (value: number) => `${number.format(value)}${input.unit ? ` ${input.unit}` : ''}`;
  const x = scaleBand()
    .domain(input.data.map((point) => point.label))
    .range([MARGIN.left, width - MARGIN.right])
    .padding(0.25);
  const values = input.data.map((point) => point.value);
  const y = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(0, ...values)])
    .nice()
    .range([height - MARGIN.bottom, MARGIN.top]);
  const zero = round(y(0));
  const bars = input.data
    .map((point) => {
      const left = round(x(point.label) ?? 0);
      const top = round(Math.min(y(point.value), y(0)));
      const barHeight = round(Math.abs(y(point.value) - y(0)));
      const labelY = point.value >= 0 ? top - 6 : top + barHeight + 16;
      const center = round(left + x.bandwidth() / 2);
      return `<g class="chart__bar${point.value < 0 ? ' chart__bar--negative' : ''}" ${point.value < 0 ? CHART_PAINT.negativeBar : CHART_PAINT.bar}><rect x="${left}" y="${top}" width="${round(x.bandwidth())}" height="${barHeight}"/><text x="${center}" y="${round(labelY)}" text-anchor="middle" ${CHART_PAINT.label}>${escapeXml(withUnit(point.value))}</text><text class="chart__category" x="${center}" y="${height - MARGIN.bottom + 22}" text-anchor="middle" ${CHART_PAINT.label}>${escapeXml(point.label)}</text></g>`;
    })
    .join('');
  const summary =
    input.data.length === 0
      ? `${input.title}: no data.`
      : `${input.title}: ${input.data.map((point) => `${point.label} ${withUnit(point.value)}`).join(', ')}.`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart--figure" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" ${CHART_PAINT.root}><title id="${id}-title">${escapeXml(input.title)}</title><desc id="${id}-desc">${escapeXml(summary)}</desc>${bars}<line class="chart__zero" ${CHART_PAINT.axis} x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${zero}" y2="${zero}"/></svg>`;
  return {
    svg,
    summary,
    caption: input.title,
    table: input.data.map((point) => ({ label: point.label, value: withUnit(point.value) })),
  };
}
