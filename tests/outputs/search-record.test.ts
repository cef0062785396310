import { describe, expect, it } from 'vitest';
import { searchRecord } from '../../src/outputs/search/search-record.ts';
import {
  describeResults,
  hasCriteria,
  pagefindFilters,
  readSearchState,
  writeSearchState,
} from '../../src/client/search-state.ts';

describe('search record', () => {
  it('gives filters for ticker, tag, source and year (in the site zone), meta and a sortable date', () => {
    const record = searchRecord(
      {
        publishedAt: '2027-01-01T00:30:00+01:00',
        dek: 'A dek.',
        tickers: ['AMZN', 'BRK.B'],
        tags: ['ai'],
        sources: [{ name: 'Reuters' }, { name: 'Reuters' }, { name: 'CNBC' }],
        image: '/og/briefings/x.png',
      },
      { locale: 'en-GB', timeZone: 'Europe/Berlin' },
    );
    expect(record.filters).toEqual({
      ticker: ['AMZN', 'BRK.B'],
      tag: ['ai'],
      source: ['Reuters', 'CNBC'],
      year: ['2027'],
    });
    expect(record.meta).toEqual({
      date: '1 January 2027',
      tickers: 'AMZN, BRK.B',
      dek: 'A dek.',
      image: '/og/briefings/x.png',
    });
    expect(record.sort).toEqual({ date: '2026-12-31T23:30:00.000Z' });
  });
});

describe('search state in the URL', () => {
  it('reads and writes the query, filters and sort', () => {
    const state = readSearchState('?q=%20OpenAI%20&ticker=AMZN&ticker=MSFT&tag=ai&sort=newest&unknown=1');
    expect(state).toEqual({
      query: 'OpenAI',
      sort: 'newest',
      filters: { ticker: ['AMZN', 'MSFT'], tag: ['ai'], source: [], year: [] },
    });
    expect(writeSearchState(state)).toBe('?q=OpenAI&ticker=AMZN&ticker=MSFT&tag=ai&sort=newest');
    expect(readSearchState(writeSearchState(state))).toEqual(state);
  });

  it('treats an empty URL as no search, and relevance as the default sort', () => {
    const state = readSearchState('');
    expect(hasCriteria(state)).toBe(false);
    expect(state.sort).toBe('relevance');
    expect(writeSearchState(state)).toBe('');
    expect(hasCriteria(readSearchState('?tag=ai'))).toBe(true);
  });

  it('passes only the filters that have values to Pagefind', () => {
    expect(pagefindFilters(readSearchState('?ticker=AMZN&year=2026'))).toEqual({
      ticker: { any: ['AMZN'] },
      year: { any: ['2026'] },
    });
  });

  it('describes results for the live status line', () => {
    expect(describeResults(0, readSearchState('?q=Quorvix'))).toBe('No briefings found for “Quorvix”.');
    expect(describeResults(1, readSearchState('?q=OpenAI&ticker=AMZN'))).toBe('1 briefing for “OpenAI” in AMZN.');
    expect(describeResults(3, readSearchState('?tag=ai'))).toBe('3 briefings in ai.');
  });
});
