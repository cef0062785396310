import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../src/content/frontmatter.ts';
import { describeDistanceToHigh } from '../../src/engine/money.ts';
import {
  completeSnapshot,
  dayOf,
  deriveSnapshot,
  parseMarketCsv,
  snapshotDisagreements,
} from '../../src/engine/price-history.ts';

const HEADER = 'date,open,high,low,close,volume';

describe('market data files', () => {
  it('parse, skipping comments and blank lines', () => {
    const { rows, findings } = parseMarketCsv(
      `# sample\n${HEADER}\n\n2026-01-29,10,11,9,10.5,100\n2026-01-30,10.5,12,10,11,200\n`,
      'm.csv',
    );
    expect(findings).toEqual([]);
    expect(rows).toEqual([
      { date: '2026-01-29', open: 10, high: 11, low: 9, close: 10.5, volume: 100 },
      { date: '2026-01-30', open: 10.5, high: 12, low: 10, close: 11, volume: 200 },
    ]);
  });

  it('name the file and line of every problem', () => {
    const text = [
      'date,close',
      '2026-02-30,1,2,1,1,5',
      '2026-01-02,1,2,1,1',
      '2026-01-03,1,0.5,1,1,5',
      '2026-01-05,1,2,1,x,5',
      '2026-01-04,1,2,1,1,5',
      '2026-01-06,1,2,1,1,5',
      '2026-01-06,1,2,1,1,5',
    ].join('\n');
    expect(parseMarketCsv(text, 'content/market/X.csv').findings.map(formatFinding)).toEqual([
      'content/market/X.csv:1:1: error: expected the header "date,open,high,low,close,volume", got "date,close"',
      'content/market/X.csv:2:1: error: "2026-02-30" is not a date written YYYY-MM-DD',
      'content/market/X.csv:3:1: error: expected 6 fields (date,open,high,low,close,volume), got 5',
      'content/market/X.csv:4:1: error: on 2026-01-03 the high (0.5) and low (1) do not contain the open (1) and close (1)',
      'content/market/X.csv:5:18: error: close "x" is not a positive price',
      'content/market/X.csv:8:1: error: 2026-01-06 comes after 2026-01-06: rows must be in ascending date order, one per day',
    ]);
  });

  it('give the Amazon sample snapshot: $241.00 on 30 January 2026, 2.6% below the 52-week high', () => {
    const file = resolve(import.meta.dirname, '../../content/market/AMZN.csv');
    const { rows, findings } = parseMarketCsv(readFileSync(file, 'utf8'), 'AMZN.csv');
    expect(findings).toEqual([]);
    const derived = deriveSnapshot(rows, dayOf('2026-01-30T16:00:00-05:00'));
    expect(derived).toEqual({ close: 241, high52Week: 247.43 });
    if ('missing' in derived) return;
    expect(describeDistanceToHigh(derived, 'en-GB')).toBe('2.6% below its 52-week high');
    expect(snapshotDisagreements({ close: 241.0, high52Week: 247.43 }, derived)).toEqual([]);
    expect(snapshotDisagreements({ close: 240 }, derived)).toEqual(["close 240 differs from the data's 241"]);
  });

  it('completes a snapshot that leaves figures to the data, and says when it cannot', () => {
    const rows = parseMarketCsv(`${HEADER}\n2025-06-02,10,20,9,15,1\n2026-01-30,10,12,9,11,1\n`, 'm.csv').rows;
    expect(completeSnapshot({ symbol: 'X', asOf: '2026-01-30T16:00:00-05:00' }, rows)).toEqual({
      snapshot: { symbol: 'X', asOf: '2026-01-30T16:00:00-05:00', close: 11, high52Week: 20, currency: 'USD' },
    });
    expect(completeSnapshot({ symbol: 'X', asOf: '2026-01-31T16:00:00-05:00' }, rows)).toEqual({
      error: 'leaves out close or high52Week, and content/market/X.csv has no row for 2026-01-31',
    });
    expect(completeSnapshot({ symbol: 'Y', asOf: '2026-01-30T16:00:00Z' }, undefined)).toEqual({
      error: 'leaves out close or high52Week, and there is no content/market/Y.csv to take them from',
    });
    // A high more than 52 weeks back does not count.
    expect(
      deriveSnapshot(
        parseMarketCsv(`${HEADER}\n2024-06-02,10,99,9,15,1\n2026-01-30,10,12,9,11,1\n`, 'm').rows,
        '2026-01-30',
      ),
    ).toEqual({
      close: 11,
      high52Week: 12,
    });
  });
});
