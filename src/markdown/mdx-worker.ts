/**
 * A worker thread compiling MDX with the same pipeline as the main thread (see `mdx-compiler.ts`).
 * Answers each job with the compiled module and the time key developments took in it.
 */
import { workerData } from 'node:worker_threads';
import { unified } from '@astrojs/markdown-remark';
import { buildGlobals, noKeyDevelopmentsTiming } from '../build/build-globals.ts';
import { serveJobs } from '../build/worker-pool.ts';
import type { CompileJob, CompileResult, CompilerSetup } from './mdx-compiler.ts';
import { markdownPipeline } from './pipeline.ts';

const setup = workerData as CompilerSetup;
const processor = unified(markdownPipeline);
const renderer = processor.createMdxRenderer?.(setup.shared, {
  ...setup.mdx,
  srcDir: setup.mdx.srcDir === undefined ? undefined : new URL(setup.mdx.srcDir),
});

serveJobs(async (job: CompileJob): Promise<CompileResult> => {
  if (!renderer) throw new Error('The Markdown processor cannot compile MDX.');
  const before = {
    ...(buildGlobals().keyDevelopments ?? noKeyDevelopmentsTiming()),
  };
  const output = await (await renderer).process(job.content, job.filePath, job.frontmatter);
  const after = buildGlobals().keyDevelopments ?? before;
  return {
    output,
    keyDevelopments: {
      briefings: after.briefings - before.briefings,
      milliseconds: after.milliseconds - before.milliseconds,
      cpuMilliseconds: after.cpuMilliseconds - before.cpuMilliseconds,
    },
  };
});
