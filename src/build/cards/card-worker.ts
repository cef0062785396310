/**
 * A card-rendering worker thread: receives `{ spec, file }` and writes the PNG to `file` (through a
 * temporary name, so a half-written card is never read).
 */
import { isMainThread } from 'node:worker_threads';
import sharp from 'sharp';
import type { CardSpec } from '../../outputs/card/card-spec.ts';
import { writeFileAtomically } from '../build-cache.ts';
import { serveJobs } from '../worker-pool.ts';
import { renderCardPng } from '../../outputs/card/render-card.ts';

export interface CardJob {
  readonly spec: CardSpec;
  readonly file: string;
}

export async function renderToFile(spec: CardSpec, file: string): Promise<void> {
  writeFileAtomically(file, await renderCardPng(spec));
}

if (!isMainThread) {
  // One worker is one core: libvips must not start threads of its own on top. No image is reused, so
  // its cache would only hold memory.
  sharp.concurrency(1);
  sharp.cache(false);
}

serveJobs((job: CardJob) => renderToFile(job.spec, job.file));
