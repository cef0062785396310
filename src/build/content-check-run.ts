/**
 * Runs the content check (`src/content/check/`) over the content folder: reads the briefings, authors,
 * ticker data, market data and `public/`, answers the checker's questions from the file system, and
 * caches each file's findings in the build cache. `npm run check` (and so the build) and the dev
 * server's preview both run it, so they report the same findings.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkContent, type CheckContext, type ContentSource } from '../content/check/index.ts';
import { authorFiles, contentPaths, marketFiles } from '../content/content-folders.ts';
import { displayPath, type Finding } from '../content/finding.ts';
import { parseMarketCsv } from '../content/market-csv.ts';
import type { PriceRow } from '../engine/price-history.ts';
import { cacheDir, filesUnder, hashCacheSources, writeFileAtomically } from './build-cache.ts';
import { CACHE_SOURCES } from './project-files.ts';

export interface ContentCheckOptions {
  /** The project root: `content/`, `public/` and the build cache are found from it. */
  readonly root: string;
  /** The site's URL scheme (`routeOf` in `src/site/routes.ts`), which the site layer owns. */
  readonly routeOf: CheckContext['routeOf'];
}

export interface ContentCheckReport {
  /** How many briefings were checked. */
  readonly files: number;
  /** How many of them were unchanged, their findings read from the cache. */
  readonly reused: number;
  /** Every finding, market data first, then the briefings in path order. */
  readonly findings: readonly Finding[];
}

function listMdx(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listMdx(path);
    return name.endsWith('.mdx') && !name.startsWith('_') ? [path] : [];
  });
}

export function runContentCheck({ root, routeOf }: ContentCheckOptions): ContentCheckReport {
  const paths = contentPaths(root);
  // Bytes, not text: the check finds bytes that are not UTF-8 at their place.
  const files: ContentSource[] = listMdx(paths.briefings)
    .sort()
    .map((path) => ({ path: displayPath(root, path), source: readFileSync(path) }));
  const authors = new Set(authorFiles(paths).keys());
  const tickers = new Set(Object.keys((parseYaml(readFileSync(paths.tickers, 'utf8')) ?? {}) as object));

  const marketFindings: Finding[] = [];
  const seriesBySymbol = new Map<string, PriceRow[]>();
  for (const [symbol, file] of marketFiles(paths)) {
    const parsed = parseMarketCsv(readFileSync(file, 'utf8'), displayPath(root, file));
    marketFindings.push(...parsed.findings);
    seriesBySymbol.set(symbol, parsed.rows);
  }

  // Findings are cached per file, keyed by the file, the site's slugs, tickers and tags, and everything
  // else they depend on: the checker's code, authors, ticker data, market data and the list of files in
  // public/. A warm build re-checks only what changed.
  const contextHash = hashCacheSources(createHash('sha256'), root, CACHE_SOURCES.check);
  contextHash.update(JSON.stringify([[...authors].sort(), [...tickers].sort()]));
  for (const file of marketFiles(paths).values()) contextHash.update(readFileSync(file));
  contextHash.update(
    filesUnder(join(root, 'public'))
      .map((file) => relative(root, file))
      .sort()
      .join('\n'),
  );
  const contextKey = contextHash.digest('hex');
  const checkCache = cacheDir(root, 'check');
  let reused = 0;
  // The site's key lists every briefing: hashed once, not once per file (which grows with the square of
  // the archive: 2.5 s of 5.5 at 10,000 briefings).
  const siteDigests = new Map<string, string>();
  const siteDigest = (siteKey: string) => {
    let digest = siteDigests.get(siteKey);
    if (digest === undefined) {
      digest = createHash('sha256').update(siteKey).digest('hex');
      siteDigests.set(siteKey, digest);
    }
    return digest;
  };

  const findings = checkContent(files, {
    authors,
    tickers,
    publicFileExists: (path) => existsSync(join(root, 'public', decodeURIComponent(path))),
    routeOf,
    series: (symbol) => seriesBySymbol.get(symbol),
    memo: (file, siteKey, check) => {
      const key = createHash('sha256')
        .update(contextKey)
        .update(siteDigest(siteKey))
        .update(file.path)
        .update(file.source)
        .digest('hex');
      const cached = join(checkCache, `${key}.json`);
      if (existsSync(cached)) {
        reused += 1;
        return JSON.parse(readFileSync(cached, 'utf8')) as Finding[];
      }
      const result = check();
      writeFileAtomically(cached, JSON.stringify(result));
      return result;
    },
  });
  return { files: files.length, reused, findings: [...marketFindings, ...findings] };
}
