/**
 * Social cards in the build: tells the card renderer where the project lives, and when the build is
 * done, logs how many cards were rendered and how many came from the cache, and stops the worker pool.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pruneCache } from '../build-cache.ts';
import { buildGlobals } from '../build-globals.ts';

export default function ogCards(): AstroIntegration {
  return {
    name: 'tickerpress-og-cards',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        updateConfig({ vite: { define: { __PROJECT_ROOT__: JSON.stringify(fileURLToPath(config.root)) } } });
      },
      'astro:build:done': async ({ logger }) => {
        const globals = buildGlobals();
        const runtime = globals.cards;
        if (!runtime) return;
        const { rendered, cached } = runtime.store.stats;
        const { started = 0, finished = 0 } = runtime.rendering ?? {};
        const seconds = ((finished - started) / 1000).toFixed(1);
        // Every card of the site was asked for: the cache keeps these and nothing older.
        const pruned = pruneCache(runtime.store.directory, runtime.store.usedEntries());
        const stale = pruned > 0 ? `; ${pruned} stale cards removed from the cache` : '';
        logger.info(
          `${rendered + cached} cards: ${rendered} rendered, ${cached} from the cache (${seconds} s)${stale}`,
        );
        await runtime.pool?.close();
        globals.cards = undefined;
      },
    },
  };
}
