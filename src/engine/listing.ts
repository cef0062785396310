/**
 * Listing logic shared by every page, feed and index: which briefings are public, in what order,
 * grouped how, and which relate to which. Pure functions over the loaded entries.
 */
import { calendarDate, parseOffsetDateTime, toInstant } from './time.ts';

/** The part of a loaded briefing entry these functions need. */
export interface ListedBriefing {
  readonly id: string;
  readonly data: {
    readonly publishedAt: string;
    readonly tickers: readonly string[];
    readonly tags: readonly string[];
    readonly draft: boolean;
  };
}

export interface Visibility {
  /** The dev server's preview shows drafts and scheduled briefings; production builds never do. */
  readonly preview: boolean;
  /** The build's clock: briefings published after it are scheduled, not yet public. */
  readonly now: Date;
}

export type PublicationStatus = 'published' | 'draft' | 'scheduled';

export function publicationStatus(briefing: ListedBriefing, now: Date): PublicationStatus {
  if (briefing.data.draft) return 'draft';
  return toInstant(briefing.data.publishedAt) > now ? 'scheduled' : 'published';
}

/** Whether a briefing appears on the site, in listings, feeds, the sitemap and the search index. */
export function isPublic(briefing: ListedBriefing, visibility: Visibility): boolean {
  return visibility.preview || publicationStatus(briefing, visibility.now) === 'published';
}

/**
 * The stretch of time over which the same briefings are public as at `now`: from the latest publication
 * at or before it, up to (not including) the next scheduled one. A site built at `now` is the site built
 * at any moment inside it, so a rebuild inside it with nothing else changed can keep the last output.
 */
export interface PublicationWindow {
  /** The latest publication at or before `now` (epoch ms); undefined when none has happened yet. */
  readonly from: number | undefined;
  /** The next scheduled publication after `now` (epoch ms); undefined when none is scheduled. */
  readonly until: number | undefined;
}

export function publicationWindow(briefings: readonly ListedBriefing[], now: Date): PublicationWindow {
  let from: number | undefined;
  let until: number | undefined;
  for (const briefing of briefings) {
    if (briefing.data.draft) continue;
    const at = toInstant(briefing.data.publishedAt).getTime();
    if (at <= now.getTime()) from = Math.max(from ?? at, at);
    else until = Math.min(until ?? at, at);
  }
  return { from, until };
}

/** Whether `moment` lies inside `window`, where every briefing's publication status is as it was. */
export function withinPublicationWindow(window: PublicationWindow, moment: Date): boolean {
  const time = moment.getTime();
  return (window.from === undefined || time >= window.from) && (window.until === undefined || time < window.until);
}

/**
 * The build's clock: `BUILD_TIME` (ISO 8601 with offset) when set, so builds are reproducible and a
 * scheduled rebuild can be tested; otherwise now.
 */
export function buildClock(buildTime: string | undefined, now: () => Date = () => new Date()): Date {
  if (buildTime === undefined || buildTime.trim() === '') return now();
  const parsed = parseOffsetDateTime(buildTime);
  if (!parsed.ok) throw new Error(`BUILD_TIME "${buildTime}" ${parsed.reason}`);
  return parsed.instant;
}

/** Newest first; equal times fall back to the id so the order never depends on file-system order. */
export function compareNewestFirst(a: ListedBriefing, b: ListedBriefing): number {
  const difference = toInstant(b.data.publishedAt).getTime() - toInstant(a.data.publishedAt).getTime();
  return difference !== 0 ? difference : a.id.localeCompare(b.id, 'en');
}

export function newestFirst<T extends ListedBriefing>(briefings: readonly T[]): T[] {
  return [...briefings].sort(compareNewestFirst);
}

export interface Page<T> {
  /** 1-based page number. */
  readonly number: number;
  readonly items: readonly T[];
  readonly pageCount: number;
}

