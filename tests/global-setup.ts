/**
 * Builds the sample site once for every test file that checks the real site (search, accessibility,
 * HTML validity, links, headers), and hands its folder to them as `sampleSite`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, PROJECT_ROOT } from './helpers/site-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleSite: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const outDir = join(mkdtempSync(join(tmpdir(), 'tickerpress-sample-')), 'dist');
  const result = await buildSite(join(PROJECT_ROOT, 'content'), outDir, join(outDir, '..', 'cache'));
  if (!result.ok) throw new Error(`The sample site did not build:\n${result.output}`);
  project.provide('sampleSite', outDir);
}
