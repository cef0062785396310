/** A throwaway copy of the project's code (no node_modules, no content), for tests that edit source files. */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './site-build.ts';

const CODE = ['src', 'scripts', 'tools', 'astro.config.mjs', 'package.json', 'package-lock.json'];

export function copyProjectCode(): string {
  const copy = mkdtempSync(join(tmpdir(), 'tickerpress-code-'));
  for (const path of CODE) cpSync(join(PROJECT_ROOT, path), join(copy, path), { recursive: true });
  return copy;
}
