import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import { barChart } from '../../src/outputs/charts/bar-chart.ts';
import { priceChart } from '../../src/outputs/charts/price-chart.ts';
import { LIGHT_SCHEME } from '../../src/outputs/charts/svg-markup.ts';
import type { PriceRow } from '../../src/engine/price-history.ts';

const row = (date: string, close: number, high = close): PriceRow => ({
  date,
  open: close,
  high,
  low: close,
  close,
  volume: 1,
});
const texts = (svg: string, group: string) =>
  [
    ...(new RegExp(`<g class="${group}"[^>]*>(.*?)</g>`).exec(svg)?.[1] ?? '').matchAll(/<text[^>]*>([^<]*)<\/text>/g),
  ].map((match) => match[1]);

function weekdays(from: string, count: number, price: (index: number) => number): PriceRow[] {
  const rows: PriceRow[] = [];
  const day = new Date(`${from}T00:00:00Z`);
  while (rows.length < count) {
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6)
      rows.push(row(day.toISOString().slice(0, 10), price(rows.length)));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return rows;
}

const base = { symbol: 'AMZN', currency: 'USD', locale: 'en-GB' };

describe('price chart', () => {
  it('is well-formed SVG with a title, a description that states what it shows, and role="img"', () => {
    const chart = priceChart({ ...base, rows: weekdays('2025-03-03', 60, (i) => 100 + i) });
    expect(SyntaxValidator.validate(chart.svg)).toBe(true);
    expect(chart.svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="(price-chart-\w+)-title \1-desc"/);
    expect(chart.summary).toContain('It moved from $100.00 to $159.00');
    expect(chart.summary).toContain('is at the 52-week high of $159.00');
  });

  it('labels axis ticks in the locale, with the year when the series crosses one', () => {
    const within = priceChart({ ...base, rows: weekdays('2025-02-03', 200, (i) => 100 + (i % 7)) });
    expect(texts(within.svg, 'chart__axis chart__axis--x')).toEqual(['Apr', 'Jul', 'Oct']);
    const crossing = priceChart({ ...base, rows: weekdays('2025-09-01', 120, (i) => 100 + (i % 7)) });
    expect(texts(crossing.svg, 'chart__axis chart__axis--x')).toEqual([
      'Sept 25',
      'Oct 25',
      'Nov 25',
      'Dec 25',
      'Jan 26',
      'Feb 26',
    ]);
    expect(texts(within.svg, 'chart__axis chart__axis--y').every((label) => /^\$\d+$/.test(label ?? ''))).toBe(true);
  });

  it('draws across missing days (weekends, holidays) as one line', () => {
    const rows = weekdays('2026-01-05', 10, (i) => 50 + i).filter((_, index) => index !== 4);
    const chart = priceChart({ ...base, rows });
    const path = /class="chart__line"[^>]* d="([^"]+)"/.exec(chart.svg)?.[1] ?? '';
    expect(path.startsWith('M')).toBe(true);
    expect(path.slice(1)).not.toContain('M');
    expect(path.split('L')).toHaveLength(rows.length);
  });

  it('handles a single point and a flat series without dividing by zero', () => {
    const single = priceChart({ ...base, rows: [row('2026-01-30', 241)] });
    const flat = priceChart({ ...base, rows: weekdays('2026-01-05', 10, () => 80) });
    for (const chart of [single, flat]) {
      expect(SyntaxValidator.validate(chart.svg)).toBe(true);
      expect(chart.svg).not.toMatch(/NaN|Infinity/);
    }
    expect(single.summary).toContain('from $241.00 to $241.00');
  });

  it('marks the 52-week high, the last close, and events in range only', () => {
    const rows = weekdays('2025-02-03', 250, (i) => 200 + Math.sin(i / 10) * 20);
    const chart = priceChart({
      ...base,
      rows,
      events: [
        { title: 'Q3 results', date: '2025-10-30' },
        { title: 'Q4 call', date: '2027-02-05' },
      ],
    });
    expect(texts(chart.svg, 'chart__high')[0]).toMatch(/^52-week high \$\d+\.\d\d$/);
    expect(texts(chart.svg, 'chart__last')[0]).toBe(`$${rows.at(-1)?.close.toFixed(2)}`);
    expect(texts(chart.svg, 'chart__event')).toEqual(['Q3 results']);
    expect(chart.summary).toContain('Marked: Q3 results, 30 October 2025.');
    expect(chart.table.length).toBeGreaterThan(5);
    expect(chart.table.length).toBeLessThan(20);
  });

  it('says so when there is no data in the range', () => {
    const chart = priceChart({ ...base, rows: [row('2020-01-02', 10)], from: '2026-01-01', to: '2026-01-30' });
    expect(chart.summary).toBe('No market data for AMZN between 1 January 2026 and 30 January 2026.');
    expect(SyntaxValidator.validate(chart.svg)).toBe(true);
  });
});

