/**
 * Logs what rendering the briefings cost in the build: how many bodies were rendered as they loaded or
 * came from the cache (`src/build/body-cache.ts`), and how long choosing key developments took (the
 * remark plugin keeps the count). The pages line says how many pages and files were rendered and how
 * many the incremental build reused unchanged from the last build (`src/site/page-keys.ts`); what `npm
 * run build` keeps with the site (`BuildFacts`) is written at the same time. Prunes the rendered bodies
 * this build did not use from the build cache.
 */
import type { AstroIntegration } from 'astro';
import { pruneCache, writeFileAtomically } from '../build-cache.ts';
import { BUILD_FACTS_FILE, type BuildFacts } from '../site-snapshot.ts';
import { fileURLToPath } from 'node:url';
import { buildGlobals } from '../build-globals.ts';
import { markRenderingFinished } from '../incremental-state.ts';

export default function compileReport(): AstroIntegration {
  let projectRoot = '';
  return {
    name: 'tickerpress-compile-report',
    hooks: {
      'astro:config:setup': ({ config }) => {
        projectRoot = fileURLToPath(config.root);
      },
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
        markRenderingFinished(projectRoot);
        const globals = buildGlobals();
        const total = [...assets.values()].reduce((sum, files) => sum + files.length, 0);
        const rendered = Math.min(globals.pagesRendered ?? 0, total);
        logger.info(`pages: ${rendered} rendered, ${total - rendered} reused`);
        globals.pagesRendered = undefined;
        const factsFile = process.env[BUILD_FACTS_FILE];
        if (factsFile && globals.publicationWindow) {
          const facts: BuildFacts = { publicationWindow: globals.publicationWindow, pages: total };
          writeFileAtomically(factsFile, JSON.stringify(facts));
        }
      },
    },
  };
}
