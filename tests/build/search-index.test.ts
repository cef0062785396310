import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexSite, SEARCHABLE_PAGES } from '../../src/build/search-index/pagefind-index.ts';
import { routes } from '../../src/site/routes.ts';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;

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
    expect(await indexSite(first, process.cwd())).toMatch(/^search index: 2 pages in [\d.]+ s$/);
    const files = readdirSync(join(first, 'pagefind')).sort();
    expect(files).toEqual(expect.arrayContaining(['pagefind-entry.json', 'pagefind.js']));

    // Another build of the same pages: the index is copied, file for file.
    const second = site(pages);
    expect(await indexSite(second, process.cwd())).toMatch(
      /2 pages in [\d.]+ s \(unchanged pages: index from the cache\)/,
    );
    expect(readdirSync(join(second, 'pagefind')).sort()).toEqual(files);

    // One page changed: indexed again, and the previous index is not reused.
    const third = site({ ...pages, 'briefings/nvidia': page('Nvidia', 'Nvidia results miss estimates.') });
    expect(await indexSite(third, process.cwd())).toMatch(/^search index: 2 pages in [\d.]+ s$/);
    // Fragments are named by their content: the changed page's is new.
    const fragments = (dir: string) => readdirSync(join(dir, 'pagefind', 'fragment')).sort();
    expect(fragments(third)).not.toEqual(fragments(second));
    expect(fragments(third).filter((name) => fragments(second).includes(name))).toHaveLength(1);
  });

  it('indexes again, and does not fail, when the cached entry is damaged', async () => {
    const pages = { 'briefings/amazon': page('Amazon', 'Amazon in talks to invest in OpenAI.') };
    expect(await indexSite(site(pages), process.cwd())).toMatch(/^search index: 1 pages in [\d.]+ s$/);
    const cache = join(process.env['TICKERPRESS_CACHE_DIR'] ?? '', 'pagefind');
    const entries = readdirSync(cache);
    const facts = entries.find((name) => name.endsWith('.json')) ?? '';
    expect(entries).toEqual([facts.replace(/\.json$/, ''), facts].sort());

    // A build killed while writing the facts leaves a truncated file.
    writeFileSync(join(cache, facts), '{"pag');
    const afterTruncation = site(pages);
    expect(await indexSite(afterTruncation, process.cwd())).toMatch(/^search index: 1 pages in [\d.]+ s$/);
    expect(readdirSync(join(afterTruncation, 'pagefind'))).toContain('pagefind-entry.json');

    // The facts are there but the index folder is gone.
    rmSync(join(cache, facts.replace(/\.json$/, '')), { recursive: true });
    const afterLoss = site(pages);
    expect(await indexSite(afterLoss, process.cwd())).toMatch(/^search index: 1 pages in [\d.]+ s$/);
    expect(readdirSync(join(afterLoss, 'pagefind'))).toContain('pagefind-entry.json');
    // And the repaired entry is reused by the next build.
    expect(await indexSite(site(pages), process.cwd())).toMatch(/index from the cache/);
  });
});
