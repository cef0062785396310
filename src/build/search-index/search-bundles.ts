/**
 * The search index is split by publication period into Pagefind bundles, so that a build re-indexes only
 * the bundles whose briefings changed and no single index grows with the whole archive. A bundle is a
 * calendar year; a year with more than `maxPages` briefings is split into halves, then quarters, then
 * months, so bundles stay of similar size (Pagefind computes term weights per bundle: results from
 * bundles of similar size score alike). Pure: the build reads the pages, this only plans.
 */

/** A briefing page the index reads: its path in the built site, and its publication time (ISO 8601). */
export interface DatedPage {
  readonly path: string;
  /** Undefined for a page without `data-pagefind-sort="date:…"`; such pages go to the `undated` bundle. */
  readonly date: string | undefined;
}

export interface SearchBundle {
  /** "2026", "2026-h2", "2026-q3", "2026-07" or "undated": also its folder under `pagefind/`. */
  readonly name: string;
  /** Its pages' paths, sorted. */
  readonly pages: readonly string[];
}

/** Bundles of at most this many pages where the dates allow: 10,000 briefings over five years are five. */
export const DEFAULT_BUNDLE_PAGES = 4000;

export const UNDATED_BUNDLE = 'undated';

/** The finer periods a year is split into, coarsest first: each maps a month (1–12) to its period's name. */
const SPLITS: readonly ((year: string, month: number) => string)[] = [
  (year) => year,
  (year, month) => `${year}-h${month <= 6 ? 1 : 2}`,
  (year, month) => `${year}-q${Math.ceil(month / 3)}`,
  (year, month) => `${year}-${String(month).padStart(2, '0')}`,
];

/** The one bundle of a site indexed whole (`npm run measure:search -- --compare`), for comparison. */
export const WHOLE_SITE_BUNDLE = 'all';

/**
 * Plans the bundles of `pages`: newest period first, the undated bundle last; with `maxPages` of 0, one
 * bundle of every page (the index before it was split, for measurements).
 */
export function planSearchBundles(pages: readonly DatedPage[], maxPages = DEFAULT_BUNDLE_PAGES): SearchBundle[] {
  if (maxPages === 0) return [{ name: WHOLE_SITE_BUNDLE, pages: pages.map(({ path }) => path).sort() }];
  const byYear = new Map<string, { path: string; month: number }[]>();
  const undated: string[] = [];
  for (const { path, date } of pages) {
    const match = date ? /^(\d{4})-(\d{2})/.exec(date) : null;
    if (!match) {
      undated.push(path);
      continue;
    }
    const [, year = '', month = ''] = match;
    const yearPages = byYear.get(year) ?? [];
    yearPages.push({ path, month: Number(month) });
    byYear.set(year, yearPages);
  }
  const bundles: SearchBundle[] = [];
  for (const [year, yearPages] of [...byYear].sort(([a], [b]) => b.localeCompare(a))) {
    // The coarsest split whose every period fits, or months.
    const split =
      SPLITS.find((period) => largestGroup(yearPages.map(({ month }) => period(year, month))) <= maxPages) ??
      SPLITS[SPLITS.length - 1];
    const periods = new Map<string, string[]>();
    for (const { path, month } of yearPages) {
      const name = split?.(year, month) ?? year;
      const periodPages = periods.get(name) ?? [];
      periodPages.push(path);
      periods.set(name, periodPages);
    }
    for (const [name, paths] of [...periods].sort(([a], [b]) => b.localeCompare(a))) {
      bundles.push({ name, pages: paths.sort() });
    }
  }
  if (undated.length > 0) bundles.push({ name: UNDATED_BUNDLE, pages: undated.sort() });
  return bundles;
}

function largestGroup(names: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}

/**
 * What Pagefind reads of a page: its language, its `data-pagefind-*` metadata, filters and sort keys,
 * and the element marked `data-pagefind-body`. A bundle's key hashes only this, so a page whose related
 * list or navigation changed (an edit elsewhere) does not make its bundle be indexed again. The whole
 * page where no marked element can be found.
 */
export function indexedPart(html: string): string {
  const opening = /<([a-z][a-z0-9-]*)\b[^>]*\bdata-pagefind-body\b[^>]*>/i.exec(html);
  if (!opening?.[1]) return html;
  const tag = opening[1].toLowerCase();
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  tags.lastIndex = opening.index + opening[0].length;
  let depth = 1;
  let end = -1;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) {
      end = match.index + match[0].length;
      break;
    }
  }
  if (end < 0) return html;
  const lang = /<html\b[^>]*\blang="([^"]*)"/i.exec(html)?.[1] ?? '';
  const attributes = html.match(/\bdata-pagefind-(?:meta|filter|sort)="[^"]*"/g) ?? [];
  return [lang, ...attributes, html.slice(opening.index, end)].join('\0');
}

/** The publication time Pagefind sorts a briefing page by, read from its HTML. */
export function sortDateOf(html: string): string | undefined {
  return /data-pagefind-sort="date:([^"]+)"/.exec(html)?.[1];
}

/** The list of bundles the search page loads, newest first, written as `pagefind/bundles.json`. */
export interface BundleManifest {
  readonly bundles: readonly { readonly name: string; readonly path: string; readonly pages: number }[];
}

export const BUNDLE_MANIFEST = 'bundles.json';
