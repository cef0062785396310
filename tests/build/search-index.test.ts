import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexSite, SEARCH_WORKERS, SEARCHABLE_PAGES } from '../../src/build/search-index/pagefind-index.ts';
import { PAGE_FACTS_FILE, PageFactsMemo } from '../../src/build/search-index/search-index-cache.ts';
import { routes } from '../../src/site/routes.ts';
import { siteFiles } from '../helpers/site-build.ts';

const page = (title: string, body: string, date = '2026-02-01T09:00:00.000Z') =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body data-pagefind-sort="date:${date}"><h1>${title}</h1><p>${body}</p></main></body></html>`;

/** Four briefings of 2024, 2025 and 2026: three bundles. */
const pagesOfThreeYears = {
  'briefings/a-2024': page('Aldane', 'Aldane raised its dividend.', '2024-05-02T09:00:00.000Z'),
  'briefings/b-2025': page('Borrow', 'Borrow cut its forecast.', '2025-03-02T09:00:00.000Z'),
  'briefings/c-2026': page('Castel', 'Castel bought a rival.', '2026-01-02T09:00:00.000Z'),
  'briefings/d-2026': page('Dunmore', 'Dunmore won an order.', '2026-02-02T09:00:00.000Z'),
};

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tickerpress-index-site-'));
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(dir, path), { recursive: true });
    writeFileSync(join(dir, path, 'index.html'), html);
  }
  return dir;
}

const saved = process.env['TICKERPRESS_CACHE_DIR'];
beforeEach(() => {
  process.env['TICKERPRESS_CACHE_DIR'] = mkdtempSync(join(tmpdir(), 'tickerpress-index-cache-'));
});
afterEach(() => {
  if (saved === undefined) delete process.env['TICKERPRESS_CACHE_DIR'];
  else process.env['TICKERPRESS_CACHE_DIR'] = saved;
});

describe('the search index', () => {
  it('reads the pages at the briefing route, the ones marked for indexing', () => {
    expect(SEARCHABLE_PAGES).toBe(`${routes.briefing('**').replace(/^\//, '')}index.html`);
  });

  it('indexes a site, reuses the index while no page changes, and indexes again after a change', async () => {
    const pages = {
      'briefings/amazon': page('Amazon', 'Amazon in talks to invest in OpenAI.'),
      'briefings/nvidia': page('Nvidia', 'Nvidia results beat estimates.'),
    };
    const first = site(pages);
    expect(await indexSite(first, process.cwd())).toMatch(
      /^search index: 2 pages in [\d.]+ s \(1 bundle, 1 indexed, 0 from the cache\)$/,
    );
    expect(readdirSync(join(first, 'pagefind')).sort()).toEqual(['2026', 'bundles.json']);
    const files = readdirSync(join(first, 'pagefind', '2026')).sort();
    expect(files).toEqual(expect.arrayContaining(['pagefind-entry.json', 'pagefind.js']));
    expect(JSON.parse(readFileSync(join(first, 'pagefind', 'bundles.json'), 'utf8'))).toEqual({
      bundles: [{ name: '2026', path: '/pagefind/2026/', pages: 2 }],
    });

    // Another build of the same pages: the index is copied, file for file.
    const second = site(pages);
    expect(await indexSite(second, process.cwd())).toMatch(
      /2 pages in [\d.]+ s \(1 bundle, 0 indexed, 1 from the cache\)/,
    );
    expect(readdirSync(join(second, 'pagefind', '2026')).sort()).toEqual(files);

    // One page changed: indexed again, and the previous index is not reused.
    const third = site({ ...pages, 'briefings/nvidia': page('Nvidia', 'Nvidia results miss estimates.') });
    expect(await indexSite(third, process.cwd())).toMatch(/\(1 bundle, 1 indexed, 0 from the cache\)$/);
    // Fragments are named by their content: the changed page's is new.
    const fragments = (dir: string) => readdirSync(join(dir, 'pagefind', '2026', 'fragment')).sort();
    expect(fragments(third)).not.toEqual(fragments(second));
    expect(fragments(third).filter((name) => fragments(second).includes(name))).toHaveLength(1);
  });

  it('splits the index by year and indexes again only the bundle whose briefings changed', async () => {
    const pages = pagesOfThreeYears;
    expect(await indexSite(site(pages), process.cwd())).toMatch(
      /^search index: 4 pages in [\d.]+ s \(3 bundles, 3 indexed, 0 from the cache\)$/,
    );
    const editedPages = {
      ...pages,
      'briefings/b-2025': page('Borrow', 'Borrow cut its forecast again.', '2025-03-02T09:00:00.000Z'),
    };
    const edited = site(editedPages);
    expect(await indexSite(edited, process.cwd())).toMatch(/\(3 bundles, 1 indexed, 2 from the cache\)$/);
    const manifest = JSON.parse(readFileSync(join(edited, 'pagefind', 'bundles.json'), 'utf8')) as {
      bundles: { name: string; pages: number }[];
    };
    expect(manifest.bundles.map(({ name, pages: count }) => [name, count])).toEqual([
      ['2026', 2],
      ['2025', 1],
      ['2024', 1],
    ]);
    // A deleted briefing's bundle goes with it, from the site and from the cache.
    const shrunk = site(
      Object.fromEntries(Object.entries(editedPages).filter(([path]) => path !== 'briefings/a-2024')),
    );
    expect(await indexSite(shrunk, process.cwd())).toMatch(/\(2 bundles, 0 indexed, 2 from the cache\)$/);
    expect(readdirSync(join(shrunk, 'pagefind')).sort()).toEqual(['2025', '2026', 'bundles.json']);
    const cache = join(process.env['TICKERPRESS_CACHE_DIR'] ?? '', 'pagefind');
    expect(readdirSync(cache).filter((name) => name.endsWith('.json') && name !== PAGE_FACTS_FILE)).toHaveLength(2);
  });

  it('indexes bundles side by side, each with a Pagefind of its own, into the bytes of one at a time', async () => {
    const pages = pagesOfThreeYears;
    const indexedWith = async (workers: string) => {
      process.env['TICKERPRESS_CACHE_DIR'] = mkdtempSync(join(tmpdir(), 'tickerpress-index-cache-'));
      process.env['SEARCH_WORKERS'] = workers;
      try {
        const dir = site(pages);
        expect(await indexSite(dir, process.cwd())).toMatch(/\(3 bundles, 3 indexed, 0 from the cache\)$/);
        return siteFiles(join(dir, 'pagefind'));
      } finally {
        delete process.env['SEARCH_WORKERS'];
      }
    };
    expect(SEARCH_WORKERS).toBe('SEARCH_WORKERS');
    const sideBySide = await indexedWith('3');
    expect(sideBySide).toEqual(await indexedWith('1'));
    expect([...sideBySide.keys()].filter((path) => path.endsWith('pagefind-entry.json'))).toHaveLength(3);
    await expect(indexedWith('none')).rejects.toThrow(/SEARCH_WORKERS must be a whole number/);
  });

  it('indexes again, and does not fail, when the cached entry is damaged', async () => {
    const pages = { 'briefings/amazon': page('Amazon', 'Amazon in talks to invest in OpenAI.') };
    expect(await indexSite(site(pages), process.cwd())).toMatch(/\(1 bundle, 1 indexed, 0 from the cache\)$/);
    const cache = join(process.env['TICKERPRESS_CACHE_DIR'] ?? '', 'pagefind');
    // The bundles' entries, the file of each page's facts aside.
    const entries = readdirSync(cache).filter((name) => name !== PAGE_FACTS_FILE);
    const facts = entries.find((name) => name.endsWith('.json')) ?? '';
    expect(entries).toEqual([facts.replace(/\.json$/, ''), facts].sort());

    // A build killed while writing the facts leaves a truncated file.
    writeFileSync(join(cache, facts), '{"pag');
    const afterTruncation = site(pages);
    expect(await indexSite(afterTruncation, process.cwd())).toMatch(/\(1 bundle, 1 indexed, 0 from the cache\)$/);
    expect(readdirSync(join(afterTruncation, 'pagefind', '2026'))).toContain('pagefind-entry.json');

    // The facts are there but the index folder is gone.
    rmSync(join(cache, facts.replace(/\.json$/, '')), { recursive: true });
    const afterLoss = site(pages);
    expect(await indexSite(afterLoss, process.cwd())).toMatch(/\(1 bundle, 1 indexed, 0 from the cache\)$/);
    expect(readdirSync(join(afterLoss, 'pagefind', '2026'))).toContain('pagefind-entry.json');
    // And the repaired entry is reused by the next build.
    expect(await indexSite(site(pages), process.cwd())).toMatch(/\(1 bundle, 0 indexed, 1 from the cache\)$/);
  });
});

