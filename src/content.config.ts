import { defineCollection, reference } from 'astro:content';
import { file } from 'astro/loaders';
import { z } from 'astro/zod';
import { authorSchema, briefingSchemaWith, marketSnapshotSchema, tickerInfoSchema } from './content/schema/index.ts';
import { contentPaths } from './content/content-folders.ts';
import { authorsLoader } from './content/loaders/author-loader.ts';
import { briefingsLoader } from './content/loaders/briefing-loader.ts';
import { marketLoader } from './content/loaders/market-loader.ts';

/**
 * `CONTENT_DIR` points the build at another folder laid out like `content/` (its `briefings/`, and
 * optionally `authors/`); the project's own authors and ticker data still apply.
 */
const paths = contentPaths(process.cwd());

const authors = defineCollection({
  loader: authorsLoader(paths),
  schema: authorSchema,
});

const tickers = defineCollection({
  loader: file(paths.tickers),
  schema: tickerInfoSchema,
});

const briefings = defineCollection({
  loader: briefingsLoader({ base: paths.briefings, paths }),
  schema: briefingSchemaWith(reference('authors'), marketSnapshotSchema),
});

/** Daily prices per symbol from `content/market/<SYMBOL>.csv`. */
const market = defineCollection({
  loader: marketLoader(paths),
  schema: z.object({
    /** Trading days, ascending. */
    rows: z.array(
      z.object({
        date: z.string(),
        open: z.number(),
        high: z.number(),
        low: z.number(),
        close: z.number(),
        volume: z.number(),
      }),
    ),
  }),
});

export const collections = { authors, tickers, briefings, market };
