/**
 * The build's caches (cards, content-check findings, rendered bodies) live side by side in one folder that
 * survives builds: `.cache/` in the project, or `TICKERPRESS_CACHE_DIR`. Entries are content-addressed,
 * so a stale entry is never read, only left behind; deleting the folder is always safe.
 */
import type { Hash } from 'node:crypto';
import {
  constants,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { moduleGraph } from './module-graph.ts';
import type { CacheSources } from './project-files.ts';

/**
 * `astro` is Astro's own cache folder (`cacheDir`): its content data store;
 * `site` is the last site built (`site-snapshot.ts`).
 */
export type CacheName = 'og' | 'check' | 'bodies' | 'pagefind' | 'astro' | 'site';

/** The folder of one cache, created if missing. */
export function cacheDir(projectRoot: string, name: CacheName): string {
  const dir = join(process.env['TICKERPRESS_CACHE_DIR'] ?? join(projectRoot, '.cache'), name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Every file under `path` (a file or a folder; none if it does not exist), sorted, for a stable digest. */
export function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const entryPath = join(path, entry.name);
      // The entry's type saves a look at each file; a symbolic link is followed to what it names.
      return entry.isDirectory() || entry.isSymbolicLink() ? filesUnder(entryPath) : [entryPath];
    });
}

/**
 * Feeds the names and contents of `paths` (files or folders, relative to `projectRoot`) into `hash`:
 * the part of a cache key that says which code produced an entry.
 */
export function hashSources(hash: Hash, projectRoot: string, paths: readonly string[]): Hash {
  for (const path of paths) {
    // A source list naming a file that is gone (renamed, say) would silently drop it from every key.
    if (!existsSync(join(projectRoot, path))) {
      throw new Error(`The cache key lists ${path}, which does not exist: update the list that names it.`);
    }
    for (const file of filesUnder(join(projectRoot, path))) {
      hash.update(relative(projectRoot, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash;
}

/**
 * Feeds the code a cache depends on into `hash`: its entry modules with every project module they
 * import, and its other files (see `project-files.ts`).
 */
export function hashCacheSources(hash: Hash, projectRoot: string, sources: CacheSources): Hash {
  return hashSources(hash, projectRoot, [...moduleGraph(projectRoot, sources.code), ...sources.files]);
}

/** Why a hard link may be refused where a copy would do. */
const LINK_REFUSED = new Set(['EXDEV', 'EPERM', 'EMLINK', 'ENOTSUP', 'EOPNOTSUPP']);

/**
 * Recreates the files `paths` (relative to `from`) under `to`, by hard link where it can, by copy where it
 * cannot (another file system). Cached and published files are never changed in place, so the two names
 * of one file always hold the same bytes, and recreating a site or a search bundle costs no copying.
 */
export function linkFiles(from: string, to: string, paths: readonly string[]): void {
  const made = new Set<string>();
  for (const path of paths) {
    const folder = dirname(join(to, path));
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      linkSync(join(from, path), join(to, path));
    } catch (error) {
      // Another file system, or one without hard links: a copy, which never replaces a file (that file
      // could be linked elsewhere, and would change there too).
      if (!LINK_REFUSED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      copyFileSync(join(from, path), join(to, path), constants.COPYFILE_EXCL);
    }
  }
}

/** Writes through a temporary name, so a reader never sees half a file, even from another process. */
export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

/** A temporary file this old was left by a build that was killed: no running build still writes it. */
const ABANDONED_TEMPORARY_MS = 60 * 60 * 1000;

/**
 * Deletes the entries of a cache folder that `keep` does not name (file names), so that a cache holds
 * what the last full build used and does not grow with every edit, and temporary files a killed build
 * left behind. Returns how many entries went (temporary files not counted).
 */
export function pruneCache(dir: string, keep: ReadonlySet<string>, now = Date.now()): number {
  let removed = 0;
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (keep.has(name)) continue;
    const path = join(dir, name);
    if (name.endsWith('.tmp')) {
      // Another build may be writing it right now; only an old one is certainly abandoned.
      const modified = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? now;
      if (now - modified > ABANDONED_TEMPORARY_MS) rmSync(path, { recursive: true, force: true });
      continue;
    }
    rmSync(path, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}
