/**
 * A Pagefind bundle is a function of the HTML pages it reads, Pagefind's version and its options. This
 * keeps each bundle built, under a digest of all three (`bundleKey`); a build whose bundle has the same
 * digest (its briefings unchanged) copies the bundle instead of indexing it again.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../build-cache.ts';
import { installedPackage } from '../installed-package.ts';

export interface SearchIndexFacts {
  /** Pages in the bundle, for the build log. */
  readonly pages: number;
}

/** The digest of one bundle: its name, Pagefind's version and options, and each page's path and bytes. */
export function bundleKey(
  name: string,
  indexOptions: object,
  pages: readonly { readonly path: string; readonly bytes: Uint8Array }[],
): string {
  const hash = createHash('sha256')
    .update(`pagefind@${installedPackage('pagefind').version}\0${name}\0`)
    .update(JSON.stringify(indexOptions));
  for (const { path, bytes } of pages) hash.update(`\0${path}\0`).update(bytes);
  return hash.digest('hex');
}

export class SearchIndexCache {
  private readonly cacheDir: string;

  constructor(cacheDir: string) {
    this.cacheDir = cacheDir;
  }

  /**
   * Copies the bundle cached under `key` to `target`; undefined when there is none, or when the entry
   * cannot be read (a damaged cache costs an index build, never the build).
   */
  restore(key: string, target: string): SearchIndexFacts | undefined {
    const factsFile = join(this.cacheDir, `${key}.json`);
    if (!existsSync(factsFile)) return undefined;
    try {
      const facts = JSON.parse(readFileSync(factsFile, 'utf8')) as Partial<SearchIndexFacts>;
      if (typeof facts.pages !== 'number') return undefined;
      cpSync(join(this.cacheDir, key), target, { recursive: true });
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
    cpSync(source, temporary, { recursive: true });
    rmSync(join(this.cacheDir, key), { recursive: true, force: true });
    renameSync(temporary, join(this.cacheDir, key));
    writeFileAtomically(join(this.cacheDir, `${key}.json`), JSON.stringify(facts));
  }

  /** Drops every bundle but those under `keys`: a bundle is as large as its briefings' text. */
  keepOnly(keys: ReadonlySet<string>): void {
    if (!existsSync(this.cacheDir)) return;
    // Other builds' temporary copies stay: they may be writing them now.
    for (const name of readdirSync(this.cacheDir)) {
      if (name.endsWith('.tmp') || keys.has(name.replace(/\.json$/, ''))) continue;
      rmSync(join(this.cacheDir, name), { recursive: true, force: true });
    }
  }
}
