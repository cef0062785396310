import { describe, expect, it } from 'vitest';
import {
  buildClock,
  publicationStatus,
  publicationWindow,
  withinPublicationWindow,
  groupByListField,
  groupByMonth,
  isPublic,
  newestFirst,
  paginate,
  relatedFinder,
  compareNewestFirst,
  type ListedBriefing,
} from '../../src/engine/listing.ts';

function briefing(
  id: string,
  publishedAt: string,
  tickers: string[] = [],
  tags: string[] = [],
  draft = false,
): ListedBriefing {
  return { id, data: { publishedAt, tickers, tags, draft } };
}

const ids = (items: readonly ListedBriefing[]) => items.map((item) => item.id);

describe('ordering and visibility', () => {
  it('sorts newest first by instant, not by the text of the date', () => {
    const items = [
      briefing('a', '2026-02-01T10:00:00+01:00'),
      briefing('b', '2026-02-01T08:30:00-05:00'), // 14:30 CET: newer than a
      briefing('c', '2025-12-31T23:00:00Z'),
    ];
    expect(ids(newestFirst(items))).toEqual(['b', 'a', 'c']);
  });

  it('breaks ties by id so the order never depends on file order', () => {
    const time = '2026-02-01T10:00:00+01:00';
    expect(ids(newestFirst([briefing('z', time), briefing('a', time)]))).toEqual(['a', 'z']);
  });

  it('keeps drafts and scheduled briefings out unless the preview asks for them', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const draft = briefing('d', '2026-02-01T10:00:00+01:00', [], [], true);
    const scheduled = briefing('s', '2026-03-01T01:30:00+01:00');
    const published = briefing('p', '2026-03-01T00:30:00+01:00');
    expect([draft, scheduled, published].map((item) => publicationStatus(item, now))).toEqual([
      'draft',
      'scheduled',
      'published',
    ]);
    expect(isPublic(draft, { preview: false, now })).toBe(false);
    expect(isPublic(scheduled, { preview: false, now })).toBe(false);
    expect(isPublic(published, { preview: false, now })).toBe(true);
    expect(isPublic(draft, { preview: true, now })).toBe(true);
    expect(isPublic(scheduled, { preview: true, now })).toBe(true);
  });

  it('bounds the time over which the same briefings are public: latest publication to next scheduled one', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const window = publicationWindow(
      [
        briefing('old', '2026-02-01T10:00:00+01:00'),
        briefing('latest', '2026-02-28T23:30:00Z'),
        briefing('draft-between', '2026-03-01T00:10:00Z', [], [], true),
        briefing('next', '2026-03-01T02:00:00Z'),
        briefing('later', '2026-04-01T00:00:00Z'),
      ],
      now,
    );
    expect(window).toEqual({ from: Date.parse('2026-02-28T23:30:00Z'), until: Date.parse('2026-03-01T02:00:00Z') });
    const at = (iso: string) => withinPublicationWindow(window, new Date(iso));
    expect([at('2026-02-28T23:30:00Z'), at('2026-03-01T01:59:59Z')]).toEqual([true, true]);
    // At its publication time the next briefing is public, and before the latest it was not yet.
    expect([at('2026-03-01T02:00:00Z'), at('2026-02-28T23:29:59Z')]).toEqual([false, false]);
    expect(withinPublicationWindow(publicationWindow([], now), new Date(0))).toBe(true);
  });

  it('takes the build clock from BUILD_TIME, which must carry an offset', () => {
    expect(buildClock('2026-03-01T09:00:00+01:00').toISOString()).toBe('2026-03-01T08:00:00.000Z');
    const fixed = new Date('2030-01-01T00:00:00Z');
    expect(buildClock(undefined, () => fixed)).toBe(fixed);
    expect(buildClock('', () => fixed)).toBe(fixed);
    expect(() => buildClock('2026-03-01T09:00:00')).toThrow('BUILD_TIME "2026-03-01T09:00:00" has no UTC offset');
  });
});

