/**
 * Pagefind's index is a function of the HTML pages it reads, Pagefind's version and its options. This
 * keeps the last index built, under a digest of all three; a build whose pages have the same digest
 * (a scheduled rebuild with no new content, say) copies the index instead of building it again.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, globSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../build-cache.ts';
import { installedPackage } from '../installed-package.ts';

export interface SearchIndexFacts {
  /** Pages in the index, for the build log. */
  readonly pages: number;
}

export class SearchIndexCache {
  private readonly key: string;
  private readonly cacheDir: string;

  /**
   * `siteDir` is the built site, read now: the pages matching `pages` (a glob relative to it), the ones
   * Pagefind reads, are the digest's content.
   */
  constructor(cacheDir: string, siteDir: string, indexOptions: object, pages: string) {
    this.cacheDir = cacheDir;
    const hash = createHash('sha256')
      .update(`pagefind@${installedPackage('pagefind').version}\0`)
      .update(JSON.stringify(indexOptions));
    for (const path of globSync(pages, { cwd: siteDir }).sort()) {
      hash.update(`\0${path}\0`).update(readFileSync(join(siteDir, path)));
    }
    this.key = hash.digest('hex');
  }

  /**
   * Copies the cached index to `target` when the pages are unchanged; undefined when they are not, or
   * when the entry cannot be read (a damaged cache costs an index build, never the build).
   */
  restore(target: string): SearchIndexFacts | undefined {
    const factsFile = join(this.cacheDir, `${this.key}.json`);
    if (!existsSync(factsFile)) return undefined;
    try {
      const facts = JSON.parse(readFileSync(factsFile, 'utf8')) as Partial<SearchIndexFacts>;
      if (typeof facts.pages !== 'number') return undefined;
      cpSync(join(this.cacheDir, this.key), target, { recursive: true });
      return { pages: facts.pages };
    } catch {
      rmSync(target, { recursive: true, force: true });
      return undefined;
    }
  }

  /**
   * Keeps the index just built in `source` and drops older ones: an index is as large as the site's text.
   * The facts file is written last, so a reader never finds facts without their index.
   */
  store(source: string, facts: SearchIndexFacts): void {
    mkdirSync(this.cacheDir, { recursive: true });
    const temporary = join(this.cacheDir, `${this.key}.${process.pid}.tmp`);
    rmSync(temporary, { recursive: true, force: true });
    cpSync(source, temporary, { recursive: true });
    rmSync(join(this.cacheDir, this.key), { recursive: true, force: true });
    renameSync(temporary, join(this.cacheDir, this.key));
    writeFileAtomically(join(this.cacheDir, `${this.key}.json`), JSON.stringify(facts));
    // Other builds' temporary copies stay: they may be writing them now.
    for (const name of readdirSync(this.cacheDir)) {
      if (name === this.key || name === `${this.key}.json` || name.endsWith('.tmp')) continue;
      rmSync(join(this.cacheDir, name), { recursive: true, force: true });
    }
  }
}