/** Splits a list into pages of `size`; an empty list still has one (empty) first page. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, got ${size}`);
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pageCount }, (_, index) => ({
    number: index + 1,
    items: items.slice(index * size, (index + 1) * size),
    pageCount,
  }));
}

export interface MonthGroup<T> {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** Newest first. */
  readonly items: readonly T[];
}

/** Groups by the calendar month of publication in the site's time zone, newest month first. */
export function groupByMonth<T extends ListedBriefing>(briefings: readonly T[], timeZone: string): MonthGroup<T>[] {
  const groups = new Map<string, { year: number; month: number; items: T[] }>();
  for (const briefing of newestFirst(briefings)) {
    const { year, month } = calendarDate(toInstant(briefing.data.publishedAt), timeZone);
    const key = `${year}-${String(month).padStart(2, '0')}`;
    const group = groups.get(key) ?? { year, month, items: [] };
    group.items.push(briefing);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.year - a.year || b.month - a.month);
}

/** Every value of a list field (tickers, tags) with the briefings carrying it, keys sorted. */
export function groupByListField<T extends ListedBriefing>(
  briefings: readonly T[],
  field: 'tickers' | 'tags',
): { key: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const briefing of newestFirst(briefings)) {
    for (const key of briefing.data[field]) {
      const items = groups.get(key);
      if (items) items.push(briefing);
      else groups.set(key, [briefing]);
    }
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'en')).map(([key, items]) => ({ key, items }));
}

/**
 * For each target, the candidates that share tickers (weighted 3: a company is more specific than a
 * theme) or tags (weighted 1) with it, best first, then newest first; never the target itself, nor
 * briefings sharing nothing. Indexes the candidates by ticker and tag once, so each target costs the
 * briefings it shares something with, not all of them (a build of 10,000 briefings would otherwise
 * compare every pair). Candidates have distinct ids, as a collection's entries do.
 */
export function relatedFinder<T extends ListedBriefing>(
  candidates: readonly T[],
): (target: ListedBriefing, count: number) => T[] {
  const ordered = newestFirst(candidates);
  const byTicker = new Map<string, number[]>();
  const byTag = new Map<string, number[]>();
  const post = (index: Map<string, number[]>, key: string, position: number) => {
    const postings = index.get(key);
    if (postings) postings.push(position);
    else index.set(key, [position]);
  };
  ordered.forEach((candidate, position) => {
    for (const symbol of candidate.data.tickers) post(byTicker, symbol, position);
    for (const tag of candidate.data.tags) post(byTag, tag, position);
  });
  const scores = new Int32Array(ordered.length);
  // The target is left out by its position: reading each candidate's id would visit thousands of
  // briefings scattered in memory per target.
  const positions = new Map(ordered.map((candidate, position) => [candidate.id, position]));

  return (target, count) => {
    const own = positions.get(target.id) ?? -1;
    const touched: number[] = [];
    const add = (postings: readonly number[] | undefined, weight: number) => {
      for (const position of postings ?? []) {
        if (scores[position] === 0) touched.push(position);
        scores[position] = (scores[position] ?? 0) + weight;
      }
    };
    for (const symbol of new Set(target.data.tickers)) add(byTicker.get(symbol), 3);
    for (const tag of new Set(target.data.tags)) add(byTag.get(tag), 1);
    // The best `count` by score, then position (newest first): a short insertion list, not a sort.
    const best: number[] = [];
    const better = (a: number, b: number) => (scores[a] ?? 0) > (scores[b] ?? 0) || (scores[a] === scores[b] && a < b);
    for (const position of touched) {
      if (position === own) continue;
      let at = best.length;
      while (at > 0 && better(position, best[at - 1] ?? 0)) at--;
      if (at < count) {
        best.splice(at, 0, position);
        if (best.length > count) best.pop();
      }
    }
    for (const position of touched) scores[position] = 0;
    return best.map((position) => ordered[position] as T);
  };
}
