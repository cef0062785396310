/**
 * Checks every briefing without building the site: frontmatter (YAML and schema), MDX syntax, imports,
 * components, links, images, duplicate slugs, sponsored labels, unknown tickers and hand-written key
 * developments. Each finding names the file, the line and column in the `.mdx` file, and what is wrong.
 */
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { findFigures } from '../../engine/text/figures.ts';
import { readBriefingFrontmatter, type Finding, type Severity } from '../frontmatter.ts';
import { collectParagraphs, plainText } from '../../engine/text/paragraphs.ts';
import {
  completeSnapshot,
  dayOf,
  deriveSnapshot,
  snapshotDisagreements,
  type PriceRow,
} from '../../engine/price-history.ts';

/** Components every briefing may use without an import. */
export const BUILT_IN_COMPONENTS = ['Sponsored', 'Ticker', 'PriceChart', 'FigureChart'] as const;

export interface ContentFile {
  /** Path relative to the repository, as findings print it. */
  readonly path: string;
  readonly source: string;
}

export interface CheckContext {
  readonly authors: ReadonlySet<string>;
  readonly tickers: ReadonlySet<string>;
  /** Whether an import specifier resolves, seen from the importing file. */
  readonly resolves: (specifier: string, fromPath: string) => boolean;
  /** Whether a path such as `/images/x.png` exists under `public/`. */
  readonly publicFileExists: (path: string) => boolean;
  /** Daily market data of a symbol, when `content/market/<SYMBOL>.csv` exists. */
  readonly series?: (symbol: string) => readonly PriceRow[] | undefined;
  /**
   * Reuses a file's findings from an earlier run: called with the file, a key for everything the file's
   * findings depend on besides the context (the site's slugs, tickers and tags), and the computation.
   */
  readonly memo?: (file: ContentFile, siteKey: string, check: () => Finding[]) => Finding[];
}

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
}

/** The id Astro's glob loader gives a file: its path below `briefings/` without extension, as a slug. */
export function briefingId(pathInBriefings: string): string {
  return pathInBriefings
    .replace(/\.mdx$/, '')
    .split('/')
    .map((segment) => new GithubSlugger().slug(segment))
    .join('/');
}

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** Site paths that exist whatever the content: listings, search, feeds. */
const FIXED_PATHS = new Set([
  '/',
  '/tickers/',
  '/tags/',
  '/archive/',
  '/search/',
  '/rss.xml',
  '/feed.json',
  '/calendar.ics',
]);

