/**
 * Builds the Pagefind search index of a built site into `<site>/pagefind/`: one bundle per publication
 * period (`search-bundles.ts`), each in `pagefind/<period>/`, listed newest first in
 * `pagefind/bundles.json` for the search page, which merges them. A bundle whose pages are unchanged is
 * linked in from the build cache; only the others are indexed, so an edit re-indexes one period, not the
 * archive, and reads only the pages it changed (`PageFactsMemo`). Every Pagefind response is checked for errors and the indexer is always closed. Only elements
 * marked `data-pagefind-body` (a briefing's headline, dek, key developments and body) are indexed.
 */
import { createHash } from 'node:crypto';
import { globSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { cacheDir, writeFileAtomically } from '../build-cache.ts';
import { bundleKey, PageFactsMemo, SearchIndexCache } from './search-index-cache.ts';
import {
  BUNDLE_MANIFEST,
  DEFAULT_BUNDLE_PAGES,
  indexedPart,
  planSearchBundles,
  sortDateOf,
  type BundleManifest,
  type SearchBundle,
} from './search-bundles.ts';

/**
 * No forced language: each page is indexed under its `<html lang>` (the site's locale, or a briefing's
 * own `lang`), so its words are stemmed as its language stems them. Pagefind's search page searches the
 * pages of its own language. The same options for every bundle, so their scores compare.
 */
const INDEX_OPTIONS = {} as const;

/**
 * The pages that carry `data-pagefind-body`: briefings, at `routes.briefing(id)` (build plumbing does not
 * import the site's routes; a test holds the two together). Pagefind leaves pages without it out of an
 * index that has any, so reading only these builds the same index in a third less reading time at 1,000
 * briefings; a build test holds the page count to the number of built pages marked for indexing.
 */
export const SEARCHABLE_PAGES = 'briefings/**/index.html';

/** Files Pagefind writes for its own search interfaces, which the search page does not load. */
const UNUSED_FILES = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

export interface IndexOptions {
  /** Bundles of at most this many pages where the dates allow (`planSearchBundles`); 0 for one bundle. */
  readonly maxBundlePages?: number;
}

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) throw new Error(`Pagefind failed to ${step}:\n${response.errors.join('\n')}`);
  return response;
}

/** Indexes `siteDir`; resolves with the line for the build log. */
export async function indexSite(siteDir: string, projectRoot: string, options: IndexOptions = {}): Promise<string> {
  const started = performance.now();
  const outputDir = join(siteDir, 'pagefind');
  rmSync(outputDir, { recursive: true, force: true });
  const paths = globSync(SEARCHABLE_PAGES, { cwd: siteDir }).sort();
  const searchCacheDir = cacheDir(projectRoot, 'pagefind');
  const cache = new SearchIndexCache(searchCacheDir);
  const memo = new PageFactsMemo(searchCacheDir);
  const facts = new Map(
    paths.map((path) => [
      path,
      memo.factsOf(siteDir, path, (html) => ({
        date: sortDateOf(html),
        digest: createHash('sha256').update(indexedPart(html)).digest('base64url'),
      })),
    ]),
  );
  const bundles = planSearchBundles(
    paths.map((path) => ({ path, date: facts.get(path)?.date })),
    options.maxBundlePages ?? DEFAULT_BUNDLE_PAGES,
  );
  const keys = new Map(
    bundles.map((bundle) => [
      bundle,
      bundleKey(
        bundle.name,
        // What is written depends on the options and on which files are dropped.
        { options: INDEX_OPTIONS, dropped: UNUSED_FILES.source },
        bundle.pages.map((path) => ({ path, digest: facts.get(path)?.digest ?? '' })),
      ),
    ]),
  );
  const stale = bundles.filter((bundle) => !cache.restore(keys.get(bundle) ?? '', join(outputDir, bundle.name)));
  let kept = true;
  if (stale.length > 0) {
    try {
      for (const bundle of stale) {
        const target = join(outputDir, bundle.name);
        await indexBundle(siteDir, bundle, target);
        try {
          cache.store(keys.get(bundle) ?? '', target, { pages: bundle.pages.length });
        } catch {
          // The bundle in the site is complete; only the next build's shortcut is lost.
          kept = false;
        }
      }
    } finally {
      await pagefind.close();
    }
  }
  cache.keepOnly(new Set(keys.values()));
  memo.save();
  const manifest: BundleManifest = {
    bundles: bundles.map(({ name, pages }) => ({ name, path: `/pagefind/${name}/`, pages: pages.length })),
  };
  mkdirSync(outputDir, { recursive: true });
  writeFileAtomically(join(outputDir, BUNDLE_MANIFEST), `${JSON.stringify(manifest)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const counts = `${bundles.length} ${bundles.length === 1 ? 'bundle' : 'bundles'}, ${stale.length} indexed, ${bundles.length - stale.length} from the cache`;
  return `search index: ${paths.length} pages in ${seconds} s (${counts})${kept ? '' : ' (not all kept in the build cache)'}`;
}

/** Indexes one bundle's pages into `target`. */
async function indexBundle(siteDir: string, bundle: SearchBundle, target: string): Promise<void> {
  const { index } = check('create an index', await pagefind.createIndex(INDEX_OPTIONS));
  if (!index) throw new Error('Pagefind returned no index');
  try {
    for (const path of bundle.pages) {
      check(
        `index ${path}`,
        await index.addHTMLFile({ sourcePath: path, content: readFileSync(join(siteDir, path), 'utf8') }),
      );
    }
    check('write the index', await index.writeFiles({ outputPath: target }));
    // Pagefind's ready-made interfaces, unused here (the search page is on its JS API): about 390 KB a bundle.
    for (const name of readdirSync(target)) if (UNUSED_FILES.test(name)) rmSync(join(target, name));
  } finally {
    await index.deleteIndex();
  }
}
