/**
 * Logs what rendering the briefings cost in the build: how many bodies were rendered as they loaded or
 * came from the cache (`src/build/body-cache.ts`), and how long choosing key developments took (the
 * remark plugin keeps the count). The pages line says how many pages and files were rendered and how
 * many were carried over unchanged from the last build (`src/build/carried-pages.ts`); what `npm run
 * build` keeps with the site (`BuildFacts`: every page's key, and which pages to carry) is written at the
 * same time. Prunes the rendered bodies
 * this build did not use from the build cache.
 */
import type { AstroIntegration } from 'astro';
import { pruneCache, writeFileAtomically } from '../build-cache.ts';
import { BUILD_FACTS_FILE, type BuildFacts } from '../site-snapshot.ts';
import { buildGlobals } from '../build-globals.ts';

export default function compileReport(): AstroIntegration {
  return {
    name: 'tickerpress-compile-report',
    hooks: {
      'astro:build:generated': async ({ logger }) => {
        const globals = buildGlobals();
        const { bodies } = globals;
        if (bodies) {
          const pruned = pruneCache(bodies.cacheDir, bodies.used);
          const stale = pruned > 0 ? ` (${pruned} stale entries removed)` : '';
          logger.info(`bodies: ${bodies.rendered} rendered, ${bodies.cached} from the cache${stale}`);
          globals.bodies = undefined;
        }
        const timing = globals.keyDevelopments;
        if (timing && timing.briefings > 0) {
          const each = (milliseconds: number) => (milliseconds / timing.briefings).toFixed(2);
          logger.info(
            `key developments: ${timing.briefings} briefings in ${(timing.milliseconds / 1000).toFixed(1)} s (${each(timing.milliseconds)} ms each; ${each(timing.cpuMilliseconds)} ms of CPU time each)`,
          );
        }
        globals.keyDevelopments = undefined;
      },
      'astro:build:done': ({ assets, logger }) => {
        const globals = buildGlobals();
        const written = [...assets.values()].reduce((sum, files) => sum + files.length, 0);
        const carried = globals.carriedPages ?? [];
        const rendered = Math.min(globals.pagesRendered ?? 0, written);
        logger.info(`pages: ${rendered} rendered, ${carried.length} reused`);
        const factsFile = process.env[BUILD_FACTS_FILE];
        if (factsFile && globals.publicationWindow) {
          const facts: BuildFacts = {
            publicationWindow: globals.publicationWindow,
            pages: written + carried.length,
            pageKeys: Object.fromEntries(globals.pageKeys ?? []),
            carried,
          };
          writeFileAtomically(factsFile, JSON.stringify(facts));
        }
        globals.pagesRendered = undefined;
        globals.pageKeys = undefined;
        globals.carriedPages = undefined;
      },
    },
  };
}
