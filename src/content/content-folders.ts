/**
 * Where content lives. The project's `content/` always supplies authors and ticker data; `CONTENT_DIR`
 * points the build at other briefings, and may bring authors of its own (`CONTENT_DIR/authors/*.yaml`).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ContentPaths {
  /** Folder of the briefings to build. */
  readonly briefings: string;
  /** Folders of author files, the project's first. */
  readonly authors: readonly string[];
  /** The ticker data file. */
  readonly tickers: string;
  /** Folder of daily market data, `<SYMBOL>.csv`. */
  readonly market: string;
}

export function contentPaths(root: string, contentDir: string | undefined = process.env['CONTENT_DIR']): ContentPaths {
  const projectContent = resolve(root, 'content');
  const content = resolve(root, contentDir ?? 'content');
  const extraAuthors = join(content, 'authors');
  return {
    briefings: join(content, 'briefings'),
    authors: [
      join(projectContent, 'authors'),
      ...(content !== projectContent && existsSync(extraAuthors) ? [extraAuthors] : []),
    ],
    tickers: join(projectContent, 'tickers.yaml'),
    market: join(projectContent, 'market'),
  };
}

/** Author files by id (file name without `.yaml`); a later folder's file replaces an earlier one's. */
export function authorFiles(paths: ContentPaths): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of paths.authors) {
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.yaml'))) {
      files.set(name.replace(/\.yaml$/, ''), join(dir, name));
    }
  }
  return files;
}

/** Market data files by symbol. */
export function marketFiles(paths: ContentPaths): Map<string, string> {
  if (!existsSync(paths.market)) return new Map();
  return new Map(
    readdirSync(paths.market)
      .filter((name) => name.endsWith('.csv'))
      .map((name) => [name.replace(/\.csv$/, ''), join(paths.market, name)]),
  );
}
