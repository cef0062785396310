/**
 * Builds the Pagefind search index of a built site into `<site>/pagefind/`: one bundle per publication
 * period (`search-bundles.ts`), each in `pagefind/<period>/`, listed newest first in
 * `pagefind/bundles.json` for the search page, which merges them. A bundle whose pages are unchanged is
 * linked in from the build cache; only the others are indexed, so an edit re-indexes one period, not the
 * archive, and reads only the pages it changed (`PageFactsMemo`); `npm run build` begins that period's
 * bundle while the pages render (`early-index.ts`). Every Pagefind response is checked for errors and the
 * indexer is always closed. Only elements marked `data-pagefind-body` (a briefing's headline, dek, key
 * developments and body) are indexed.
 */
import { globSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { cacheDir, writeFileAtomically } from '../build-cache.ts';
import { WORKER_ENTRIES } from '../project-files.ts';
import { WorkerPool, workerCount } from '../worker-pool.ts';
import { bundleKey, pageFactsOf, PageFactsMemo, SearchIndexCache, type PageFacts } from './search-index-cache.ts';
import {
  BUNDLE_MANIFEST,
  DEFAULT_BUNDLE_PAGES,
  planSearchBundles,
  type BundleManifest,
  type SearchBundle,
} from './search-bundles.ts';

/**
 * No forced language: each page is indexed under its `<html lang>` (the site's locale, or a briefing's
 * own `lang`), so its words are stemmed as its language stems them. Pagefind's search page searches the
 * pages of its own language. The same options for every bundle, so their scores compare.
 */
export const INDEX_OPTIONS = {} as const;

/**
 * The pages that carry `data-pagefind-body`: briefings, at `routes.briefing(id)` (build plumbing does not
 * import the site's routes; a test holds the two together). Pagefind leaves pages without it out of an
 * index that has any, so reading only these builds the same index in a third less reading time at 1,000
 * briefings; a build test holds the page count to the number of built pages marked for indexing.
 */
export const SEARCHABLE_PAGES = 'briefings/**/index.html';

/** The page of the briefing `id`, among `SEARCHABLE_PAGES`. */
export function searchablePageOf(id: string): string {
  return `briefings/${id}/index.html`;
}

/** The environment variable that sets how many bundles are indexed at once (one per core by default). */
export const SEARCH_WORKERS = 'SEARCH_WORKERS';

/** Files Pagefind writes for its own search interfaces, which the search page does not load. */
const UNUSED_FILES = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

export interface IndexOptions {
  /** Bundles of at most this many pages where the dates allow (`planSearchBundles`); 0 for one bundle. */
  readonly maxBundlePages?: number;
  /** Bundles begun while the site was built, to finish rather than index from the start. */
  readonly begun?: BegunBundles;
}

/** `response`, unless Pagefind reports errors: then an error naming the `step` and listing them. */
export function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) throw new Error(`Pagefind failed to ${step}:\n${response.errors.join('\n')}`);
  return response;
}

/** A bundle's index begun before the site was built, from the pages the last build published. */
export interface BegunBundle {
  readonly index: pagefind.PagefindIndex;
  /** Each page added, with the digest of its indexed part as it was added (`PageFacts`). */
  readonly digests: ReadonlyMap<string, string>;
}

/** Bundles begun before the site was built (`EarlyIndex`). */
export interface BegunBundles {
  /**
   * The index begun for `bundle`, once every page is added to it, if it holds the same pages in the same
   * order; undefined otherwise (the bundle is then indexed from the start).
   */
  take(bundle: SearchBundle): Promise<BegunBundle | undefined>;
  /** Stops and deletes every begun index not taken. */
  discard(): Promise<void>;
}

/** The pages of the site in `siteDir` that Pagefind reads, sorted by path, each with its facts. */
export function searchablePages(siteDir: string, memo: PageFactsMemo): Map<string, PageFacts> {
  const paths = globSync(SEARCHABLE_PAGES, { cwd: siteDir }).sort();
  return new Map(paths.map((path) => [path, memo.factsOf(siteDir, path, pageFactsOf)]));
}

/** The bundles of `pages` (`searchablePages`). */
export function bundlesOf(pages: ReadonlyMap<string, PageFacts>, options: IndexOptions): SearchBundle[] {
  return planSearchBundles(
    [...pages].map(([path, { date }]) => ({ path, date })),
    options.maxBundlePages ?? DEFAULT_BUNDLE_PAGES,
  );
}