describe('paginate', () => {
  it('splits into pages that know their number and the page count', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    expect(pages.map((page) => page.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.map((page) => [page.number, page.pageCount])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('gives an empty list one empty page', () => {
    expect(paginate([], 10)).toEqual([{ number: 1, items: [], pageCount: 1 }]);
  });

  it('rejects a page size that is not a positive integer', () => {
    expect(() => paginate([1], 0)).toThrow(/positive integer/);
  });
});

describe('groupByMonth', () => {
  it('uses the calendar month in the site zone, newest month first', () => {
    const items = [
      briefing('late-feb-in-new-york', '2026-02-28T19:30:00-05:00'), // 1 March 01:30 in Berlin
      briefing('feb', '2026-02-10T10:00:00+01:00'),
      briefing('dec', '2025-12-09T13:30:00+01:00'),
    ];
    const groups = groupByMonth(items, 'Europe/Berlin');
    expect(groups.map((group) => [group.year, group.month, ids(group.items)])).toEqual([
      [2026, 3, ['late-feb-in-new-york']],
      [2026, 2, ['feb']],
      [2025, 12, ['dec']],
    ]);
    expect(groupByMonth(items, 'America/New_York')[0]?.month).toBe(2);
  });
});

describe('groupByListField', () => {
  it('lists every ticker with its briefings, newest first, keys sorted', () => {
    const items = [
      briefing('old', '2026-01-01T10:00:00Z', ['MSFT', 'AMZN']),
      briefing('new', '2026-02-01T10:00:00Z', ['AMZN']),
    ];
    expect(groupByListField(items, 'tickers').map((group) => [group.key, ids(group.items)])).toEqual([
      ['AMZN', ['new', 'old']],
      ['MSFT', ['old']],
    ]);
  });
});

describe('relatedFinder', () => {
  const target = briefing('target', '2026-02-01T10:00:00Z', ['AMZN'], ['ai', 'job-cuts']);
  const candidates = [
    target,
    briefing('same-ticker', '2026-01-01T10:00:00Z', ['AMZN']),
    briefing('two-tags', '2026-01-20T10:00:00Z', [], ['ai', 'job-cuts']),
    briefing('one-tag-newer', '2026-01-25T10:00:00Z', [], ['ai']),
    briefing('one-tag-older', '2026-01-05T10:00:00Z', [], ['ai']),
    briefing('unrelated', '2026-01-30T10:00:00Z', ['MSFT'], ['cloud']),
  ];

  it('ranks shared tickers above shared tags, then newest first, never itself or unrelated ones', () => {
    expect(ids(relatedFinder(candidates)(target, 10))).toEqual([
      'same-ticker',
      'two-tags',
      'one-tag-newer',
      'one-tag-older',
    ]);
  });

  it('finds the same for a target that is not among the candidates', () => {
    const others = candidates.filter((candidate) => candidate !== target);
    expect(ids(relatedFinder(others)(target, 10))).toEqual(ids(relatedFinder(candidates)(target, 10)));
  });

  it('returns at most the requested count', () => {
    expect(ids(relatedFinder(candidates)(target, 2))).toEqual(['same-ticker', 'two-tags']);
  });

  it('finds, through its index, what comparing every pair finds (ties included)', () => {
    // A reference: score every candidate, sort by score, then newest first.
    const byPairs = (of: ListedBriefing, among: readonly ListedBriefing[], count: number) =>
      among
        .filter((other) => other.id !== of.id)
        .map((other) => ({
          other,
          score:
            3 * other.data.tickers.filter((symbol) => of.data.tickers.includes(symbol)).length +
            other.data.tags.filter((tag) => of.data.tags.includes(tag)).length,
        }))
        .filter(({ score }) => score > 0)
        .sort((a, b) => b.score - a.score || compareNewestFirst(a.other, b.other))
        .slice(0, count)
        .map(({ other }) => other.id);
    let seed = 7;
    const next = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    const pick = (pool: readonly string[], most: number) => [
      ...new Set(Array.from({ length: next(most + 1) }, () => pool[next(pool.length)] ?? '')),
    ];
    const many = Array.from({ length: 300 }, (_, index) =>
      briefing(
        `b${index}`,
        // Many share a timestamp, so ties between equal scores are decided by the date order too.
        `2026-0${1 + next(3)}-1${next(3)}T10:00:00Z`,
        pick(['AMZN', 'MSFT', 'NVDA', 'AAPL', 'TSLA'], 2),
        pick(['ai', 'cloud', 'deals', 'earnings', 'rates', 'jobs'], 3),
      ),
    );
    const related = relatedFinder(many);
    for (const one of many) {
      for (const count of [1, 3, 10]) expect(ids(related(one, count))).toEqual(byPairs(one, many, count));
    }
  });
});
