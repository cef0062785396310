import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarketCsv } from '../../src/content/market-csv.ts';
import { describeDistanceToHigh } from '../../src/engine/money.ts';
import { completeSnapshot, dayOf, deriveSnapshot, snapshotDisagreements } from '../../src/engine/price-history.ts';

const HEADER = 'date,open,high,low,close,volume';

describe('snapshots from daily prices', () => {
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
