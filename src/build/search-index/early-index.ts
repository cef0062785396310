/**
 * Indexing the search bundles an edit changes, begun while Astro renders the pages. Adding a bundle's
 * pages is most of its cost (about 3.5 s for 2,000 briefings), and all but the edited ones are the pages
 * the last build published. So as soon as Astro's process has loaded the briefings and announced which
 * it read from changed files (`../briefings-read.ts`), the build adds every page of the bundles holding
 * them, as the kept site has them, on the core Astro leaves free. Once the site is built, `indexSite`
 * takes such a bundle only if it holds the same pages in the same order, and adds again the pages whose
 * indexed part changed; any other bundle is indexed from the start. A guess is never trusted: it can only
 * save work.
 */
import * as pagefind from 'pagefind';
import { PageFactsMemo } from './search-index-cache.ts';
import type { SearchBundle } from './search-bundles.ts';
import {
  addPage,
  bundlesOf,
  check,
  INDEX_OPTIONS,
  newIndex,
  searchablePageOf,
  searchablePages,
  type BegunBundle,
  type BegunBundles,
  type IndexOptions,
} from './pagefind-index.ts';

/**
 * At most this many bundles are begun: an edit touches one or two, and a change to many briefings (a new
 * renderer, a renamed ticker) is better indexed after the pages, when it does not compete with them.
 */
export const MOST_BUNDLES_BEGUN = 2;

interface Begun {
  /** The bundle as planned from the kept site. */
  readonly bundle: SearchBundle;
  readonly digests: ReadonlyMap<string, string>;
  /** Set to stop adding pages. */
  readonly control: { stopped: boolean };
  /** Resolves with the index once every page is added, or with undefined if adding failed or stopped. */
  readonly filled: Promise<pagefind.PagefindIndex | undefined>;
}

export class EarlyIndex implements BegunBundles {
  private readonly keptSiteDir: string;
  private readonly searchCacheDir: string;
  private readonly options: IndexOptions;
  private begun: Promise<Map<string, Begun>> | undefined;

  /**
   * `keptSiteDir` is the site the last build published; `searchCacheDir` holds its pages' facts;
   * `options` are those the site will be indexed with.
   */
  constructor(keptSiteDir: string, searchCacheDir: string, options: IndexOptions = {}) {
    this.keptSiteDir = keptSiteDir;
    this.searchCacheDir = searchCacheDir;
    this.options = options;
  }

  /** Begins the bundles holding the pages of the briefings `ids`, once; none if they are too many. */
  begin(ids: readonly string[]): void {
    this.begun ??= Promise.resolve()
      .then(() => this.plan(ids))
      .catch(() => new Map<string, Begun>());
  }

  async take(bundle: SearchBundle): Promise<BegunBundle | undefined> {
    const begun = (await this.begun)?.get(bundle.name);
    if (!begun) return undefined;
    (await this.begun)?.delete(bundle.name);
    const same =
      begun.bundle.pages.length === bundle.pages.length &&
      begun.bundle.pages.every((path, position) => bundle.pages[position] === path);
    if (!same) {
      await this.stop(begun);
      return undefined;
    }
    const index = await begun.filled;
    return index && { index, digests: begun.digests };
  }

  async discard(): Promise<void> {
    const begun = await this.begun;
    for (const each of begun?.values() ?? []) await this.stop(each);
    begun?.clear();
  }

  private async stop(begun: Begun): Promise<void> {
    begun.control.stopped = true;
    await (await begun.filled)?.deleteIndex();
  }

  /** Plans the kept site's bundles and starts adding the pages of those that hold the briefings `ids`. */
  private plan(ids: readonly string[]): Map<string, Begun> {
    // Read only: the facts this build keeps are those of its own site, which `indexSite` reads.
    const pages = searchablePages(this.keptSiteDir, new PageFactsMemo(this.searchCacheDir));
    const changed = new Set(ids.map(searchablePageOf));
    const bundles = bundlesOf(pages, this.options).filter((bundle) => bundle.pages.some((path) => changed.has(path)));
    const begun = new Map<string, Begun>();
    if (bundles.length > MOST_BUNDLES_BEGUN) return begun;
    // One after the other: Pagefind's service handles one request at a time.
    let previous: Promise<unknown> = Promise.resolve();
    for (const bundle of bundles) {
      const digests = new Map(bundle.pages.map((path) => [path, pages.get(path)?.digest ?? '']));
      const control = { stopped: false };
      const filled = previous.then(() => this.fill(bundle, control));
      begun.set(bundle.name, { bundle, digests, control, filled });
      previous = filled;
    }
    return begun;
  }

  /** Adds every page of `bundle` from the kept site, unless `control` stops it first. */
  private async fill(
    bundle: SearchBundle,
    control: { readonly stopped: boolean },
  ): Promise<pagefind.PagefindIndex | undefined> {
    let index: pagefind.PagefindIndex | undefined;
    try {
      index = newIndex(check('create an index', await pagefind.createIndex(INDEX_OPTIONS)));
      for (const path of bundle.pages) {
        if (control.stopped) break;
        await addPage(index, this.keptSiteDir, path);
      }
      if (!control.stopped) return index;
    } catch {
      // The bundle is indexed from the start once the site is built.
    }
    await index?.deleteIndex().catch(() => undefined);
    return undefined;
  }
}
