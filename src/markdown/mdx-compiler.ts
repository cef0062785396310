/**
 * Compiling MDX is most of what a build spends on content, and Astro repeats it for every file on every
 * build, on one thread. This wraps the pipeline's processor so that each compiled file is kept in the
 * build cache (`mdx/`, keyed by the file's text, its path and the pipeline's code and options), and so
 * that when a build asks for many files at once they are compiled in worker threads, one per core.
 * The output is the same either way: the workers run the same `markdownPipeline`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import { cacheDir, hashCacheSources, writeFileAtomically } from '../build/build-cache.ts';
import { addKeyDevelopmentsTiming, buildGlobals, type KeyDevelopmentsTiming } from '../build/build-globals.ts';
import { CACHE_SOURCES, WORKER_ENTRIES } from '../build/project-files.ts';
import { POOL_THRESHOLD, WorkerPool, workerCount } from '../build/worker-pool.ts';
import { displayPath } from '../content/finding.ts';
import { readSourceText } from '../content/source-text.ts';
import { ContentGuardError } from './plugins/remark-content-guard.ts';
import { markdownPipeline } from './pipeline.ts';

type Processor = ReturnType<typeof unified>;
type CreateMdxRenderer = NonNullable<Processor['createMdxRenderer']>;
type SharedOptions = Parameters<CreateMdxRenderer>[0];
type MdxOptions = Parameters<CreateMdxRenderer>[1];
type MdxRenderer = Awaited<ReturnType<CreateMdxRenderer>>;
type MdxOutput = Awaited<ReturnType<MdxRenderer['process']>>;

/** What a worker needs to build the same renderer: the options Astro passed, with URLs as strings. */
export interface CompilerSetup {
  readonly shared: SharedOptions;
  readonly mdx: Omit<MdxOptions, 'srcDir'> & { readonly srcDir?: string | undefined };
}

export interface CompileJob {
  readonly content: string;
  readonly filePath: string;
  readonly frontmatter: Record<string, unknown>;
}

export interface CompileResult {
  readonly output: MdxOutput;
  /** Key developments chosen while compiling, for the build log of the main thread. */
  readonly keyDevelopments: KeyDevelopmentsTiming;
}

/** Counts for the build log, shared with `src/build/integrations/compile-report.ts`. */
export interface MdxCompileRuntime {
  compiled: number;
  cached: number;
  /** The cache folder and the entries this build used: the rest are pruned when a build ends. */
  cacheDir: string;
  used: Set<string>;
  /** Worker threads that compiled in this build; 0 when every file was compiled in the main thread. */
  workers: number;
  pool?: WorkerPool<CompileJob, CompileResult> | undefined;
}

/** Stops the worker threads (they hold memory the rest of the build needs); a later compile starts new ones. */
export async function stopMdxWorkers(): Promise<void> {
  const runtime = buildGlobals().mdx;
  const pool = runtime?.pool;
  if (!runtime || !pool) return;
  runtime.pool = undefined;
  await pool.close();
}

function startPool(projectRoot: string, setup: CompilerSetup): MdxCompileRuntime['pool'] {
  const workers = workerCount('MDX_WORKERS');
  if (workers < 2) return undefined;
  try {
    return new WorkerPool<CompileJob, CompileResult>(
      join(projectRoot, WORKER_ENTRIES.mdx),
      workers,
      setup,
      (job) => job.filePath,
    );
  } catch {
    // Options a worker cannot receive (a function in a Shiki config, say): compile here instead.
    return undefined;
  }
}

/**
 * The site's Markdown processor: `markdownPipeline` through Astro's unified processor, with compiled MDX
 * cached and compiled in worker threads. It builds the processor itself, so the main thread and the
 * workers (`mdx-worker.ts`) cannot run different pipelines.
 */
export function cachedParallelMdx(projectRoot: string): Processor {
  const processor = unified(markdownPipeline);
  // Hashed now, as the pipeline's code is loaded: an edit made later is not what this process runs.
  const sourcesKey = hashCacheSources(createHash('sha256'), projectRoot, CACHE_SOURCES.mdx).digest('hex');
  const createInner = processor.createMdxRenderer?.bind(processor);
  if (!createInner) throw new Error(`The Markdown processor "${processor.name}" cannot compile MDX.`);
  return {
    ...processor,
    async createMdxRenderer(shared, mdx) {
      const inner = await createInner(shared, mdx);
      const setup: CompilerSetup = { shared, mdx: { ...mdx, srcDir: mdx.srcDir?.href } };
      // The options as they would be in any checkout: the source folder within the project, not on disk.
      const srcDir = mdx.srcDir ? relative(projectRoot, fileURLToPath(mdx.srcDir)) : undefined;
      const optionsKey = JSON.stringify({ ...setup, mdx: { ...setup.mdx, srcDir } });
      const pipelineKey = createHash('sha256').update(sourcesKey).update(optionsKey).digest('hex');
      const cache = cacheDir(projectRoot, 'mdx');
      const runtime = (buildGlobals().mdx ??= {
        compiled: 0,
        cached: 0,
        workers: 0,
        cacheDir: cache,
        used: new Set(),
      });
      let waiting = 0;
      let poolTried = false;

      const compile = async (job: CompileJob): Promise<MdxOutput> => {
        waiting += 1;
        try {
          if (!poolTried && waiting >= POOL_THRESHOLD) {
            poolTried = true;
            runtime.pool ??= startPool(projectRoot, setup);
            runtime.workers = Math.max(runtime.workers, runtime.pool?.size ?? 0);
          }
          if (!runtime.pool) return await inner.process(job.content, job.filePath, job.frontmatter);
          const { output, keyDevelopments } = await runtime.pool.run(job);
          addKeyDevelopmentsTiming(keyDevelopments);
          return output;
        } finally {
          waiting -= 1;
        }
      };

      return {
        async process(given, filePath, frontmatter) {
          // Astro hands over the file's text with its byte-order mark and `\r\n` line endings, which would
          // reach the page (a `\r` in every soft-wrapped paragraph): normalised here, before the cache key,
          // as the check and the loader normalise (`src/content/source-text.ts`), so such a file compiles
          // to, and is cached as, the same module as the file saved with `\n` and no mark.
          // Characters that are not text are refused here too, for a build run without the check: the
          // bundler would otherwise fail on them far from the file.
          const { text: content, problem } = readSourceText(given);
          if (problem) {
            throw new ContentGuardError([{ file: displayPath(projectRoot, filePath), severity: 'error', ...problem }]);
          }
          // The file's path within the project, never where the project lies: a moved or renamed
          // checkout (a CI runner's) keeps its compiled briefings.
          const key = createHash('sha256')
            .update(pipelineKey)
            .update(relative(projectRoot, filePath))
            .update('\0')
            .update(JSON.stringify(frontmatter))
            .update('\0')
            .update(content)
            .digest('hex');
          const file = join(cache, `${key}.json`);
          runtime.used.add(`${key}.json`);
          let cached: MdxOutput | undefined;
          try {
            cached = JSON.parse(readFileSync(file, 'utf8')) as MdxOutput;
          } catch {
            // Not compiled yet with this pipeline.
          }
          if (cached) {
            runtime.cached += 1;
            return cached;
          }
          const output = await compile({ content, filePath, frontmatter });
          runtime.compiled += 1;
          writeFileAtomically(file, JSON.stringify(output));
          return output;
        },
      };
    },
  };
}