/** Indexes `siteDir`; resolves with the line for the build log. */
export async function indexSite(siteDir: string, projectRoot: string, options: IndexOptions = {}): Promise<string> {
  const started = performance.now();
  const outputDir = join(siteDir, 'pagefind');
  rmSync(outputDir, { recursive: true, force: true });
  const searchCacheDir = cacheDir(projectRoot, 'pagefind');
  const cache = new SearchIndexCache(searchCacheDir);
  const memo = new PageFactsMemo(searchCacheDir);
  const facts = searchablePages(siteDir, memo);
  const bundles = bundlesOf(facts, options);
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
  const keep = (bundle: SearchBundle) => {
    try {
      cache.store(keys.get(bundle) ?? '', join(outputDir, bundle.name), { pages: bundle.pages.length });
    } catch {
      // The bundle in the site is complete; only the next build's shortcut is lost.
      kept = false;
    }
  };
  const begun = new Map<SearchBundle, BegunBundle>();
  let pool: WorkerPool<BundleJob, void> | undefined;
  try {
    for (const bundle of stale) {
      const taken = await options.begun?.take(bundle);
      if (taken) begun.set(bundle, taken);
    }
    const fromTheStart = stale.filter((bundle) => !begun.has(bundle));
    // Bundles are independent of each other: two or more are indexed side by side, each by a Pagefind
    // of its own in a worker thread, while the bundles begun are finished here.
    const threads = Math.min(fromTheStart.length, workerCount(SEARCH_WORKERS));
    if (threads >= 2) {
      pool = new WorkerPool(join(projectRoot, WORKER_ENTRIES.search), threads, undefined, (job) => job.target);
    }
    const jobOf = (bundle: SearchBundle): BundleJob => ({
      siteDir,
      pages: bundle.pages,
      target: join(outputDir, bundle.name),
    });
    const indexFromTheStart = async () => {
      if (pool) {
        const workers = pool;
        await Promise.all(fromTheStart.map((bundle) => workers.run(jobOf(bundle)).then(() => keep(bundle))));
        return;
      }
      // One at a time here: each index holds its bundle's words until it is written.
      for (const bundle of fromTheStart) {
        await indexBundle(jobOf(bundle));
        keep(bundle);
      }
    };
    const finishBegun = async () => {
      for (const [bundle, index] of begun) {
        await finishBundle(siteDir, bundle, join(outputDir, bundle.name), facts, index);
        keep(bundle);
      }
    };
    await Promise.all([indexFromTheStart(), finishBegun()]);
  } finally {
    await pool?.close();
    await options.begun?.discard();
    await pagefind.close();
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
  const early = begun.size > 0 ? ` (${begun.size} of them begun while the pages rendered)` : '';
  return `search index: ${facts.size} pages in ${seconds} s (${counts})${early}${kept ? '' : ' (not all kept in the build cache)'}`;
}

/** A page path Pagefind's glob matches literally: letters, digits, `_`, `-`, `.` and `/`. */
const LITERAL_GLOB = /^[\w./-]+$/;

/**
 * Adds the page at `siteDir/path`. Pagefind reads the file itself where the path is a literal glob: the
 * same index, byte for byte, as sending it the HTML, in about a quarter less time (measured on 1,977
 * briefing pages: 3.5 s against 4.8 s). One page per call keeps the order of the pages, which numbers
 * them in the index: a whole folder would be read in the order the file system lists it, which differs
 * from one machine to another.
 */
export async function addPage(index: pagefind.PagefindIndex, siteDir: string, path: string): Promise<void> {
  if (!LITERAL_GLOB.test(path)) return sendPage(index, siteDir, path);
  const { page_count: pages } = check(`index ${path}`, await index.addDirectory({ path: siteDir, glob: path }));
  if (pages !== 1) throw new Error(`Pagefind failed to index ${path}: it found ${pages} pages there`);
}

/**
 * Sends Pagefind the HTML of the page at `siteDir/path`. Unlike a page it reads from a folder, a page
 * sent replaces, in its place, the page it already holds at the same URL.
 */
async function sendPage(index: pagefind.PagefindIndex, siteDir: string, path: string): Promise<void> {
  check(
    `index ${path}`,
    await index.addHTMLFile({ sourcePath: path, content: readFileSync(join(siteDir, path), 'utf8') }),
  );
}

/** One bundle to index from the start: its pages in the site in `siteDir`, and the folder to write it to. */
export interface BundleJob {
  readonly siteDir: string;
  readonly pages: readonly string[];
  readonly target: string;
}

/** Indexes a bundle from the start (in a worker thread, `bundle-worker.ts`, when several are). */
export async function indexBundle({ siteDir, pages, target }: BundleJob): Promise<void> {
  const index = newIndex(check('create an index', await pagefind.createIndex(INDEX_OPTIONS)));
  try {
    for (const path of pages) await addPage(index, siteDir, path);
    await writeBundle(index, target);
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Finishes the index `begun` for `bundle`: only the pages whose indexed part changed since it was begun
 * are sent again, each replacing its earlier self in its place, so that the bundle is byte for byte the
 * one an index begun now would write.
 */
async function finishBundle(
  siteDir: string,
  bundle: SearchBundle,
  target: string,
  facts: ReadonlyMap<string, PageFacts>,
  begun: BegunBundle,
): Promise<void> {
  try {
    for (const path of bundle.pages) {
      if (begun.digests.get(path) !== facts.get(path)?.digest) await sendPage(begun.index, siteDir, path);
    }
    await writeBundle(begun.index, target);
  } finally {
    await begun.index.deleteIndex();
  }
}

async function writeBundle(index: pagefind.PagefindIndex, target: string): Promise<void> {
  check('write the index', await index.writeFiles({ outputPath: target }));
  // Pagefind's ready-made interfaces, unused here (the search page is on its JS API): about 390 KB a bundle.
  for (const name of readdirSync(target)) if (UNUSED_FILES.test(name)) rmSync(join(target, name));
}

/** The index Pagefind created. */
export function newIndex({ index }: { index?: pagefind.PagefindIndex }): pagefind.PagefindIndex {
  if (!index) throw new Error('Pagefind returned no index');
  return index;
}
