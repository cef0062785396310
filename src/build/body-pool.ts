/**
 * Renders bodies on worker threads (`body-worker.ts`) when many load at once: a cold build renders every
 * briefing's body, and one thread would leave the other cores idle. A few bodies (an edit, the dev server
 * reloading a file) are rendered in this thread, as starting workers costs more than they would save.
 * Threads are started at the `BODY_POOL_THRESHOLD`th body one load renders, and stopped by `release()` once
 * loading is done, so they hold no memory while pages render.
 */
import { join } from 'node:path';
import type { ContentPaths } from '../content/content-folders.ts';
import type { RenderBriefingBody } from '../content/rendered-body.ts';
import { addKeyDevelopmentsTiming } from './build-globals.ts';
import type { BodyJob, BodyReply, BodyWorkerData } from './body-worker.ts';
import { WORKER_ENTRIES } from './project-files.ts';
import { WorkerPool, workerCount } from './worker-pool.ts';

/**
 * Bodies one load renders before threads start. A worker takes about as long to start (it loads the
 * pipeline and wink-nlp's model) as this thread takes to render 100 bodies, and two workers save half a
 * body's time on each: below about 200 bodies, threads cost more than they save. (Rendering in this
 * thread, one body is done before the next is asked for, so bodies are counted as asked for, not as
 * under way at once.)
 */
export const BODY_POOL_THRESHOLD = 200;

export interface PooledBodyRenderer {
  readonly render: RenderBriefingBody;
  /** A load begins: threads may start while it lasts. */
  beginLoad(): void;
  /** The load is over: stops the worker threads, if any were started, and starts none until the next load. */
  release(): Promise<void>;
  /** Worker threads running now (0 while bodies are rendered in this thread). */
  readonly threads: number;
}

/**
 * `render` on `BODY_WORKERS` threads (one per core by default) when enough bodies wait; `render` itself
 * renders in this thread, and must be the renderer the workers build (`briefingBodyRenderer`).
 */
export function pooledBodyRenderer(root: string, paths: ContentPaths, render: RenderBriefingBody): PooledBodyRenderer {
  const workers = workerCount('BODY_WORKERS');
  let pool: WorkerPool<BodyJob, BodyReply> | undefined;
  let requested = 0;
  // The dev server re-renders a saved file outside any load: such a body never starts threads.
  let loading = false;
  return {
    render: async (source, filePath, frontmatter) => {
      requested += 1;
      if (!pool && loading && requested >= BODY_POOL_THRESHOLD && workers > 1) {
        const data: BodyWorkerData = { paths, root };
        pool = new WorkerPool(join(root, WORKER_ENTRIES.bodies), workers, data, (job) => job.filePath);
      }
      if (!pool) return render(source, filePath, frontmatter);
      const reply = await pool.run({ source, filePath, frontmatter });
      addKeyDevelopmentsTiming(reply.keyDevelopments);
      return reply.body;
    },
    get threads() {
      return pool?.size ?? 0;
    },
    beginLoad: () => {
      loading = true;
      requested = 0;
    },
    release: async () => {
      loading = false;
      const running = pool;
      pool = undefined;
      requested = 0;
      await running?.close();
    },
  };
}
