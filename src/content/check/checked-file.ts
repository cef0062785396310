/**
 * What every rule of the content check reads: one briefing whose frontmatter passed the schema, with
 * its body parsed, and what the site as a whole contains.
 */
import type { Root } from 'mdast';
import type { FrontmatterBlock } from '../frontmatter.ts';
import type { Finding, Severity } from '../finding.ts';
import type { BriefingFrontmatter } from '../schema/index.ts';
import type { Route } from '../../site/routes.ts';
import type { PriceRow } from '../../engine/price-history.ts';

export interface ContentFile {
  /** Path relative to the repository, as findings print it. */
  readonly path: string;
  readonly source: string;
}

/** A briefing as the check is given it: its bytes as read from disk, or its text. */
export interface ContentSource {
  /** Path relative to the repository, as findings print it. */
  readonly path: string;
  readonly source: string | Uint8Array;
}

export interface CheckContext {
  readonly authors: ReadonlySet<string>;
  readonly tickers: ReadonlySet<string>;
  /** Whether a path such as `/images/x.png` exists under `public/`. */
  readonly publicFileExists: (path: string) => boolean;
  /** What a path of the site leads to: the site's own URL scheme (`routeOf` in `src/site/routes.ts`). */
  readonly routeOf: (path: string) => Route;
  /** Daily market data of a symbol, when `content/market/<SYMBOL>.csv` exists. */
  readonly series?: (symbol: string) => readonly PriceRow[] | undefined;
  /**
   * Reuses a file's findings from an earlier run: called with the file, a key for everything the file's
   * findings depend on besides the context (the site's slugs, tickers and tags), and the computation.
   */
  readonly memo?: (file: ContentFile, siteKey: string, check: () => Finding[]) => Finding[];
}

/** What the site as a whole contains, as every file's rules see it. */
export interface SiteIndex {
  readonly context: CheckContext;
  readonly briefingIds: ReadonlySet<string>;
  readonly tickersInUse: ReadonlySet<string>;
  readonly tagsInUse: ReadonlySet<string>;
}

export interface Positioned {
  readonly position?: { readonly start: { readonly line: number; readonly column: number } } | undefined;
}

/** A briefing whose frontmatter passed the schema. */
export interface CheckedFrontmatter {
  readonly file: ContentFile;
  readonly frontmatter: BriefingFrontmatter;
  readonly block: FrontmatterBlock;
}

/** A briefing with valid frontmatter and a parsed body. */
export interface CheckedFile extends CheckedFrontmatter {
  readonly tree: Root;
  /** A finding at a node of the body, at its line and column in the file (the parser counts from the body). */
  readonly findingAt: (node: Positioned, severity: Severity, message: string) => Finding;
}

/** A rule on the frontmatter alone: it reports even when the body does not parse. */
export type FrontmatterRule = (checked: CheckedFrontmatter, site: SiteIndex) => Finding[];

/** A rule on the parsed body. */
export type BodyRule = (checked: CheckedFile, site: SiteIndex) => Finding[];