describe('figure chart', () => {
  it('draws negative values below the zero line, escaped labels and a text alternative', () => {
    const chart = barChart({
      title: 'Net income <by quarter> & more',
      unit: '$bn',
      data: [
        { label: 'Q1', value: 10.4 },
        { label: 'Q2', value: -3.2 },
        { label: 'Q3', value: 15.3 },
      ],
      locale: 'en-GB',
    });
    expect(SyntaxValidator.validate(chart.svg)).toBe(true);
    expect(chart.summary).toBe('Net income <by quarter> & more: Q1 10.4 $bn, Q2 -3.2 $bn, Q3 15.3 $bn.');
    const zero = Number(/class="chart__zero"[^>]*y1="([\d.]+)"/.exec(chart.svg)?.[1]);
    const negative = /chart__bar--negative"[^>]*><rect x="[\d.]+" y="([\d.]+)"/.exec(chart.svg)?.[1];
    expect(Number(negative)).toBeCloseTo(zero, 0);
    const positiveTop = Number(/class="chart__bar"[^>]*><rect x="[\d.]+" y="([\d.]+)"/.exec(chart.svg)?.[1]);
    expect(positiveTop).toBeLessThan(zero);
    expect(chart.svg).toContain('Net income &lt;by quarter&gt; &amp; more');
  });
});

describe('charts without the site stylesheet (feed readers)', () => {
  it('paint the line, area, grid, axes and bars with presentation attributes', () => {
    const price = priceChart({
      ...base,
      rows: weekdays('2025-03-03', 60, (i) => 100 + (i % 7)),
      events: [{ date: '2025-04-01', title: 'Results' }],
    }).svg;
    expect(price).toMatch(/<path class="chart__line" fill="none" stroke="#[0-9a-f]{6}" stroke-width="2"/);
    expect(price).toMatch(/<path class="chart__area" fill="#[0-9a-f]{6}" fill-opacity="0\.1"/);
    expect(price).toMatch(/<g class="chart__grid" stroke="#[0-9a-f]{6}">/);
    expect(price).toMatch(/<g class="chart__axis chart__axis--x" stroke="#[0-9a-f]{6}">/);
    expect(price).toMatch(/^<svg [^>]*font-family="[^"]+" font-size="12" fill="#[0-9a-f]{6}"/);
    const bars = barChart({
      title: 'Net income',
      locale: 'en-GB',
      data: [
        { label: 'Q1', value: 3 },
        { label: 'Q2', value: -1 },
      ],
    }).svg;
    expect(bars).toMatch(/<g class="chart__bar" fill="#[0-9a-f]{6}">/);
    expect(bars).toMatch(/<g class="chart__bar chart__bar--negative" fill="#[0-9a-f]{6}">/);
  });

  it('use the light scheme of the stylesheet, so the two never drift apart', () => {
    const css = readFileSync(resolve(import.meta.dirname, '../../src/styles/global.css'), 'utf8');
    const root = /:root\s*{([^}]*)}/.exec(css)?.[1] ?? '';
    for (const [name, colour] of Object.entries(LIGHT_SCHEME)) {
      expect(root, `--${name}`).toContain(`--${name}: ${colour};`);
    }
  });
});
