import { describe, expect, it } from 'vitest';
import { findFigures, machineValue, segmentByFigures } from '../../../src/engine/text/figures.ts';

const only = (text: string) => {
  const figures = findFigures(text);
  expect(figures, `figures in "${text}"`).toHaveLength(1);
  const [figure] = figures;
  return figure;
};

describe('findFigures', () => {
  it.each([
    ['$50 billion', 'money', 50e9, 'USD'],
    ['€1.2bn', 'money', 1.2e9, 'EUR'],
    ['£3.5m', 'money', 3.5e6, 'GBP'],
    ['US$5m', 'money', 5e6, 'USD'],
    ['C$12 billion', 'money', 12e9, 'CAD'],
    ['¥1,500', 'money', 1500, 'JPY'],
    ['$241.00', 'money', 241, 'USD'],
    ['$180.2 billion', 'money', 180.2e9, 'USD'],
    ['$3,480', 'money', 3480, 'USD'],
    ['$1.3120', 'money', 1.312, 'USD'],
    ['USD 4.1 billion', 'money', 4.1e9, 'USD'],
    ['41 cents', 'money', 0.41, 'USD'],
    ['a 52-cent estimate', 'money', 0.52, 'USD'],
    ['2 billion euros', 'money', 2e9, 'EUR'],
    ['-$2 million', 'money', -2e6, 'USD'],
  ])('reads %s as money', (text, kind, value, currency) => {
    expect(only(text)).toMatchObject({ kind, value, currency });
  });

  it.each([
    ['13%', 13],
    ['2.6%', 2.6],
    ['-3.5%', -3.5],
    ['−0.4%', -0.4],
    ['7 percent', 7],
    ['4.5 per cent', 4.5],
  ])('reads %s as a percentage', (text, value) => {
    expect(only(text)).toMatchObject({ kind: 'percent', value });
  });

  it('reads basis points, percentage points, multiples and votes', () => {
    expect(only('250 basis points')).toMatchObject({ kind: 'basis-points', value: 250 });
    expect(only('rose 7bp')).toMatchObject({ kind: 'basis-points', value: 7, text: '7bp' });
    expect(only('0.3pp')).toMatchObject({ kind: 'percentage-points', value: 0.3 });
    expect(only('1.5 percentage points')).toMatchObject({ kind: 'percentage-points', value: 1.5 });
    expect(only('about 3 times EBITDA')).toMatchObject({ kind: 'multiple', value: 3, text: '3 times' });
    expect(only('in a narrow 5-4 vote')).toMatchObject({ kind: 'vote', value: '5-4', text: '5-4' });
  });

  it.each([
    ['16,000 roles', 16000, 'roles', '16,000 roles'],
    ['about 16,000 corporate roles', 16000, 'roles', '16,000 corporate roles'],
    ['4,200 jobs', 4200, 'jobs', '4,200 jobs'],
    ['40 million shares', 40e6, 'shares', '40 million shares'],
    ['close 14 warehouses', 14, 'warehouses', '14 warehouses'],
    ['about 310,000 businesses', 310000, 'businesses', '310,000 businesses'],
  ])('reads %s as a count', (input, value, unit, text) => {
    expect(only(input)).toMatchObject({ kind: 'count', value, unit, text });
  });

  it.each([
    ['Q4 2025', '2025-Q4'],
    ['fourth-quarter 2025 results', '2025-Q4'],
    ['the third quarter of 2025', '2025-Q3'],
  ])('reads %s as a quarter', (text, value) => {
    expect(only(text)).toMatchObject({ kind: 'quarter', value });
  });

  it.each([
    ['5 February 2026', '2026-02-05'],
    ['February 5, 2026', '2026-02-05'],
    ['on Feb. 5 at 2:00 PM', '--02-05'],
    ['leaves on Sept. 1 to', '--09-01'],
    ['is due March 19.', '--03-19'],
    ['since March 2020', '2020-03'],
  ])('reads %s as a date', (text, value) => {
    expect(only(text)).toMatchObject({ kind: 'date', value });
  });

  it('finds several figures in order with their offsets', () => {
    const text = 'Revenue rose 13% to $180.2 billion in Q3 2025.';
    const figures = findFigures(text);
    expect(figures.map((figure) => figure.text)).toEqual(['13%', '$180.2 billion', 'Q3 2025']);
    for (const figure of figures) expect(text.slice(figure.start, figure.end)).toBe(figure.text);
  });

  it('does not take bare years, times of day or words for figures', () => {
    expect(findFigures('Founded in 2009, it reports at 2:00 PM on the second day.')).toEqual([]);
    expect(findFigures('Seventy-one companies priced IPOs.')).toEqual([]);
  });

  it('survives text in other scripts', () => {
    expect(findFigures('売上高は13%増の1,200億円でした')).toMatchObject([{ kind: 'percent', value: 13 }]);
    expect(findFigures('Выручка выросла на 13%')).toHaveLength(1);
  });
});

describe('machine values and highlighting', () => {
  it('gives <data value> strings per kind', () => {
    const values = findFigures(
      '$50 billion, 13%, 250 basis points, 16,000 roles, Q4 2025, 5 February 2026, 0.3pp, 3x',
    ).map(machineValue);
    expect(values).toEqual(['50000000000 USD', '13%', '250bp', '16000 roles', '2025-Q4', '2026-02-05', '0.3pp', '3x']);
  });

  it('splits text into plain runs and figures without losing a character', () => {
    const text = 'Up 13% to $4.8bn.';
    const segments = segmentByFigures(text);
    expect(segments.map((segment) => [segment.text, segment.figure?.kind])).toEqual([
      ['Up ', undefined],
      ['13%', 'percent'],
      [' to ', undefined],
      ['$4.8bn', 'money'],
      ['.', undefined],
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
  });
});

describe('figures as headlines write them', () => {
  it('reads capitalised scales, a currency word as an adjective and a split written "10-for-1"', () => {
    const read = (text: string) => findFigures(text).map((figure) => [figure.kind, figure.value, figure.currency]);
    expect(read('Warns of $4.2 Billion Charge')).toEqual([['money', 4_200_000_000, 'USD']]);
    expect(read('Unveils ¥1.2 Trillion Share Buyback')).toEqual([['money', 1_200_000_000_000, 'JPY']]);
    expect(read('Makes 41 Billion Euro Bid')).toEqual([['money', 41_000_000_000, 'EUR']]);
    expect(read('a 41 billion euro bid')).toEqual(read('a bid of €41 billion'));
    // Ten new shares for one: the ratio the body writes as "1:10".
    expect(read('Board Approves 10-for-1 Stock Split')).toEqual([['ratio', '1:10', undefined]]);
    expect(read('a split at a ratio of 1:10')).toEqual([['ratio', '1:10', undefined]]);
  });
});
