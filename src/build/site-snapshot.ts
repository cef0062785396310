/**
 * The last site built, kept in the build cache (`site/`) with a digest of everything it was built from,
 * so that a build whose inputs are all unchanged restores it instead of running Astro. Most deploys of
 * a news site (the scheduled rebuilds, a commit that only touched tests or docs) change nothing at all,
 * and this makes them cost a digest of the inputs and a folder of hard links. A build that does run
 * Astro carries the pages whose keys are unchanged over from here (`carried-pages.ts`), when the kept
 * site was built from the same code.
 *
 * The inputs: the code, configuration and lockfile, every content and public file, the site URL, the
 * flags given to Astro, Node's version, and the build clock — which only matters through which
 * briefings are public, so the site stays valid for the `PublicationWindow` its build recorded.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { filesUnder, hashSources, linkFiles, writeFileAtomically } from './build-cache.ts';
import { SITE_SOURCES } from './project-files.ts';
import { outputFileOf, type PageKeys } from './carried-pages.ts';
import type { ContentPaths } from '../content/content-folders.ts';
import { withinPublicationWindow, type PublicationWindow } from '../engine/listing.ts';

/**
 * Set by `npm run build` for Astro's process: the file the build writes its `BuildFacts` to when it is
 * done (`src/build/integrations/compile-report.ts`).
 */
export const BUILD_FACTS_FILE = 'TICKERPRESS_BUILD_FACTS';

/** What a finished build knows about its output that its inputs alone do not say. */
export interface BuildFacts {
  /** When the briefings public in this build would change: the site is valid only inside it. */
  readonly publicationWindow: PublicationWindow;
  /** Pages and files of the site (rendered or carried over), for the build log of a restore. */
  readonly pages: number;
  /** Every keyed page's site path and key (`src/build/carried-pages.ts`): what the next build may carry. */
  readonly pageKeys: PageKeys;
  /** The pages this build carried over from the last one: the build links them in from the kept site. */
  readonly carried: readonly string[];
}

/** What, besides files, a build's output depends on. */
export interface BuildSettings {
  /** The site's absolute URL (`site.url`, which `SITE_URL` sets). */
  readonly siteUrl: string;
  /** Flags passed on to `astro build`. */
  readonly astroArgs: readonly string[];
}

/** Bumped when the snapshot's layout or what its key covers changes, so an older snapshot is never read. */
const FORMAT = 2;

/**
 * The digest of what a build's pages depend on besides the content: the code and its settings. Pages are
 * carried over from the kept site only when it was built from the same code (`carried-pages.ts`).
 */
export function siteCodeKey(projectRoot: string, settings: BuildSettings): string {
  const hash = createHash('sha256').update(
    JSON.stringify({ format: FORMAT, node: process.version, siteUrl: settings.siteUrl, args: settings.astroArgs }),
  );
  return hashSources(hash, projectRoot, SITE_SOURCES).digest('hex');
}

/** The digest of every input of a build: its code (`siteCodeKey`) and `content`. */
export function siteInputsKey(codeKey: string, content: ContentPaths): string {
  const hash = createHash('sha256').update(codeKey);
  // Content may live outside the project (CONTENT_DIR), and any folder may be absent: each folder is named
  // by its role, and its files by their paths within it, so a moved project keeps its key.
  const folders = {
    briefings: [content.briefings],
    authors: content.authors,
    tickers: [content.tickers],
    market: [content.market],
  };
  for (const [role, paths] of Object.entries(folders)) {
    for (const path of paths) {
      hash.update(`\0${role}\0`);
      for (const file of filesUnder(path)) hash.update(`${relative(path, file)}\0`).update(readFileSync(file));
    }
  }
  return hash.digest('hex');
}

/** A kept file: its path in the site, and its size and modification time when it was kept. */
type KeptFile = readonly [path: string, size: number, modifiedMs: number];

/** The kept site: what it was built from, what its build knew, and its files. */
export interface SnapshotRecord {
  readonly format: number;
  /** `siteInputsKey` of the build. */
  readonly key: string;
  /** `siteCodeKey` of the build. */
  readonly codeKey: string;
  readonly facts: BuildFacts;
  readonly files: readonly KeptFile[];
}

export class SiteSnapshot {
  private readonly recordFile: string;
  private readonly filesDir: string;

  constructor(cacheDir: string) {
    this.recordFile = join(cacheDir, 'snapshot.json');
    this.filesDir = join(cacheDir, 'files');
  }

