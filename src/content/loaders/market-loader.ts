/**
 * Market data: `content/market/<SYMBOL>.csv` files, each validated line by line. A bad file fails the
 * build naming the file and the line.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { marketFiles, type ContentPaths } from '../content-folders.ts';
import { formatFinding } from '../finding.ts';
import type { PriceRow } from '../../engine/price-history.ts';
import { parseMarketCsv } from '../market-csv.ts';

const cache = new Map<string, PriceRow[]>();
/** The data files, listed once per loader run rather than once per briefing that asks. */
const fileLists = new WeakMap<ContentPaths, Map<string, string>>();

function filesOf(paths: ContentPaths): Map<string, string> {
  let files = fileLists.get(paths);
  if (!files) {
    files = marketFiles(paths);
    fileLists.set(paths, files);
  }
  return files;
}

/** The rows of a symbol's data file, parsed once per process; undefined when there is no file. */
export function readSeries(paths: ContentPaths, root: string, symbol: string): PriceRow[] | undefined {
  const file = filesOf(paths).get(symbol);
  if (!file) return undefined;
  let rows = cache.get(file);
  if (!rows) {
    const parsed = parseMarketCsv(readFileSync(file, 'utf8'), relative(root, file));
    if (parsed.findings.length > 0)
      throw new Error(`Invalid market data:\n${parsed.findings.map(formatFinding).join('\n')}`);
    rows = parsed.rows;
    cache.set(file, rows);
  }
  return rows;
}

const digests = new Map<string, { readonly stamp: string; readonly digest: string }>();

/**
 * A digest of a symbol's data file as it is now, or `none`: what a chart drawn from it depends on. The
 * file is read again only when its size or modification time changed (this is asked for every body
 * that charts it).
 */
export function seriesDigest(paths: ContentPaths, symbol: string): string {
  const file = filesOf(paths).get(symbol);
  const stat = file ? statSync(file, { throwIfNoEntry: false }) : undefined;
  if (!file || !stat) return 'none';
  const stamp = `${stat.size}:${stat.mtimeMs}`;
  const known = digests.get(file);
  if (known?.stamp === stamp) return known.digest;
  const digest = createHash('sha256').update(readFileSync(file)).digest('base64url');
  digests.set(file, { stamp, digest });
  return digest;
}

export function marketLoader(paths: ContentPaths): Loader {
  return {
    name: 'tickerpress-market',
    load: async ({ store, parseData, config }) => {
      const root = fileURLToPath(config.root);
      cache.clear();
      fileLists.delete(paths);
      store.clear();
      for (const [symbol, file] of filesOf(paths)) {
        const rows = readSeries(paths, root, symbol) ?? [];
        store.set({
          id: symbol,
          data: await parseData({ id: symbol, data: { rows } }),
          filePath: relative(root, file),
        });
      }
    },
  };
}
