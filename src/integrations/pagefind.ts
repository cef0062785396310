/**
 * Builds the Pagefind search index over the finished site (`dist/pagefind/`), checking every response
 * for errors and always closing the indexer. Only elements marked `data-pagefind-body` (a briefing's
 * headline, dek, key developments and body) are indexed. When no page changed since the last build, the
 * index comes from the build cache instead.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { cacheDir } from '../lib/build-cache.ts';
import { SearchIndexCache } from '../lib/search-index-cache.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) throw new Error(`Pagefind failed to ${step}:\n${response.errors.join('\n')}`);
  return response;
}

const INDEX_OPTIONS = { forceLanguage: 'en' } as const;

export default function pagefindIndex(): AstroIntegration {
  let config: AstroConfig;
  return {
    name: 'tickerpress-pagefind',
    hooks: {
      'astro:config:done': ({ config: resolved }) => {
        config = resolved;
      },
      // The dev server has no index of its own: it serves the one from the last build (`npm run dev:search`
      // builds first), and the search page says how to get one when there is none.
      'astro:server:setup': ({ server, logger }) => {
        const indexDir = join(server.config.root, 'dist', 'pagefind');
        if (!existsSync(indexDir))
          logger.info('no search index yet: run "npm run dev:search" to build one and start the dev server');
        server.middlewares.use('/pagefind', (request, response, next) => {
          const file = normalize(join(indexDir, decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/')));
          if (!file.startsWith(indexDir) || !existsSync(file) || !statSync(file).isFile()) return next();
          response.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
          createReadStream(file).pipe(response);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
        const cache = new SearchIndexCache(cacheDir(fileURLToPath(config.root), 'pagefind'), outDir, INDEX_OPTIONS);
        const reused = cache.restore(join(outDir, 'pagefind'));
        if (reused) {
          logger.info(`search index: ${reused.pages} pages in ${seconds()} s (unchanged pages: index from the cache)`);
          return;
        }
        try {
          const { index } = check('create an index', await pagefind.createIndex(INDEX_OPTIONS));
          if (!index) throw new Error('Pagefind returned no index');
          const { page_count: pages } = check('index the site', await index.addDirectory({ path: outDir }));
          check('write the index', await index.writeFiles({ outputPath: join(outDir, 'pagefind') }));
          cache.store(join(outDir, 'pagefind'), { pages });
          logger.info(`search index: ${pages} pages in ${seconds()} s`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