  /** The folder of the kept site: the files the last build published. */
  get keptSiteDir(): string {
    return this.filesDir;
  }

  /**
   * The kept site, when it was built from inputs with digest `key`, is still valid at `now`, and is intact.
   */
  matching(key: string, now: Date): SnapshotRecord | undefined {
    const record = this.read();
    if (!record || record.key !== key || !withinPublicationWindow(record.facts.publicationWindow, now))
      return undefined;
    return this.intact(record) ? record : undefined;
  }

  /**
   * The kept pages a build of the code with digest `codeKey` may carry over, with their keys: none unless
   * the kept site was built from that code and is intact.
   */
  carriable(codeKey: string): PageKeys {
    const record = this.read();
    if (!record || record.codeKey !== codeKey || !this.intact(record)) return {};
    const kept = new Set(record.files.map(([path]) => path));
    return Object.fromEntries(Object.entries(record.facts.pageKeys).filter(([path]) => kept.has(outputFileOf(path))));
  }

  /** Links the kept files of the pages at `paths` (site paths) into the site folder `target`. */
  carryInto(paths: readonly string[], target: string): void {
    linkFiles(this.filesDir, target, paths.map(outputFileOf));
  }

  /** Recreates the kept site `matching` returned in `target` (which must not exist), by hard links. */
  restoreInto(kept: SnapshotRecord, target: string): void {
    linkFiles(
      this.filesDir,
      target,
      kept.files.map(([path]) => path),
    );
  }

  /**
   * Keeps the site just built in `siteDir`, replacing the last one. The record goes first and comes
   * back last, so a build stopped halfway leaves no snapshot rather than a wrong one; the files kept are
   * updated in place, so that those the new site shares with the last one (carried over) cost a look.
   */
  store(key: string, codeKey: string, facts: BuildFacts, siteDir: string): void {
    this.discard();
    const paths = filesUnder(siteDir).map((file) => relative(siteDir, file));
    // Files the new site lost go first, with the folders they leave empty: a path that was a folder may
    // now be a file, or the other way round.
    const inSite = new Set(paths);
    for (const file of filesUnder(this.filesDir)) {
      if (inSite.has(relative(this.filesDir, file))) continue;
      rmSync(file);
      for (let folder = dirname(file); folder !== this.filesDir; folder = dirname(folder)) {
        try {
          rmdirSync(folder);
        } catch {
          break; // Other files are still in it.
        }
      }
    }
    // The others are brought up to date in place: a file carried over (or restored) into the new site is
    // already kept, as the same file; only the rest are linked.
    const keptFiles = paths.map((path): KeptFile => {
      const published = statSync(join(siteDir, path));
      let kept = statSync(join(this.filesDir, path), { throwIfNoEntry: false });
      if (kept?.ino !== published.ino || kept.dev !== published.dev) {
        rmSync(join(this.filesDir, path), { recursive: true, force: true });
        linkFiles(siteDir, this.filesDir, [path]);
        kept = statSync(join(this.filesDir, path));
      }
      return [path, kept.size, kept.mtimeMs];
    });
    const record: SnapshotRecord = { format: FORMAT, key, codeKey, facts, files: keptFiles };
    writeFileAtomically(this.recordFile, JSON.stringify(record));
  }

  /** Forgets the kept site (its files go with the next `store`). */
  discard(): void {
    rmSync(this.recordFile, { force: true });
  }

  /**
   * Whether every kept file is as it was kept. A file changed in place (the kept files are hard links, and
   * so are the published ones) changes its modification time, and the kept site is not used.
   */
  private intact(record: SnapshotRecord): boolean {
    return record.files.every(([path, size, modifiedMs]) => {
      const stat = statSync(join(this.filesDir, path), { throwIfNoEntry: false });
      return stat !== undefined && stat.size === size && stat.mtimeMs === modifiedMs;
    });
  }

  private read(): SnapshotRecord | undefined {
    if (!existsSync(this.recordFile)) return undefined;
    try {
      const record = JSON.parse(readFileSync(this.recordFile, 'utf8')) as Partial<SnapshotRecord>;
      return record.format === FORMAT &&
        typeof record.key === 'string' &&
        typeof record.codeKey === 'string' &&
        record.facts &&
        Array.isArray(record.files)
        ? (record as SnapshotRecord)
        : undefined;
    } catch {
      // A damaged record costs a build, never the build.
      return undefined;
    }
  }
}
