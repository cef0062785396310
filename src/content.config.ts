import { defineCollection, reference } from 'astro:content';
import { file } from 'astro/loaders';
import { z } from 'astro/zod';
import { authorSchema, briefingSchemaWith, marketSnapshotSchema, tickerInfoSchema } from './content/schema/index.ts';
import { contentPaths } from './content/content-folders.ts';
import { authorsLoader } from './content/loaders/author-loader.ts';
import { briefingsLoader } from './content/loaders/briefing-loader.ts';
import { marketLoader, seriesDigest } from './content/loaders/market-loader.ts';
import { bodyRendererDigest, cachedBodyRenderer, noteBodiesInUse } from './build/body-cache.ts';
import { pooledBodyRenderer } from './build/body-pool.ts';
import { announceBriefingsRead } from './build/briefings-read.ts';
import { briefingBodyRenderer } from './site/briefing-body.ts';

/**
 * `CONTENT_DIR` points the build at another folder laid out like `content/` (its `briefings/`, and
 * optionally `authors/`); the project's own authors and ticker data still apply.
 */
const root = process.cwd();
const paths = contentPaths(root);

const authors = defineCollection({
  loader: authorsLoader(paths),
  schema: authorSchema,
});

const tickers = defineCollection({
  loader: file(paths.tickers),
  schema: tickerInfoSchema,
});

const rendererDigest = bodyRendererDigest(root);
const bodyRenderer = pooledBodyRenderer(root, paths, briefingBodyRenderer(paths, root));
const briefings = defineCollection({
  loader: briefingsLoader({
    base: paths.briefings,
    paths,
    renderBody: cachedBodyRenderer(root, rendererDigest, bodyRenderer.render, (symbol) => seriesDigest(paths, symbol)),
    rendererDigest,
    seriesDigest: (symbol) => seriesDigest(paths, symbol),
    bodiesInUse: (keys) => noteBodiesInUse(root, keys),
    loadingStarts: () => bodyRenderer.beginLoad(),
    loadingDone: () => bodyRenderer.release(),
    briefingsRead: announceBriefingsRead,
  }),
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
