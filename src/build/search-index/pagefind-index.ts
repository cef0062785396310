/**
 * Builds the Pagefind search index of a built site into `<site>/pagefind/`, checking every response for
 * errors and always closing the indexer; copies the last index from the build cache instead when no
 * page changed. Only elements marked `data-pagefind-body` (a briefing's headline, dek, key developments
 * and body) are indexed.
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { cacheDir } from '../build-cache.ts';
import { SearchIndexCache } from './search-index-cache.ts';

/**
 * No forced language: each page is indexed under its `<html lang>` (the site's locale, or a briefing's
 * own `lang`), so its words are stemmed as its language stems them. Pagefind's search page searches the
 * pages of its own language.
 */
const INDEX_OPTIONS = {} as const;

/**
 * The pages that carry `data-pagefind-body`: briefings, at `routes.briefing(id)` (build plumbing does not
 * import the site's routes; a test holds the two together). Pagefind leaves pages without it out of an
 * index that has any, so reading only these builds the same index in a third less reading time at 1,000
 * briefings; a build test holds the page count to the number of built pages marked for indexing.
 */
export const SEARCHABLE_PAGES = 'briefings/**/index.html';

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) throw new Error(`Pagefind failed to ${step}:\n${response.errors.join('\n')}`);
  return response;
}

/** Indexes `siteDir`; resolves with the line for the build log. */
export async function indexSite(siteDir: string, projectRoot: string): Promise<string> {
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const cache = new SearchIndexCache(cacheDir(projectRoot, 'pagefind'), siteDir, INDEX_OPTIONS, SEARCHABLE_PAGES);
  const reused = cache.restore(join(siteDir, 'pagefind'));
  if (reused) return `search index: ${reused.pages} pages in ${seconds()} s (unchanged pages: index from the cache)`;
  try {
    const { index } = check('create an index', await pagefind.createIndex(INDEX_OPTIONS));
    if (!index) throw new Error('Pagefind returned no index');
    const { page_count: pages } = check(
      'index the site',
      await index.addDirectory({ path: siteDir, glob: SEARCHABLE_PAGES }),
    );
    check('write the index', await index.writeFiles({ outputPath: join(siteDir, 'pagefind') }));
    const line = `search index: ${pages} pages in ${seconds()} s`;
    try {
      cache.store(join(siteDir, 'pagefind'), { pages });
    } catch (error) {
      // The index in the site is complete; only the next build's shortcut is lost.
      return `${line} (not kept in the build cache: ${error instanceof Error ? error.message : String(error)})`;
    }
    return line;
  } finally {
    await pagefind.close();
  }
}