describe('the facts of each page', () => {
  it('are read again only from a file that is not the one they were read from', () => {
    const cache = mkdtempSync(join(tmpdir(), 'tickerpress-page-facts-'));
    const first = mkdtempSync(join(tmpdir(), 'tickerpress-site-'));
    writeFileSync(join(first, 'a.html'), 'page a');
    writeFileSync(join(first, 'b.html'), 'page b');
    const readFrom: string[] = [];
    const read = (html: string) => {
      readFrom.push(html);
      return { date: undefined, digest: html };
    };
    const firstBuild = new PageFactsMemo(cache);
    for (const path of ['a.html', 'b.html']) firstBuild.factsOf(first, path, read);
    firstBuild.save();
    expect(readFrom).toEqual(['page a', 'page b']);

    // The next site: page a carried over (the same file, linked), page b written anew with other text.
    const next = mkdtempSync(join(tmpdir(), 'tickerpress-site-'));
    linkSync(join(first, 'a.html'), join(next, 'a.html'));
    writeFileSync(join(next, 'b.html'), 'page b, edited');
    const nextBuild = new PageFactsMemo(cache);
    expect(nextBuild.factsOf(next, 'a.html', read)).toEqual({ date: undefined, digest: 'page a' });
    expect(nextBuild.factsOf(next, 'b.html', read)).toEqual({ date: undefined, digest: 'page b, edited' });
    expect(readFrom).toEqual(['page a', 'page b', 'page b, edited']);
  });
});
