import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { briefingsReadIn } from '../../src/build/briefings-read.ts';
import { EarlyIndex, MOST_BUNDLES_BEGUN } from '../../src/build/search-index/early-index.ts';
import { indexSite, searchablePageOf, SEARCHABLE_PAGES } from '../../src/build/search-index/pagefind-index.ts';
import { routes } from '../../src/site/routes.ts';
import { siteFiles } from '../helpers/site-build.ts';

const page = (title: string, body: string, date: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body data-pagefind-sort="date:${date}"><h1>${title}</h1><p>${body}</p></main></body></html>`;

/** The pages of the last build: three briefings of 2026, one of 2025 and one of 2024. */
const lastPages: Record<string, string> = {
  aldane: page('Aldane', 'Aldane raised its dividend by a tenth.', '2026-01-05T09:00:00.000Z'),
  borrow: page('Borrow', 'Borrow cut its forecast for the year.', '2026-02-05T09:00:00.000Z'),
  castel: page('Castel', 'Castel bought a rival for $2 billion.', '2026-03-05T09:00:00.000Z'),
  dunmore: page('Dunmore', 'Dunmore won an order from a railway.', '2025-04-05T09:00:00.000Z'),
  eastgate: page('Eastgate', 'Eastgate named a new chief executive.', '2024-05-05T09:00:00.000Z'),
};

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tickerpress-early-site-'));
  for (const [id, html] of Object.entries(pages)) {
    mkdirSync(join(dir, 'briefings', id), { recursive: true });
    writeFileSync(join(dir, searchablePageOf(id)), html);
  }
  return dir;
}

const saved = process.env['TICKERPRESS_CACHE_DIR'];
let cache = '';
beforeEach(() => {
  cache = mkdtempSync(join(tmpdir(), 'tickerpress-early-cache-'));
  process.env['TICKERPRESS_CACHE_DIR'] = cache;
});
afterEach(() => {
  if (saved === undefined) delete process.env['TICKERPRESS_CACHE_DIR'];
  else process.env['TICKERPRESS_CACHE_DIR'] = saved;
});

/**
 * Indexes `pages` as a build after the one that published `lastPages` would, with the bundles of the
 * briefings `read` begun from that last site; and the same pages again, from the start, in a build
 * with empty caches. Resolves with the first build's log line and the three search indexes.
 */
async function indexAfterEdit(pages: Record<string, string>, read: readonly string[]) {
  const last = site(lastPages);
  // The last build, which leaves its pages' facts in the cache, as `npm run build` does.
  await indexSite(last, process.cwd());
  const early = new EarlyIndex(last, join(cache, 'pagefind'));
  early.begin(read);
  const next = site(pages);
  const line = await indexSite(next, process.cwd(), { begun: early });
  const fromTheStart = site(pages);
  process.env['TICKERPRESS_CACHE_DIR'] = mkdtempSync(join(tmpdir(), 'tickerpress-early-cache-'));
  await indexSite(fromTheStart, process.cwd());
  return {
    line,
    index: siteFiles(join(next, 'pagefind')),
    reference: siteFiles(join(fromTheStart, 'pagefind')),
    lastIndex: siteFiles(join(last, 'pagefind')),
  };
}

describe('a search bundle begun while the pages render', () => {
  it('is finished with the edited page into the very bytes an index begun afterwards writes', async () => {
    const edited = {
      ...lastPages,
      borrow: page('Borrow', 'Borrow cut its forecast again.', '2026-02-05T09:00:00.000Z'),
    };
    const { line, index, reference, lastIndex } = await indexAfterEdit(edited, ['borrow']);
    expect(line).toMatch(/\(3 bundles, 1 indexed, 2 from the cache\) \(1 of them begun while the pages rendered\)$/);
    expect(index).toEqual(reference);
    // The edit is in it: the bundle is not the one the last build wrote.
    const bundleOf2026 = (files: Map<string, string>) => [...files].filter(([path]) => path.startsWith('2026/'));
    expect(bundleOf2026(index).length).toBeGreaterThan(3);
    expect(bundleOf2026(index)).not.toEqual(bundleOf2026(lastIndex));
  });

  it('is left for a bundle indexed from the start when its pages are no longer the same ones', async () => {
    // A briefing added to 2026: the bundle begun from the last site lacks it.
    const added = {
      ...lastPages,
      bellmore: page('Bellmore', 'Bellmore listed its shares.', '2026-02-06T09:00:00.000Z'),
    };
    const { line, index, reference } = await indexAfterEdit(added, ['bellmore', 'borrow']);
    expect(line).toMatch(/\(3 bundles, 1 indexed, 2 from the cache\)$/);
    expect(index).toEqual(reference);
  });

  it(`is not begun when the briefings read are spread over more than ${MOST_BUNDLES_BEGUN} bundles`, async () => {
    const edited = Object.fromEntries(
      Object.entries(lastPages).map(([id, html]) => [id, html.replace('</p>', ' Updated.</p>')]),
    );
    const { line, index, reference } = await indexAfterEdit(edited, Object.keys(lastPages));
    expect(line).toMatch(/\(3 bundles, 3 indexed, 0 from the cache\)$/);
    expect(index).toEqual(reference);
  });

  it('costs nothing but time when its guess was wrong: a bundle found unchanged is taken from the cache', async () => {
    const { line, index, reference } = await indexAfterEdit(lastPages, ['castel']);
    expect(line).toMatch(/\(3 bundles, 0 indexed, 3 from the cache\)$/);
    expect(index).toEqual(reference);
  });

  it("is begun from the page at the briefing's route", () => {
    expect(searchablePageOf('a-b')).toBe(`${routes.briefing('a-b').replace(/^\//, '')}index.html`);
    expect(SEARCHABLE_PAGES).toBe(searchablePageOf('**'));
  });
});

describe("the message of Astro's process", () => {
  it('names the briefings read, and nothing else is taken for it', () => {
    expect(briefingsReadIn({ type: 'tickerpress:briefings-read', ids: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(briefingsReadIn({ type: 'tickerpress:briefings-read', ids: [1] })).toBeUndefined();
    expect(briefingsReadIn({ type: 'other', ids: ['a'] })).toBeUndefined();
    expect(briefingsReadIn('tickerpress:briefings-read')).toBeUndefined();
    expect(briefingsReadIn(null)).toBeUndefined();
  });
});
