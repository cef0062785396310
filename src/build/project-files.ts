/**
 * Project files that build plumbing names by path, relative to the project root: the entry module of
 * each worker thread, and what each build cache's key hashes. One list, checked by a test against the
 * tree, so a moved file can never leave a worker or a cache key pointing at nothing.
 */

/**
 * The module whose `briefingBodyRenderer(paths, root)` renders a briefing's body: `src/content.config.ts`
 * hands it to the loader, and the body workers (`body-worker.ts`), which build plumbing starts, load it by
 * this path, as build plumbing does not import the site's code.
 */
export const BODY_RENDERER_MODULE = 'src/site/briefing-body.ts';

/** Entry modules of the worker threads. */
export const WORKER_ENTRIES = {
  /** Renders social cards (`src/build/cards/card-runtime.ts` starts it). */
  cards: 'src/build/cards/card-worker.ts',
  /** Renders briefing bodies as content loads (`src/build/body-pool.ts` starts it). */
  bodies: 'src/build/body-worker.ts',
  /** Indexes search bundles, each with a Pagefind of its own (`src/build/search-index/pagefind-index.ts` starts it). */
  search: 'src/build/search-index/bundle-worker.ts',
} as const;

export interface CacheSources {
  /** Entry modules: they and every project module they import are hashed (`module-graph.ts`). */
  readonly code: readonly string[];
  /** Other files the cached output depends on, hashed whole. */
  readonly files: readonly string[];
}

/** What the key of each build cache hashes besides the cached item's own input. */
export const CACHE_SOURCES = {
  /** Rendered bodies: the renderer, the pipeline it runs and the components it draws. */
  bodies: {
    code: ['src/markdown/body-html.ts', 'src/site/body-components.ts', BODY_RENDERER_MODULE],
    files: ['package-lock.json'],
  },
  /** Social cards: the renderer (template, fonts, fitting); what a card says is in its spec. */
  cards: { code: ['src/outputs/card/render-card.ts'], files: ['package-lock.json'] },
  /** Content-check findings: the checker, every rule it runs, and the URL scheme its links are read by. */
  check: { code: ['src/build/content-check-run.ts', 'src/site/routes.ts'], files: ['package-lock.json'] },
} as const satisfies Record<string, CacheSources>;

/**
 * Project files a whole build's output depends on, besides the content (`site-snapshot.ts`): all code
 * and configuration, the public files, and the build script that assembles the site.
 */
export const SITE_SOURCES = [
  'src',
  'public',
  'scripts/build.ts',
  'astro.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
] as const;
