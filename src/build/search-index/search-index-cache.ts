/**
 * A Pagefind bundle is a function of the HTML pages it reads, Pagefind's version and its options. This
 * keeps each bundle built, under a digest of all three (`bundleKey`); a build whose bundle has the same
 * digest (its briefings unchanged) links the bundle's files in instead of indexing it again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { filesUnder, linkFiles, writeFileAtomically } from '../build-cache.ts';
import { installedPackage } from '../installed-package.ts';
import { indexedPart, sortDateOf } from './search-bundles.ts';

export interface SearchIndexFacts {
  /** Pages in the bundle, for the build log. */
  readonly pages: number;
}

/**
 * The digest of one bundle: its name, Pagefind's version and options, and each page's path and the
 * digest of what Pagefind reads of it (`PageFacts`).
 */
export function bundleKey(
  name: string,
  indexOptions: object,
  pages: readonly { readonly path: string; readonly digest: string }[],
): string {
  const hash = createHash('sha256')
    .update(`pagefind@${installedPackage('pagefind').version}\0${name}\0`)
    .update(JSON.stringify(indexOptions));
  for (const { path, digest } of pages) hash.update(`\0${path}\0${digest}`);
  return hash.digest('hex');
}

/** What the bundles need of a page: the date it sorts by, and the digest of the part Pagefind reads. */
export interface PageFacts {
  readonly date: string | undefined;
  readonly digest: string;
}

/** The facts of a page, read from its HTML. */
export function pageFactsOf(html: string): PageFacts {
  return { date: sortDateOf(html), digest: createHash('sha256').update(indexedPart(html)).digest('base64url') };
}

/** A page's facts as last read, with the identity of the file they were read from. */
type RememberedPage = readonly [device: number, inode: number, size: number, modifiedMs: number, facts: PageFacts];

/** The file, in the cache folder, that remembers each page's facts; no bundle has this name. */
export const PAGE_FACTS_FILE = 'pages.json';

/** Recreates the folder `from` as `to`, file by file, by hard link (`linkFiles`). */
function linkTree(from: string, to: string): void {
  linkFiles(
    from,
    to,
    filesUnder(from).map((file) => relative(from, file)),
  );
}

export class SearchIndexCache {
  private readonly cacheDir: string;

  constructor(cacheDir: string) {
    this.cacheDir = cacheDir;
  }

  /**
   * Recreates the bundle cached under `key` at `target`; undefined when there is none, or when the entry
   * cannot be read (a damaged cache costs an index build, never the build).
   */
  restore(key: string, target: string): SearchIndexFacts | undefined {
    const factsFile = join(this.cacheDir, `${key}.json`);
    if (!existsSync(factsFile) || !existsSync(join(this.cacheDir, key))) return undefined;
    try {
      const facts = JSON.parse(readFileSync(factsFile, 'utf8')) as Partial<SearchIndexFacts>;
      if (typeof facts.pages !== 'number') return undefined;
      linkTree(join(this.cacheDir, key), target);
      return { pages: facts.pages };
    } catch {
      rmSync(target, { recursive: true, force: true });
      return undefined;
    }
  }

  /** Keeps the bundle just built in `source`. The facts file is written last, so a reader never finds facts without their bundle. */
  store(key: string, source: string, facts: SearchIndexFacts): void {
    mkdirSync(this.cacheDir, { recursive: true });
    const temporary = join(this.cacheDir, `${key}.${process.pid}.tmp`);
    rmSync(temporary, { recursive: true, force: true });
    linkTree(source, temporary);
    rmSync(join(this.cacheDir, key), { recursive: true, force: true });
    renameSync(temporary, join(this.cacheDir, key));
    writeFileAtomically(join(this.cacheDir, `${key}.json`), JSON.stringify(facts));
  }

  /** Drops every bundle but those under `keys`: a bundle is as large as its briefings' text. */
  keepOnly(keys: ReadonlySet<string>): void {
    if (!existsSync(this.cacheDir)) return;
    // Other builds' temporary copies stay: they may be writing them now.
    for (const name of readdirSync(this.cacheDir)) {
      if (name.endsWith('.tmp') || name === PAGE_FACTS_FILE || keys.has(name.replace(/\.json$/, ''))) continue;
      rmSync(join(this.cacheDir, name), { recursive: true, force: true });
    }
  }
}

/**
 * Each page's facts, read from its file only when the file is not the one they were last read from. A
 * page carried over from the last build is that build's very file (`src/build/carried-pages.ts`): its
 * device, inode, size and modification time are unchanged, so an edit reads the pages it changed, not the
 * archive. A file written anew has a new inode or time.
 */
export class PageFactsMemo {
  private readonly file: string;
  private readonly remembered: Record<string, RememberedPage>;
  private readonly next: Record<string, RememberedPage> = {};

  constructor(cacheDir: string) {
    this.file = join(cacheDir, PAGE_FACTS_FILE);
    try {
      this.remembered = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, RememberedPage>;
    } catch {
      // None yet, or unreadable: every page is read.
      this.remembered = {};
    }
  }

  /** The facts of the page at `siteDir/path`; `read` computes them from its HTML when they are not known. */
  factsOf(siteDir: string, path: string, read: (html: string) => PageFacts): PageFacts {
    const file = join(siteDir, path);
    const { dev, ino, size, mtimeMs } = statSync(file);
    const known = this.remembered[path];
    const facts =
      known && known[0] === dev && known[1] === ino && known[2] === size && known[3] === mtimeMs
        ? known[4]
        : read(readFileSync(file, 'utf8'));
    this.next[path] = [dev, ino, size, mtimeMs, facts];
    return facts;
  }

  /** Keeps the facts of the pages asked for in this build, and no others, for the next build. */
  save(): void {
    writeFileAtomically(this.file, JSON.stringify(this.next));
  }
}
