import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../src/content/finding.ts';
import { parseMarketCsv } from '../../src/content/market-csv.ts';

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
});
