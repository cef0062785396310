/**
 * A body-rendering worker thread: receives a briefing's source, path and frontmatter, renders its body
 * with the site's renderer (`BODY_RENDERER_MODULE`), and answers with the body and the time its key
 * developments took in this thread, for the build log.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';
import type { ContentPaths } from '../content/content-folders.ts';
import type { BriefingBody, RenderBriefingBody } from '../content/rendered-body.ts';
import { buildGlobals, noKeyDevelopmentsTiming, type KeyDevelopmentsTiming } from './build-globals.ts';
import { BODY_RENDERER_MODULE } from './project-files.ts';
import { serveJobs } from './worker-pool.ts';

/** What a body worker is started with. */
export interface BodyWorkerData {
  readonly paths: ContentPaths;
  readonly root: string;
}

export interface BodyJob {
  readonly source: string;
  readonly filePath: string;
  readonly frontmatter: Record<string, unknown>;
}

export interface BodyReply {
  readonly body: BriefingBody;
  readonly keyDevelopments: KeyDevelopmentsTiming;
}

/** The site's renderer module, as far as this thread uses it. */
interface RendererModule {
  briefingBodyRenderer(paths: ContentPaths, root: string): RenderBriefingBody;
}

const { paths, root } = workerData as BodyWorkerData;
const renderer = (await import(pathToFileURL(join(root, BODY_RENDERER_MODULE)).href)) as RendererModule;
const render = renderer.briefingBodyRenderer(paths, root);

serveJobs(async (job: BodyJob): Promise<BodyReply> => {
  const globals = buildGlobals();
  globals.keyDevelopments = noKeyDevelopmentsTiming();
  const body = await render(job.source, job.filePath, job.frontmatter);
  return { body, keyDevelopments: globals.keyDevelopments };
});
