/**
 * A card-rendering worker thread: receives `{ id, spec, file }`, writes the PNG to `file` (through a
 * temporary name, so a half-written card is never read) and answers `{ id, error? }`.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { isMainThread, parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import type { CardSpec } from './card-spec.ts';
import { renderCardPng } from './render.ts';

export interface CardJob {
  readonly id: number;
  readonly spec: CardSpec;
  readonly file: string;
}

export interface CardJobResult {
  readonly id: number;
  readonly error?: string;
}

export async function renderToFile(spec: CardSpec, file: string): Promise<void> {
  const png = await renderCardPng(spec);
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, png);
  renameSync(temporary, file);
}

if (!isMainThread) {
  // One worker is one core: libvips must not start threads of its own on top. No image is reused, so
  // its cache would only hold memory.
  sharp.concurrency(1);
  sharp.cache(false);
}

parentPort?.on('message', (job: CardJob) => {
  renderToFile(job.spec, job.file).then(
    () => parentPort?.postMessage({ id: job.id } satisfies CardJobResult),
    (error: unknown) =>
      parentPort?.postMessage({
        id: job.id,
        error: error instanceof Error ? error.stack : String(error),
      } satisfies CardJobResult),
  );
});