export function checkContent(files: readonly ContentFile[], context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const parsed = files.map((file) => ({
    file,
    id: briefingId(file.path.replace(/^.*?briefings\//, '')),
    result: readBriefingFrontmatter(file.source, { file: file.path, authors: context.authors }),
  }));

  const ids = new Map<string, string>();
  for (const { file, id } of parsed) {
    const other = ids.get(id);
    if (other) {
      findings.push(finding(file.path, 1, 1, 'error', `has the same URL slug "${id}" as ${other}: rename one of them`));
    } else {
      ids.set(id, file.path);
    }
  }
  const briefingIds = new Set(ids.keys());
  const tickersInUse = new Set<string>();
  const tagsInUse = new Set<string>();
  for (const { result } of parsed) {
    if (!result.ok) continue;
    result.frontmatter.tickers.forEach((symbol) => tickersInUse.add(symbol));
    result.frontmatter.tags.forEach((tag) => tagsInUse.add(tag));
  }

  const siteKey = JSON.stringify([[...briefingIds].sort(), [...tickersInUse].sort(), [...tagsInUse].sort()]);
  for (const entry of parsed) {
    const check = () => checkFile(entry.file, entry.result, { context, briefingIds, tickersInUse, tagsInUse });
    findings.push(...(context.memo ? context.memo(entry.file, siteKey, check) : check()));
  }
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

interface SiteIndex {
  readonly context: CheckContext;
  readonly briefingIds: ReadonlySet<string>;
  readonly tickersInUse: ReadonlySet<string>;
  readonly tagsInUse: ReadonlySet<string>;
}

/** Every finding of one file, given what the site as a whole contains. */
function checkFile(file: ContentFile, result: ReturnType<typeof readBriefingFrontmatter>, site: SiteIndex): Finding[] {
  const { context, briefingIds, tickersInUse, tagsInUse } = site;
  const findings: Finding[] = [];
  if (!result.ok) return [...result.findings];
  const { frontmatter, block } = result;
  const lineOffset = block.bodyStartLine - 1;
  const at = (node: { position?: { start: { line: number; column: number } } | undefined }) => ({
    line: (node.position?.start.line ?? 1) + lineOffset,
    column: node.position?.start.column ?? 1,
  });

  frontmatter.tickers.forEach((symbol, index) => {
    if (!context.tickers.has(symbol)) {
      const line = lineOf(file.source, new RegExp(`^tickers:|^\\s*-\\s*${escapeRegExp(symbol)}\\s*$`));
      findings.push({
        file: file.path,
        line,
        column: 1,
        severity: 'warning',
        field: `tickers[${index}]`,
        message: `"${symbol}" is not in content/tickers.yaml: its pages will show the symbol without a company name`,
      });
    }
  });

  if (frontmatter.market) {
    const rows = context.series?.(frontmatter.market.symbol);
    const line = lineOf(file.source, /^market:/);
    const completed = completeSnapshot(frontmatter.market, rows);
    if ('error' in completed) {
      findings.push({
        file: file.path,
        line,
        column: 1,
        severity: 'error',
        field: 'market',
        message: completed.error,
      });
    } else if (rows) {
      const derived = deriveSnapshot(rows, dayOf(frontmatter.market.asOf));
      if (!('missing' in derived)) {
        for (const difference of snapshotDisagreements(frontmatter.market, derived)) {
          findings.push({
            file: file.path,
            line,
            column: 1,
            severity: 'warning',
            field: 'market',
            message: `${difference} in content/market/${frontmatter.market.symbol}.csv on ${dayOf(frontmatter.market.asOf)}`,
          });
        }
      }
    }
  }

  let tree: Root;
  try {
    tree = processor.runSync(processor.parse(block.body)) as Root;
  } catch (error) {
    const place = (error as { place?: { line?: number; column?: number; start?: { line: number; column: number } } })
      .place;
    // Positions in the parser's message count from the body: make them lines of the file.
    const reason = ((error as { reason?: string }).reason ?? String(error)).replace(
      /\((\d+):(\d+)-(\d+):(\d+)\)/g,
      (_, l1: string, c1: string, l2: string, c2: string) =>
        `(${Number(l1) + lineOffset}:${c1}-${Number(l2) + lineOffset}:${c2})`,
    );
    const opening = /\((\d+):(\d+)-/.exec(reason);
    const line = opening ? Number(opening[1]) : (place?.start?.line ?? place?.line ?? 1) + lineOffset;
    const column = opening ? Number(opening[2]) : (place?.start?.column ?? place?.column ?? 1);
    findings.push(finding(file.path, line, column, 'error', `MDX syntax: ${reason}`));
    return findings;
  }

  const imported = new Set<string>();
  visit(tree, 'mdxjsEsm', (node) => {
    const error = (message: string) =>
      findings.push(finding(file.path, at(node).line, at(node).column, 'error', message));
    for (const name of exportedNames(node.data?.estree)) {
      if (!ASTRO_MDX_EXPORTS.has(name)) continue;
      error(
        `export "${name}" is a name Astro gives every MDX page (${listOf([...ASTRO_MDX_EXPORTS].map((n) => `"${n}"`))}): rename it`,
      );
    }
    for (const match of node.value.matchAll(
      /import\s+(?:([\w$]+)|\{([^}]*)\}|\*\s+as\s+([\w$]+))?[\s,]*(?:\{([^}]*)\})?\s*(?:from\s+)?['"]([^'"]+)['"]/g,
    )) {
      const [, defaultName, named1, namespace, named2, specifier = ''] = match;
      for (const name of [
        defaultName,
        namespace,
        ...`${named1 ?? ''},${named2 ?? ''}`.split(',').map((part) =>
          part
            .trim()
            .split(/\s+as\s+/)
            .pop(),
        ),
      ]) {
        if (name) imported.add(name);
      }
      if (!context.resolves(specifier, file.path)) {
        error(`import "${specifier}" does not resolve: check the path and the file name`);
      }
    }
  });

  const slugger = new GithubSlugger();
  const anchors = new Set(collectParagraphs(tree).map((paragraph) => paragraph.id));
  visit(tree, 'heading', (node) => {
    anchors.add(slugger.slug(plainText(node)));
  });
  visit(tree, 'footnoteDefinition', (node) => {
    anchors.add(`user-content-fn-${node.identifier}`);
  });

  visit(tree, (node) => {
    const place = at(node as { position?: { start: { line: number; column: number } } });
    const report = (severity: Severity, message: string) =>
      findings.push(finding(file.path, place.line, place.column, severity, message));
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const jsx = node as unknown as JsxNode;
      const name = jsx.name ?? '';
      const attribute = (key: string) => jsx.attributes.find((candidate) => candidate.name === key)?.value;
      if (
        /^[A-Z]/.test(name) &&
        !(BUILT_IN_COMPONENTS as readonly string[]).includes(name) &&
        !imported.has(name.split('.')[0] ?? '')
      ) {
        report(
          'error',
          `<${name}> is not a known component: use ${listOf(BUILT_IN_COMPONENTS.map((c) => `<${c}>`))}, or import it`,
        );
      }
      if (name === 'Sponsored') {
        const sponsor = attribute('sponsor');
        if (typeof sponsor !== 'string' || sponsor.trim() === '') {
          report('error', '<Sponsored> needs its label: sponsor="Who paid for it", shown next to "Ad"');
        }
      }
      if (name === 'Ticker') {
        const symbol = attribute('symbol');
        if (typeof symbol !== 'string' || !tickersInUse.has(symbol)) {
          report(
            'warning',
            `<Ticker symbol="${String(symbol)}"> names a ticker no published briefing lists, so it will not link to a ticker page`,
          );
        }
      }
      if (name === 'PriceChart') {
        const ticker = attribute('ticker');
        if (typeof ticker !== 'string' || !context.series?.(ticker)) {
          report(
            'error',
            `<PriceChart ticker="${String(ticker)}"> has no market data: add content/market/${String(ticker)}.csv`,
          );
        }
      }
      if (name === 'img' && typeof attribute('alt') !== 'string') {
        report('error', '<img> has no alt attribute: describe the image, or alt="" if it is decoration');
      }
      return;
    }
    if (node.type === 'image') {
      if (!node.alt || node.alt.trim() === '') {
        report('error', `image ${node.url} has no alt text: write ![what it shows](${node.url})`);
      }
      if (node.url.startsWith('/') && !context.publicFileExists(node.url)) {
        report('error', `image ${node.url} does not exist in public/`);
      }
      return;
    }
    if (node.type === 'link') {
      const problem = internalLinkProblem(node.url, { briefingIds, tickersInUse, tagsInUse, anchors, context });
      if (problem) report('error', problem);
    }
  });

  if (Array.isArray(frontmatter.keyDevelopments)) {
    const body = collectParagraphs(tree)
      .map((paragraph) => paragraph.text)
      .join(' ');
    frontmatter.keyDevelopments.forEach((bullet, index) => {
      for (const figure of findFigures(bullet)) {
        if (!body.includes(figure.text)) {
          findings.push({
            file: file.path,
            line: lineOf(file.source, /^keyDevelopments:/),
            column: 1,
            severity: 'warning',
            field: `keyDevelopments[${index}]`,
            message: `"${figure.text}" does not appear in the body: readers cannot check it`,
          });
        }
      }
    });
  }
  return findings;
}

function internalLinkProblem(
  url: string,
  known: {
    briefingIds: ReadonlySet<string>;
    tickersInUse: ReadonlySet<string>;
    tagsInUse: ReadonlySet<string>;
    anchors: ReadonlySet<string>;
    context: CheckContext;
  },
): string | undefined {
  if (url.startsWith('#')) {
    return known.anchors.has(decodeURIComponent(url.slice(1)))
      ? undefined
      : `link to ${url}: no heading or paragraph on this page has that id`;
  }
  if (!url.startsWith('/') || url.startsWith('//')) return undefined;
  const path = url.split(/[?#]/)[0] ?? url;
  if (FIXED_PATHS.has(path)) return undefined;
  const briefing = /^\/briefings\/(.+?)\/?$/.exec(path);
  if (briefing)
    return known.briefingIds.has(briefing[1] ?? '')
      ? undefined
      : `link to ${url}: there is no briefing "${briefing[1]}"`;
  const ticker = /^\/tickers\/([^/]+)\/?$/.exec(path);
  if (ticker)
    return known.tickersInUse.has(ticker[1] ?? '')
      ? undefined
      : `link to ${url}: no briefing lists the ticker ${ticker[1]}, so that page does not exist`;
  const tag = /^\/tags\/([^/]+)\/?$/.exec(path);
  if (tag)
    return known.tagsInUse.has(tag[1] ?? '')
      ? undefined
      : `link to ${url}: no briefing has the tag ${tag[1]}, so that page does not exist`;
  if (/^\/(?:archive|authors|page|og)\//.test(path)) return undefined;
  if (!path.endsWith('/') && known.context.publicFileExists(path)) return undefined;
  return `link to ${url}: no page or file of the site has that path`;
}

/** "a, b or c" */
function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function finding(file: string, line: number, column: number, severity: Severity, message: string): Finding {
  return { file, line, column, severity, message };
}

function lineOf(source: string, pattern: RegExp): number {
  const index = source.split(/\r?\n/).findIndex((line) => pattern.test(line));
  return index === -1 ? 1 : index + 1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What Astro's MDX integration exports from every page module itself; an author's export of the same
 * name fails the bundler with a position in the generated code, not in the file.
 */
const ASTRO_MDX_EXPORTS: ReadonlySet<string> = new Set([
  'frontmatter',
  'file',
  'url',
  'getHeadings',
  'Content',
  'default',
]);

interface EstreeNode {
  readonly type: string;
  readonly [key: string]: unknown;
}

/** The names an ESM block of MDX exports, read from the syntax tree remark-mdx attaches to it. */
function exportedNames(program: unknown): string[] {
  const body = (program as { body?: readonly EstreeNode[] } | undefined)?.body ?? [];
  const nameOf = (node: unknown) => {
    const named = node as { name?: unknown; value?: unknown } | undefined;
    return typeof named?.name === 'string' ? named.name : typeof named?.value === 'string' ? named.value : undefined;
  };
  return body
    .flatMap((statement): (string | undefined)[] => {
      if (statement.type === 'ExportDefaultDeclaration') return ['default'];
      if (statement.type !== 'ExportNamedDeclaration') return [];
      const declaration = statement['declaration'] as
        { declarations?: readonly { id?: unknown }[]; id?: unknown } | null | undefined;
      const specifiers = (statement['specifiers'] as readonly { exported?: unknown }[] | undefined) ?? [];
      return [
        ...(declaration?.declarations?.map((declarator) => nameOf(declarator.id)) ?? []),
        nameOf(declaration?.id),
        ...specifiers.map((specifier) => nameOf(specifier.exported)),
      ];
    })
    .filter((name): name is string => name !== undefined);
}
