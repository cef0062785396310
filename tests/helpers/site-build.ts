/** Builds a site from a throwaway content folder with the project's real build command. */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export interface BuildResult {
  readonly ok: boolean;
  readonly exitCode: number;
  readonly output: string;
}

/** A fresh content folder (`<dir>/briefings/`) holding copies of the given fixture files. */
export function makeContentDir(fixtureFiles: readonly string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'tickerpress-content-'));
  mkdirSync(join(dir, 'briefings'));
  for (const name of fixtureFiles) {
    cpSync(join(PROJECT_ROOT, 'tests/fixtures/content/briefings', name), join(dir, 'briefings', name));
  }
  return dir;
}

export function writeBriefing(contentDir: string, name: string, source: string): void {
  writeFileSync(join(contentDir, 'briefings', name), source);
}

export async function buildSite(contentDir: string, outDir: string, cardCacheDir?: string): Promise<BuildResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/build.ts', '--outDir', outDir], {
      cwd: PROJECT_ROOT,
      // A stray NODE_ENV must not change what a production build publishes (drafts stay out).
      env: {
        ...process.env,
        CONTENT_DIR: contentDir,
        ASTRO_TELEMETRY_DISABLED: '1',
        NODE_ENV: 'development',
        OG_CACHE_DIR: cardCacheDir ?? join(contentDir, '.og-cache'),
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { ok: true, exitCode: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { ok: false, exitCode: failure.code ?? 1, output: (failure.stdout ?? '') + (failure.stderr ?? '') };
  }
}

export function readOutput(outDir: string, path: string): string {
  return readFileSync(join(outDir, path), 'utf8');
}
