/** Builds a site from a throwaway content folder with the project's real build command. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { filesUnder } from '../../src/build/build-cache.ts';

const run = promisify(execFile);
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export interface BuildResult {
  readonly ok: boolean;
  readonly exitCode: number;
  readonly output: string;
}

/** Variables Vitest sets in its workers; Astro and Vite would read them as their own mode. */
const VITEST_VARIABLES = new Set(['TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);

/** The environment for child processes, as a shell would give it: without Vitest's variables. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && !VITEST_VARIABLES.has(key)),
  );
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/** A fresh content folder (`<dir>/briefings/`) holding copies of the given fixture files. */
export function makeContentDir(fixtureFiles: readonly string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'tickerpress-content-'));
  mkdirSync(join(dir, 'briefings'));
  for (const name of fixtureFiles) {
    cpSync(join(PROJECT_ROOT, 'tests/fixtures/content/briefings', name), join(dir, 'briefings', name));
  }
  // Test authors come along; the project's own authors apply as well.
  cpSync(join(PROJECT_ROOT, 'tests/fixtures/content/authors'), join(dir, 'authors'), { recursive: true });
  return dir;
}

export function writeBriefing(contentDir: string, name: string, source: string): void {
  writeFileSync(join(contentDir, 'briefings', name), source);
}

/** The fixed clock of test builds: after every fixture but the scheduled one. */
export const TEST_BUILD_TIME = '2026-11-01T12:00:00+01:00';

/**
 * Builds into `outDir`; the build cache (cards, checks, rendered bodies) defaults to `<contentDir>/.cache`.
 * `projectRoot` builds a copy of the project instead (see `project-copy.ts`).
 */
export async function buildSite(
  contentDir: string,
  outDir: string,
  cacheDir?: string,
  projectRoot = PROJECT_ROOT,
  /** More environment for the build, e.g. `SITE_URL`. */
  env: Record<string, string> = {},
  /** More flags for `npm run build`, e.g. `--rerender`. */
  args: readonly string[] = [],
): Promise<BuildResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/build.ts', '--outDir', outDir, ...args], {
      cwd: projectRoot,
      // A stray NODE_ENV must not change what a production build publishes (drafts stay out).
      env: childEnv({
        CONTENT_DIR: contentDir,
        NODE_ENV: 'development',
        TICKERPRESS_CACHE_DIR: cacheDir ?? join(contentDir, '.cache'),
        BUILD_TIME: TEST_BUILD_TIME,
        // Two worker threads whatever the machine, so the worker paths are what every test build runs.
        OG_WORKERS: '2',
        BODY_WORKERS: '2',
        ...env,
      }),
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

/** Every file of a built site, by path, as a digest of its bytes: two builds compare with `toEqual`. */
export function siteFiles(dir: string): Map<string, string> {
  return new Map(
    filesUnder(dir).map((file) => [relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')]),
  );
}
