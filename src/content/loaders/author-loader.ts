/** The authors collection: YAML files from the project's `content/authors/` and, if any, `CONTENT_DIR/authors/`. */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { parse } from 'yaml';
import { authorFiles, type ContentPaths } from '../content-folders.ts';

export function authorsLoader(paths: ContentPaths): Loader {
  return {
    name: 'tickerpress-authors',
    load: async ({ store, parseData, generateDigest, config }) => {
      const root = fileURLToPath(config.root);
      store.clear();
      for (const [id, file] of authorFiles(paths)) {
        const source = await readFile(file, 'utf8');
        const data = (parse(source, { schema: 'core' }) ?? {}) as Record<string, unknown>;
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
