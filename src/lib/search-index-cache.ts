/**
 * Pagefind's index is a function of the HTML pages it reads, Pagefind's version and its options. This
 * keeps the last index built, under a digest of all three; a build whose pages have the same digest
 * (a scheduled rebuild with no new content, say) copies the index instead of building it again.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { filesUnder } from './build-cache.ts';
import { installedPackage } from './packages.ts';

export interface SearchIndexFacts {
  /** Pages in the index, for the build log. */
  readonly pages: number;
}

export class SearchIndexCache {
  private readonly key: string;
  private readonly cacheDir: string;

  /** `siteDir` is the built site, read now: the index folder inside it is not part of the digest. */
  constructor(cacheDir: string, siteDir: string, indexOptions: object, indexDirName = 'pagefind') {
    this.cacheDir = cacheDir;
    const hash = createHash('sha256')
      .update(`pagefind@${installedPackage('pagefind').version}\0`)
      .update(JSON.stringify(indexOptions));
    const indexDir = join(siteDir, indexDirName);
    for (const file of filesUnder(siteDir)) {
      if (!file.endsWith('.html') || file.startsWith(`${indexDir}/`)) continue;
      hash.update(`\0${relative(siteDir, file)}\0`).update(readFileSync(file));
    }
    this.key = hash.digest('hex');
  }

  /** Copies the cached index to `target` when the pages are unchanged; undefined when they are not. */
  restore(target: string): SearchIndexFacts | undefined {
    const facts = join(this.cacheDir, `${this.key}.json`);
    if (!existsSync(facts)) return undefined;
    cpSync(join(this.cacheDir, this.key), target, { recursive: true });
    return JSON.parse(readFileSync(facts, 'utf8')) as SearchIndexFacts;
  }

  /** Keeps the index just built in `source`, replacing the previous one: an index is as large as the site's text. */
  store(source: string, facts: SearchIndexFacts): void {
    rmSync(this.cacheDir, { recursive: true, force: true });
    mkdirSync(this.cacheDir, { recursive: true });
    const temporary = join(this.cacheDir, `${this.key}.${process.pid}.tmp`);
    cpSync(source, temporary, { recursive: true });
    renameSync(temporary, join(this.cacheDir, this.key));
    writeFileSync(join(this.cacheDir, `${this.key}.json`), JSON.stringify(facts));
  }
}
