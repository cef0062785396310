/**
 * The briefings collection's loader: Astro's glob loader, with frontmatter read and checked by
 * `src/content/frontmatter.ts` so that a bad briefing fails the build naming its file, line and field,
 * and with each body rendered to HTML as it loads (`renderBody`, wired in `src/content.config.ts`). The
 * HTML is stored with the entry (`rendered`), so Astro's bundle holds no module per briefing: the page,
 * its feed items and its search record use that one HTML.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { glob, type Loader } from 'astro/loaders';
import { authorFiles, type ContentPaths } from '../content-folders.ts';
import { completeSnapshot } from '../../engine/price-history.ts';
import { readSeries } from './market-loader.ts';
import { displayPath, formatFinding, type Finding } from '../finding.ts';
import { readBriefingFrontmatter } from '../frontmatter.ts';
import { readSourceText } from '../source-text.ts';
import { KEY_DEVELOPMENTS_METADATA, type BriefingBody, type RenderBriefingBody } from '../rendered-body.ts';

export interface BriefingsLoaderOptions {
  /** Folder holding `*.mdx` briefings (files starting with `_` are ignored). */
  readonly base: string;
  /** Where the author files are; their names are the valid author ids. */
  readonly paths: ContentPaths;
  readonly renderBody: RenderBriefingBody;
  /** The renderer's code digest: when it changes, every stored body is rendered again. */
  readonly rendererDigest: string;
  /** A symbol's market data as it is now: a body charting older data is rendered again. */
  readonly seriesDigest: (symbol: string) => string;
  /** Told, once loading is done, the cache keys of every briefing's body: what a cache must keep. */
  readonly bodiesInUse?: (cacheKeys: ReadonlySet<string>) => void;
  /** Called as loading begins: the renderer may start threads while it lasts. */
  readonly loadingStarts?: () => void;
  /** Called once loading is done, failed or not: the renderer stops its threads. */
  readonly loadingDone?: () => Promise<void>;
  /**
   * Told, once every briefing has loaded, the ids of those read from their files (new, changed, or whose
   * stored body was outdated), the others being as the last build stored them: a build can start on what
   * it knows these change while the pages are still to render.
   */
  readonly briefingsRead?: (ids: readonly string[]) => void;
}

const RENDERER_META = 'body-renderer';

/** Thrown when briefings are invalid; its message lists one `path:line:column: error: …` per problem. */
export class BriefingValidationError extends Error {
  override name = 'BriefingValidationError';
  /** Where Astro's error overlay and log point: the first problem's file, line and column. */
  readonly loc: { file: string; line: number; column: number };

  constructor(findings: readonly Finding[], absolutePath: string) {
    super(`Invalid briefing:\n${findings.map(formatFinding).join('\n')}`);
    const first = findings[0];
    this.loc = { file: absolutePath, line: first?.line ?? 1, column: first?.column ?? 1 };
  }
}

export function briefingsLoader(options: BriefingsLoaderOptions): Loader {
  // The body's text is not kept with the entry: pages read the HTML rendered from it (`rendered`), and
  // the store, which Astro writes out and loads whole, stays about half the size.
  const inner = glob({ pattern: '**/[^_]*.mdx', base: options.base, retainBody: false });
  return {
    name: 'tickerpress-briefings',
    load: async (context) => {
      const started = performance.now();
      const root = fileURLToPath(context.config.root);
      const authors = new Set(authorFiles(options.paths).keys());
      const read: string[] = [];
      const { store, meta } = context;
      // An entry is read again (and its body rendered) only when its file changed, unless the renderer
      // or the market data its charts were drawn from changed since: such entries are dropped first.
      if (meta.get(RENDERER_META) !== options.rendererDigest) {
        store.clear();
        meta.set(RENDERER_META, options.rendererDigest);
      }
      for (const entry of store.values()) {
        const charted = (entry.rendered?.metadata?.['charted'] ?? []) as BriefingBody['charted'];
        if (charted.some(({ symbol, digest }) => options.seriesDigest(symbol) !== digest)) store.delete(entry.id);
      }
      const bodies = new Map<string, BriefingBody>();
      options.loadingStarts?.();
      try {
        await loadBriefings();
      } finally {
        await options.loadingDone?.();
      }
      const cacheKeys = store.values().flatMap((entry) => entry.rendered?.metadata?.['cacheKey'] ?? []);
      options.bodiesInUse?.(new Set(cacheKeys.filter((key): key is string => typeof key === 'string')));
      options.briefingsRead?.(read);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      context.logger.info(
        `${context.store.keys().length} briefings loaded in ${seconds} s (${read.length} read, the rest unchanged)`,
      );

      async function loadBriefings(): Promise<void> {
        await inner.load({
          ...context,
          // The glob loader stores an MDX file as a module to compile (`deferredRender`): its body is stored
          // rendered instead.
          store: {
            ...store,
            set: (entry) => {
              const body = bodies.get(entry.id);
              if (!body) return store.set(entry);
              bodies.delete(entry.id);
              return store.set({
                ...entry,
                deferredRender: false,
                rendered: {
                  html: body.html,
                  metadata: {
                    headings: [...body.headings],
                    imagePaths: [],
                    [KEY_DEVELOPMENTS_METADATA]: body.keyDevelopmentsBox,
                    charted: body.charted,
                    cacheKey: body.cacheKey,
                  },
                },
              });
            },
          },
          parseData: async (props) => {
            if (!props.filePath) return context.parseData(props);
            // As the check reads it: no byte-order mark, `\n` line endings, and bytes that are not text
            // refused at their place before anything parses or compiles them (`source-text.ts`).
            const file = displayPath(root, props.filePath);
            const { text: source, problem } = readSourceText(await readFile(props.filePath));
            if (problem) {
              throw new BriefingValidationError(
                [{ file, line: problem.line, column: problem.column, severity: 'error', message: problem.message }],
                props.filePath,
              );
            }
            const result = readBriefingFrontmatter(source, { file, authors });
            if (!result.ok) throw new BriefingValidationError(result.findings, props.filePath);
            const data = { ...result.raw };
            const market = result.frontmatter.market;
            if (market) {
              const completed = completeSnapshot(market, readSeries(options.paths, root, market.symbol));
              if ('error' in completed) {
                const line = source.split('\n').findIndex((text) => /^market:/.test(text)) + 1;
                throw new BriefingValidationError(
                  [{ file, line, column: 1, severity: 'error', field: 'market', message: completed.error }],
                  props.filePath,
                );
              }
              data['market'] = completed.snapshot;
            }
            read.push(props.id);
            bodies.set(props.id, await options.renderBody(source, props.filePath, { ...result.raw }));
            return context.parseData({ ...props, data: data as typeof props.data });
          },
        });
      }
    },
  };
}
