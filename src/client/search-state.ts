/**
 * The search page's state as it lives in the URL (`/search/?q=openai&ticker=AMZN&sort=newest`), so
 * searches can be shared and plain forms (the header box, ticker pages) can start one.
 */
import { FILTER_PARAMETERS } from '../outputs/search/search-record.ts';

export type FilterName = (typeof FILTER_PARAMETERS)[number];
export type SortOrder = 'relevance' | 'newest';

export interface SearchState {
  readonly query: string;
  readonly sort: SortOrder;
  /** Selected values per filter; a result must match one value of every filter that has any. */
  readonly filters: Readonly<Record<FilterName, readonly string[]>>;
}

export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters = Object.fromEntries(
    FILTER_PARAMETERS.map((name) => [name, [...new Set(params.getAll(name).filter((value) => value.trim() !== ''))]]),
  ) as Record<FilterName, string[]>;
  return {
    query: (params.get('q') ?? '').trim(),
    sort: params.get('sort') === 'newest' ? 'newest' : 'relevance',
    filters,
  };
}

export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const name of FILTER_PARAMETERS) for (const value of state.filters[name]) params.append(name, value);
  if (state.sort === 'newest') params.set('sort', 'newest');
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function hasCriteria(state: SearchState): boolean {
  return state.query !== '' || FILTER_PARAMETERS.some((name) => state.filters[name].length > 0);
}

/** Pagefind's filter argument: only filters with values, each as "any of". */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  return Object.fromEntries(
    FILTER_PARAMETERS.filter((name) => state.filters[name].length > 0).map((name) => [
      name,
      { any: [...state.filters[name]] },
    ]),
  );
}

/** "3 results for “openai” in AMZN" and the like, for the live status line. */
export function describeResults(count: number, state: SearchState): string {
  const scope = FILTER_PARAMETERS.flatMap((name) => state.filters[name]).join(', ');
  const what = state.query ? ` for “${state.query}”` : '';
  const within = scope ? ` in ${scope}` : '';
  if (count === 0) return `No briefings found${what}${within}.`;
  return `${count} ${count === 1 ? 'briefing' : 'briefings'}${what}${within}.`;
}
