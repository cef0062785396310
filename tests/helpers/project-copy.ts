/** A throwaway copy of the project (its code, content and public files, sharing node_modules), for tests that edit source files. */
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './site-build.ts';

const CODE = ['src', 'scripts', 'tools', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];
const SITE = ['content', 'public'];

/** Copies the code, and with `site` also the content and public files and a link to node_modules, so the copy builds. */
export function copyProject(options: { site?: boolean } = {}): string {
  const copy = mkdtempSync(join(tmpdir(), 'tickerpress-project-'));
  for (const path of [...CODE, ...(options.site ? SITE : [])]) {
    cpSync(join(PROJECT_ROOT, path), join(copy, path), { recursive: true });
  }
  if (options.site) symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}
