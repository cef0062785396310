import { describe, expect, it } from 'vitest';
import {
  componentError,
  isCalendarDate,
  parseBarChartProps,
  parsePriceChartProps,
  parseSponsoredProps,
  parseTickerProps,
  PLACE_ATTRIBUTE,
  priceChartDataProblem,
} from '../../src/content/component-props.ts';
import type { PriceRow } from '../../src/engine/price-history.ts';

const row = (date: string): PriceRow => ({ date, open: 1, high: 1, low: 1, close: 1, volume: 1 });
const ROWS = [row('2025-06-02'), row('2025-12-31'), row('2026-01-30')];

describe('the attributes of the built-in components', () => {
  it('takes only days that exist', () => {
    for (const day of ['2026-01-30', '2024-02-29', '2000-02-29']) expect(isCalendarDate(day), day).toBe(true);
    for (const day of ['2026-13-01', '2026-02-29', '1900-02-29', '2026-1-30', '30.01.2026', '2026-01-30T00:00'])
      expect(isCalendarDate(day), day).toBe(false);
  });

  it('reads a price chart: its defaults, and each attribute at fault', () => {
    expect(parsePriceChartProps({ ticker: 'AMZN' })).toEqual({
      ok: true,
      props: { ticker: 'AMZN', from: undefined, to: undefined, currency: 'USD' },
    });
    expect(parsePriceChartProps({ ticker: 'amzn', from: '2026-13-01', to: '2026-01-30', currency: 'usd' })).toEqual({
      ok: false,
      problems: [
        { attribute: 'ticker', message: expect.stringMatching(/^<PriceChart ticker="amzn"> is not a ticker symbol/) },
        {
          attribute: 'from',
          message: expect.stringMatching(/^<PriceChart from="2026-13-01"> is not a day that exists/),
        },
        { attribute: 'currency', message: expect.stringMatching(/is not an ISO 4217 currency code/) },
      ],
    });
    expect(parsePriceChartProps({ ticker: 'AMZN', from: '2026-01-30', to: '2026-01-29' })).toMatchObject({
      ok: false,
      problems: [{ attribute: 'to', message: expect.stringContaining('ends before it starts') }],
    });
  });

  it('draws a price chart only where its ticker has market data in its range', () => {
    const chart = (props: Record<string, string>) => {
      const parsed = parsePriceChartProps({ ticker: 'AMZN', ...props });
      if (!parsed.ok) throw new Error('valid props expected');
      return parsed.props;
    };
    expect(priceChartDataProblem(chart({}), ROWS)).toBeUndefined();
    expect(priceChartDataProblem(chart({ from: '2025-12-31', to: '2025-12-31' }), ROWS)).toBeUndefined();
    expect(priceChartDataProblem(chart({}), undefined)?.message).toBe(
      '<PriceChart ticker="AMZN"> has no market data: add content/market/AMZN.csv',
    );
    // Before the data begins, and a default `from` 52 weeks before a `to` long after it ends.
    expect(priceChartDataProblem(chart({ from: '2020-01-01', to: '2020-02-01' }), ROWS)).toEqual({
      attribute: 'from',
      message:
        '<PriceChart ticker="AMZN"> has no market data from 2020-01-01 to 2020-02-01: content/market/AMZN.csv runs from 2025-06-02 to 2026-01-30',
    });
    expect(priceChartDataProblem(chart({ to: '2028-01-01' }), ROWS)).toMatchObject({ attribute: 'to' });
  });

  it('reads a bar chart written as the docs show, and finds each value, count and unit at fault', () => {
    expect(parseBarChartProps({ title: 'Sales', unit: '$bn', labels: 'Q1 | Q2|Q3', values: '3.9|-0.4|1200' })).toEqual({
      ok: true,
      props: {
        title: 'Sales',
        unit: '$bn',
        data: [
          { label: 'Q1', value: 3.9 },
          { label: 'Q2', value: -0.4 },
          { label: 'Q3', value: 1200 },
        ],
      },
    });
    const broken = parseBarChartProps({ title: ' ', labels: 'Q1||Q3', values: '1.2|abc|3|4' });
    expect(broken.ok ? [] : broken.problems.map((problem) => `${problem.attribute}: ${problem.message}`)).toEqual([
      'title: <BarChart> needs title="Revenue by quarter"',
      'undefined: <BarChart> needs unit="$bn"',
      'values: <BarChart> labels and values: 3 labels but 4 values: give one value per label, each list separated by "|"',
      'labels: <BarChart> labels: label 2 is empty: name every bar',
      expect.stringMatching(/^values: <BarChart> values: "abc" is not a number as charts write them/),
    ]);
    for (const value of ['1,200', '1.2.3', '3 %', '+4', '.5', 'Infinity', '0x10', '']) {
      const parsed = parseBarChartProps({ title: 'T', unit: '%', labels: 'A|B', values: `1|${value}` });
      expect(parsed.ok, value).toBe(false);
    }
  });

  it('reads a ticker mention and a sponsored block', () => {
    expect(parseTickerProps({ symbol: 'BRK.B' })).toEqual({ ok: true, props: { symbol: 'BRK.B' } });
    expect(parseTickerProps({})).toMatchObject({ ok: false, problems: [{ attribute: undefined }] });
    expect(parseSponsoredProps({ sponsor: ' Acme ' })).toEqual({ ok: true, props: { sponsor: 'Acme' } });
    expect(parseSponsoredProps({ sponsor: '' })).toMatchObject({ ok: false, problems: [{ attribute: 'sponsor' }] });
  });

  it("names the briefing's file, line and column in a component's own error", () => {
    const error = componentError([{ attribute: 'values', message: '<BarChart> values: …' }], {
      [PLACE_ATTRIBUTE]: 'content/briefings/x.mdx:12:1',
    });
    expect(error.message).toBe('content/briefings/x.mdx:12:1: error: <BarChart> values: …');
  });
});
