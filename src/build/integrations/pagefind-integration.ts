/**
 * Search in the build: indexes the finished site with Pagefind (`src/build/search-index/pagefind-index.ts`) when Astro's
 * build is done, and serves the last build's index in the dev server. `npm run build` indexes after
 * Astro's process has ended instead, so that Pagefind's memory and Astro's never add up (at 10,000
 * briefings Pagefind alone holds about 2.7 GB).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { indexSite } from '../search-index/pagefind-index.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** Set by `npm run build` (scripts/build.ts), which indexes the site itself once Astro's process has ended. */
export const INDEX_AFTER_ASTRO = 'TICKERPRESS_INDEX_AFTER_ASTRO';

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
        if (process.env[INDEX_AFTER_ASTRO]) return;
        logger.info(await indexSite(fileURLToPath(dir), fileURLToPath(config.root)));
      },
    },
  };
}
