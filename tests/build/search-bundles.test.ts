import { describe, expect, it } from 'vitest';
import {
  indexedPart,
  planSearchBundles,
  sortDateOf,
  UNDATED_BUNDLE,
} from '../../src/build/search-index/search-bundles.ts';

const pages = (dates: readonly string[]) => dates.map((date, index) => ({ path: `p${index}`, date }));

describe('search bundles by publication period', () => {
  it('gives a bundle per year, newest first, while every year fits', () => {
    const bundles = planSearchBundles(pages(['2024-03-01', '2026-01-05', '2025-07-09', '2026-11-30']), 10);
    expect(bundles.map((bundle) => [bundle.name, bundle.pages.length])).toEqual([
      ['2026', 2],
      ['2025', 1],
      ['2024', 1],
    ]);
  });

  it('splits a year that does not fit into halves, quarters or months, the coarsest that fits', () => {
    const year = (months: readonly number[]) => months.map((month) => `2026-${String(month).padStart(2, '0')}-10`);
    expect(planSearchBundles(pages(year([1, 2, 7, 8])), 2).map((bundle) => bundle.name)).toEqual([
      '2026-h2',
      '2026-h1',
    ]);
    expect(planSearchBundles(pages(year([1, 2, 4, 5])), 2).map((bundle) => bundle.name)).toEqual([
      '2026-q2',
      '2026-q1',
    ]);
    expect(planSearchBundles(pages(year([1, 1, 2, 3])), 2).map((bundle) => bundle.name)).toEqual([
      '2026-03',
      '2026-02',
      '2026-01',
    ]);
    // Every page is in exactly one bundle.
    const all = planSearchBundles(pages(year([1, 1, 2, 3, 5, 9, 12, 12])), 3).flatMap((bundle) => bundle.pages);
    expect(all.sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
  });

  it('keeps pages without a date in a bundle of their own, last', () => {
    const bundles = planSearchBundles([{ path: 'a', date: undefined }, ...pages(['2026-01-01'])]);
    expect(bundles.map((bundle) => bundle.name)).toEqual(['2026', UNDATED_BUNDLE]);
  });

  it('reads the date a briefing page is sorted by', () => {
    expect(sortDateOf('<main data-pagefind-sort="date:2026-02-01T09:00:00.000Z">')).toBe('2026-02-01T09:00:00.000Z');
    expect(sortDateOf('<main>')).toBeUndefined();
  });
});

describe('what a bundle key hashes of a page', () => {
  const page = (body: string, related: string) =>
    `<!doctype html><html lang="en"><body><nav>Home</nav><article class="briefing" data-pagefind-body><h1>T</h1><article><p>${body}</p></article><p data-pagefind-meta="date:1 May">x</p></article><section class="related"><article>${related}</article></section></body></html>`;

  it('is the marked element, the language and the Pagefind attributes, not what lies around them', () => {
    expect(indexedPart(page('Body', 'Related one'))).toBe(indexedPart(page('Body', 'Related two')));
    expect(indexedPart(page('Body', 'Related one'))).not.toBe(indexedPart(page('Body edited', 'Related one')));
    expect(indexedPart(page('Body', 'x'))).toContain('<p>Body</p></article><p data-pagefind-meta');
    expect(indexedPart(page('Body', 'x')).startsWith('en\0data-pagefind-meta="date:1 May"')).toBe(true);
    expect(indexedPart('<html><body>No marked element</body></html>')).toBe(
      '<html><body>No marked element</body></html>',
    );
  });
});
