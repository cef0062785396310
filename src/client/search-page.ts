/**
 * The search page in the browser, on Pagefind's JS API: the query and filters live in the URL, results
 * update as you type, "/" focuses the box, and everything is reachable by keyboard. The index is one
 * Pagefind bundle per publication period (`pagefind/bundles.json`, newest first): the newest is loaded and
 * the others merged into it, each tagged with a `bundle` filter of its own name. Results by relevance are
 * Pagefind's merged ranking; "Newest first" searches each bundle in turn, newest bundle first, since their
 * periods do not overlap.
 */
import { BUNDLE_MANIFEST, type BundleManifest } from '../build/search-index/search-bundles.ts';
import {
  describeResults,
  hasCriteria,
  pagefindFilters,
  readSearchState,
  writeSearchState,
  type FilterName,
  type SearchState,
} from './search-state.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(
    query: string | null,
    options: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: PagefindResult[] } | null>;
}

interface PagefindResult {
  data(): Promise<PagefindResultData>;
}

const PAGE_SIZE = 10;
const FILTER_LABELS: Record<FilterName, string> = { ticker: 'Ticker', tag: 'Tag', source: 'Source', year: 'Year' };

const form = document.querySelector<HTMLFormElement>('#search-form');
const input = document.querySelector<HTMLInputElement>('#search-input');
const sortSelect = document.querySelector<HTMLSelectElement>('#search-sort');
const filtersBox = document.querySelector<HTMLElement>('#search-filters');
const status = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
const more = document.querySelector<HTMLButtonElement>('#search-more');
const suggestions = document.querySelector<HTMLElement>('#search-suggestions');

let state: SearchState = readSearchState(location.search);
let pagefind: Pagefind | undefined;
/** The bundles' names, newest period first. */
let bundles: string[] = [];
let shown = 0;
let results: PagefindResult[] = [];
let generation = 0;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function setStatus(text: string): void {
  if (status) status.textContent = text;
}

/** The filter each bundle's pages carry, so that one search can keep to one bundle. */
const BUNDLE_FILTER = 'bundle';
const EXCERPT_LENGTH = 24;

async function loadPagefind(): Promise<Pagefind | undefined> {
  try {
    const response = await fetch(`/pagefind/${BUNDLE_MANIFEST}`);
    const manifest = (await response.json()) as BundleManifest;
    const [newest, ...older] = manifest.bundles;
    if (!newest) throw new Error('no search bundle');
    const module = (await import(/* @vite-ignore */ `${newest.path}pagefind.js`)) as Pagefind;
    await module.options({ excerptLength: EXCERPT_LENGTH });
    await module.init();
    await module.options({ mergeFilter: { [BUNDLE_FILTER]: newest.name } });
    for (const bundle of older) {
      await module.mergeIndex(bundle.path, {
        excerptLength: EXCERPT_LENGTH,
        mergeFilter: { [BUNDLE_FILTER]: bundle.name },
      });
    }
    bundles = manifest.bundles.map((bundle) => bundle.name);
    return module;
  } catch {
    setStatus(
      'The search index is missing. It is built by “npm run build”; for the dev server, run “npm run dev:search”.',
    );
    return undefined;
  }
}

function renderFilters(counts: Record<string, Record<string, number>>): void {
  if (!filtersBox) return;
  filtersBox.replaceChildren();
  for (const name of Object.keys(FILTER_LABELS) as FilterName[]) {
    const values = Object.entries(counts[name] ?? {}).sort(([a], [b]) =>
      name === 'year' ? b.localeCompare(a) : a.localeCompare(b),
    );
    if (values.length === 0) continue;
    const fieldset = element('fieldset', { class: 'search-filter' });
    fieldset.append(element('legend', {}, FILTER_LABELS[name]));
    for (const [value, count] of values) {
      const id = `filter-${name}-${value}`.replace(/[^\w-]/g, '_');
      const box = element('input', { type: 'checkbox', id, name, value });
      box.checked = state.filters[name].includes(value);
      const label = element('label', { for: id }, `${value} `);
      label.append(element('span', { class: 'search-filter__count' }, `(${count})`));
      const row = element('div', { class: 'search-filter__option' });
      row.append(box, label);
      fieldset.append(row);
    }
    filtersBox.append(fieldset);
  }
  filtersBox.hidden = false;
}

