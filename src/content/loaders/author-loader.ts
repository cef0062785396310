/** The authors collection: YAML files from the project's `content/authors/` and, if any, `CONTENT_DIR/authors/`. */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parse, YAMLError } from 'yaml';
import { authorFiles, type ContentPaths } from '../content-folders.ts';
import { formatFinding } from '../finding.ts';

/**
 * An author file's YAML as data. A syntax error, or an alias with no anchor before it (which yaml throws
 * only while building the value), becomes one error naming the file, line and column, not a bare stack.
 */
export function readAuthorYaml(source: string, file: string): Record<string, unknown> {
  try {
    return (parse(source, { schema: 'core' }) ?? {}) as Record<string, unknown>;
  } catch (error) {
    const position = error instanceof YAMLError ? error.linePos?.[0] : undefined;
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    throw new Error(
      formatFinding({
        file,
        line: position?.line ?? 1,
        column: position?.col ?? 1,
        severity: 'error',
        message: `YAML: ${message.replace(/ at line \d+, column \d+:?$/, '')}`,
      }),
      { cause: error },
    );
  }
}

export function authorsLoader(paths: ContentPaths): Loader {
  return {
    name: 'tickerpress-authors',
    load: async ({ store, parseData, generateDigest, config }) => {
      const root = fileURLToPath(config.root);
      store.clear();
      for (const [id, file] of authorFiles(paths)) {
        const source = await readFile(file, 'utf8');
        const data = readAuthorYaml(source, relative(root, file));
        store.set({
          id,
          data: await parseData({ id, data, filePath: file }),
          digest: generateDigest(source),
          filePath: relative(root, file),
        });
      }
    },
  };
}
