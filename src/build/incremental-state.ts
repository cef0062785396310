/**
 * Guards Astro's incremental-build state against a build killed while rendering. Astro writes each
 * rendered page into its cache as it goes, and the manifest that says which key each copy belongs to only
 * at the end: a build stopped in between leaves copies the old manifest would vouch for (a page re-rendered
 * for new content, or half-written). So a marker is set when rendering starts and removed when the build
 * is done; a build that finds it left behind discards the manifest and renders every page once.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from './build-cache.ts';

/** Astro's manifest of the last build's pages and keys (`astro/dist/core/build/incremental.js`). */
const MANIFEST = 'incremental-build.json';
const MARKER = 'rendering-in-progress';

export function markRenderingStarted(projectRoot: string): void {
  writeFileSync(join(cacheDir(projectRoot, 'astro'), MARKER), '');
}

export function markRenderingFinished(projectRoot: string): void {
  rmSync(join(cacheDir(projectRoot, 'astro'), MARKER), { force: true });
}

/** Discards the incremental state a killed build may have left inconsistent; says whether it did. */
export function discardInterruptedState(projectRoot: string): boolean {
  const dir = cacheDir(projectRoot, 'astro');
  if (!existsSync(join(dir, MARKER))) return false;
  rmSync(join(dir, MANIFEST), { force: true });
  rmSync(join(dir, MARKER), { force: true });
  return true;
}
