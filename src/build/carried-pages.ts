/**
 * Pages carried over from the last build instead of rendered. `npm run build` hands Astro the keys of
 * the pages it kept with the last site (`site-snapshot.ts`) when that site was built from the same code;
 * each keyed route's `getStaticPaths()` then returns only the pages whose key changed or that are new
 * (`pagesToRender` in `src/site/page-keys.ts`), and the build links the others into the new site from the
 * kept one once Astro is done. Astro never sees a carried page, so it neither renders nor copies it, and a
 * page that is no longer listed (a deleted briefing's) is simply not carried.
 *
 * Astro's process and the build script share these facts through two files: the carry file (the kept
 * keys, written by the build script) and the build facts (every key of this build and which pages were
 * carried, written when Astro is done).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildGlobals } from './build-globals.ts';

/** Set by `npm run build` for Astro's process when pages may be carried: the carry file's path. */
export const CARRY_FROM = 'TICKERPRESS_CARRY_FROM';

/** A site path (`/briefings/x/`, `/og/home.png`) and the key of what its page shows. */
export type PageKeys = Readonly<Record<string, string>>;

/** The carry file: the kept site's pages that may be carried, each with the key it was rendered for. */
export interface CarryFile {
  readonly keys: PageKeys;
}

/**
 * The file a site path is written to: a page's `index.html` (paths of pages end in `/`: the site is
 * built with `trailingSlash: 'always'` and directory URLs) or the file the path names.
 */
export function outputFileOf(path: string): string {
  const file = path.replace(/^\//, '');
  return file === '' || file.endsWith('/') ? `${file}index.html` : file;
}

/** Whether a path is an HTML page (which the sitemap lists) rather than a file (a feed, a card, a calendar). */
export function isPagePath(path: string): boolean {
  return path.endsWith('/');
}

/** The kept keys this build may carry (none outside `npm run build`, or when the code changed). */
function carriableKeys(): PageKeys {
  const globals = buildGlobals();
  if (globals.carriable === undefined) {
    const file = process.env[CARRY_FROM];
    globals.carriable = file ? (JSON.parse(readFileSync(file, 'utf8')) as CarryFile).keys : {};
  }
  return globals.carriable;
}

/**
 * Notes the key of the page at `path` for the next build, and says whether the kept site holds this
 * page for this very key, so that it is carried rather than rendered.
 */
export function noteKeyAndCarry(path: string, key: string): boolean {
  const globals = buildGlobals();
  (globals.pageKeys ??= new Map()).set(path, key);
  const carried = carriableKeys()[path] === key;
  if (carried) (globals.carriedPages ??= []).push(path);
  return carried;
}

/** The carry file and the build facts of the build run by process `pid`, in the kept site's cache folder. */
export function buildFilesOf(siteCacheDir: string, pid: number): { carry: string; facts: string } {
  return { carry: join(siteCacheDir, `carry.${pid}.json`), facts: join(siteCacheDir, `facts.${pid}.json`) };
}

/** Whether the process `pid` is running (another user's process cannot be signalled, but it runs). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the carry files and build facts that builds stopped by a kill left behind (a build removes its
 * own when it ends); those of a build still running are left to it.
 */
export function removeFilesOfStoppedBuilds(siteCacheDir: string): void {
  for (const name of readdirSync(siteCacheDir)) {
    const pid = /^(?:carry|facts)\.(\d+)\.json$/.exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !isRunning(Number(pid))) {
      rmSync(join(siteCacheDir, name), { force: true });
    }
  }
}