function readForm(): SearchState {
  const filters = Object.fromEntries(
    (Object.keys(FILTER_LABELS) as FilterName[]).map((name) => [
      name,
      [...document.querySelectorAll<HTMLInputElement>(`#search-filters input[name="${name}"]:checked`)].map(
        (box) => box.value,
      ),
    ]),
  ) as Record<FilterName, string[]>;
  // Presets from the URL (a ticker page's search) stay until their box is unticked.
  for (const name of Object.keys(FILTER_LABELS) as FilterName[]) {
    const rendered = document.querySelectorAll(`#search-filters input[name="${name}"]`).length > 0;
    if (!rendered) filters[name] = [...state.filters[name]];
  }
  return { query: input?.value.trim() ?? '', sort: sortSelect?.value === 'newest' ? 'newest' : 'relevance', filters };
}

async function showMore(): Promise<void> {
  if (!list) return;
  const batch = results.slice(shown, shown + PAGE_SIZE);
  const data = await Promise.all(batch.map((result) => result.data()));
  for (const item of data) {
    const entry = element('li', { class: 'search-result' });
    const article = element('article');
    const heading = element('h2', { class: 'search-result__title' });
    heading.append(element('a', { href: item.url }, item.meta['title'] ?? item.url));
    const meta = element(
      'p',
      { class: 'search-result__meta' },
      [item.meta['date'], item.meta['tickers']].filter(Boolean).join(' · '),
    );
    article.append(heading, meta);
    if (item.meta['dek']) article.append(element('p', { class: 'search-result__dek' }, item.meta['dek']));
    const excerpt = element('p', { class: 'search-result__excerpt' });
    // Pagefind's excerpt is text from our own pages with matches wrapped in <mark>.
    excerpt.innerHTML = item.excerpt;
    article.append(excerpt);
    entry.append(article);
    list.append(entry);
  }
  shown += batch.length;
  if (more) more.hidden = shown >= results.length;
}

function renderSuggestions(counts: Record<string, Record<string, number>>): void {
  if (!suggestions) return;
  suggestions.replaceChildren();
  const top = (name: string) =>
    Object.entries(counts[name] ?? {})
      .sort(([, a], [, b]) => b - a)
      .slice(0, 4)
      .map(([value]) => value);
  const links = [...top('ticker').map((value) => ['ticker', value]), ...top('tag').map((value) => ['tag', value])];
  if (links.length === 0) return;
  suggestions.append(element('span', {}, 'Try a ticker symbol or company name, fewer words, or browse: '));
  links.forEach(([name = '', value = ''], index) => {
    if (index > 0) suggestions.append(document.createTextNode(', '));
    suggestions.append(
      element('a', { href: `/search/?${name}=${encodeURIComponent(value)}` }, name === 'tag' ? `#${value}` : value),
    );
  });
  suggestions.hidden = false;
}

async function run(counts: Record<string, Record<string, number>>): Promise<void> {
  const current = ++generation;
  history.replaceState(null, '', `${location.pathname}${writeSearchState(state)}`);
  list?.replaceChildren();
  if (more) more.hidden = true;
  if (suggestions) suggestions.hidden = true;
  shown = 0;
  results = [];
  if (!pagefind) return;
  if (!hasCriteria(state)) {
    setStatus('Type a company, ticker, theme or phrase, or pick a filter.');
    return;
  }
  const found = await searchBundles(pagefind);
  if (current !== generation || !found) return;
  results = found;
  // Results first, then the announcement: the live region speaks when the list is there to read.
  if (results.length === 0) renderSuggestions(counts);
  else await showMore();
  if (current !== generation) return;
  setStatus(describeResults(results.length, state));
}

/**
 * The results of the state's search: by relevance, one search over the merged bundles; newest first,
 * one search per bundle, newest bundle first, each sorted by date.
 */
async function searchBundles(engine: Pagefind): Promise<PagefindResult[] | undefined> {
  const query = state.query || null;
  const filters = pagefindFilters(state);
  if (state.sort !== 'newest') return (await engine.search(query, { filters }))?.results;
  const perBundle = await Promise.all(
    bundles.map((name) =>
      engine.search(query, { filters: { ...filters, [BUNDLE_FILTER]: { any: [name] } }, sort: { date: 'desc' } }),
    ),
  );
  return perBundle.flatMap((search) => search?.results ?? []);
}

async function start(): Promise<void> {
  if (input) input.value = state.query;
  if (sortSelect) sortSelect.value = state.sort;
  pagefind = await loadPagefind();
  if (!pagefind) return;
  const counts = await pagefind.filters();
  renderFilters(counts);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state = readForm();
      void run(counts);
    }, delay);
  };
  form?.addEventListener('submit', (event) => {
    event.preventDefault();
    update(0);
  });
  input?.addEventListener('input', () => update(250));
  sortSelect?.addEventListener('change', () => update(0));
  filtersBox?.addEventListener('change', () => update(0));
  more?.addEventListener('click', () => void showMore());
  await run(counts);
}

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
  if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    input?.focus();
    input?.select();
  }
});

void start();
