/**
 * The briefings collection's loader: Astro's glob loader, with frontmatter read and checked by
 * `src/content/frontmatter.ts` so that a bad briefing fails the build naming its file, line and field.
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

export interface BriefingsLoaderOptions {
  /** Folder holding `*.mdx` briefings (files starting with `_` are ignored). */
  readonly base: string;
  /** Where the author files are; their names are the valid author ids. */
  readonly paths: ContentPaths;
}

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
  const inner = glob({ pattern: '**/[^_]*.mdx', base: options.base });
  return {
    name: 'tickerpress-briefings',
    load: async (context) => {
      const started = performance.now();
      const root = fileURLToPath(context.config.root);
      const authors = new Set(authorFiles(options.paths).keys());
      let parsed = 0;
      await inner.load({
        ...context,
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
          parsed += 1;
          return context.parseData({ ...props, data: data as typeof props.data });
        },
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      context.logger.info(
        `${context.store.keys().length} briefings loaded in ${seconds} s (${parsed} read, the rest unchanged)`,
      );
    },
  };
}
