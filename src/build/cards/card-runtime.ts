/**
 * The build's card renderer: one card store per build (shared by the card routes and the integration
 * that reports on it), rendering in worker threads once enough cards wait, in-process in the dev server.
 */
import { join } from 'node:path';
import type { CardSpec } from '../../outputs/card/card-spec.ts';
import { cacheDir } from '../build-cache.ts';
import { buildGlobals, buildProjectRoot } from '../build-globals.ts';
import { WORKER_ENTRIES } from '../project-files.ts';
import { POOL_THRESHOLD, workerCount } from '../worker-pool.ts';
import { rendererFingerprint } from './card-fingerprint.ts';
import { CardPool } from './card-pool.ts';
import { CardStore } from './card-store.ts';
import { renderToFile } from './card-worker.ts';

/** Shared with the integration that logs the counts and closes the pool at the end of the build. */
export interface CardRuntime {
  store: CardStore;
  pool?: CardPool;
  /** From the first card rendered to the last one finished: what rendering cost the build's wall clock. */
  rendering?: { started: number; finished: number };
}

export interface CardRuntimeOptions {
  /** The dev server renders each card when asked for, in-process: no pool. */
  readonly inProcess: boolean;
}

export function getCardRuntime(options: CardRuntimeOptions): CardRuntime {
  const globals = buildGlobals();
  if (globals.cards) return globals.cards;
  const root = buildProjectRoot();
  const workers = workerCount('OG_WORKERS');
  let rendersStarted = 0;
  const runtime: CardRuntime = {
    store: new CardStore({
      cacheDir: cacheDir(root, 'og'),
      fingerprint: rendererFingerprint(root),
      render: async (spec, file) => {
        rendersStarted += 1;
        if (!options.inProcess && !runtime.pool && rendersStarted >= POOL_THRESHOLD && workers > 1) {
          runtime.pool = new CardPool(join(root, WORKER_ENTRIES.cards), workers);
        }
        runtime.rendering ??= { started: performance.now(), finished: 0 };
        await (runtime.pool ? runtime.pool.render(spec, file) : renderToFile(spec, file));
        runtime.rendering.finished = performance.now();
      },
    }),
  };
  globals.cards = runtime;
  return runtime;
}

/** Starts rendering every card of `specs` not in the cache yet, without waiting. */
export function prefetchCards(specs: readonly CardSpec[], options: CardRuntimeOptions): void {
  getCardRuntime(options).store.prefetch(specs);
}
