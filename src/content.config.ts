import { defineCollection, reference } from 'astro:content';
import { file } from 'astro/loaders';
import { z } from 'astro/zod';
import { authorSchema, briefingSchemaWith, marketSnapshotSchema, tickerInfoSchema } from './content/schema/index.ts';
import { contentPaths } from './content/content-folders.ts';
import { authorsLoader } from './content/loaders/author-loader.ts';
import { briefingsLoader, type RenderBriefingBody } from './content/loaders/briefing-loader.ts';
import { marketLoader, readSeries, seriesDigest } from './content/loaders/market-loader.ts';
import { bodyRendererDigest, cachedBodyRenderer, noteBodiesInUse } from './build/body-cache.ts';
import { renderBody } from './markdown/body-html.ts';
import { KEY_DEVELOPMENTS_FIELD } from './markdown/plugins/remark-key-developments.ts';
import { bodyComponents } from './site/body-components.ts';

/**
 * `CONTENT_DIR` points the build at another folder laid out like `content/` (its `briefings/`, and
 * optionally `authors/`); the project's own authors and ticker data still apply.
 */
const root = process.cwd();
const paths = contentPaths(root);

/** A briefing's body as HTML, with the components drawn and the market series its charts used noted. */
const renderBriefingBody: RenderBriefingBody = async (source, filePath, frontmatter) => {
  const charted = new Set<string>();
  const pricesOf = (symbol: string) => {
    charted.add(symbol);
    return readSeries(paths, root, symbol);
  };
  const body = await renderBody(source, { filePath, frontmatter, components: bodyComponents({ pricesOf }) });
  return {
    html: body.html,
    headings: body.headings,
    keyDevelopmentsBox: body.frontmatter[KEY_DEVELOPMENTS_FIELD],
    charted: [...charted].sort().map((symbol) => ({ symbol, digest: seriesDigest(paths, symbol) })),
  };
};

const authors = defineCollection({
  loader: authorsLoader(paths),
  schema: authorSchema,
});

const tickers = defineCollection({
  loader: file(paths.tickers),
  schema: tickerInfoSchema,
});

const briefings = defineCollection({
  loader: briefingsLoader({
    base: paths.briefings,
    paths,
    renderBody: cachedBodyRenderer(root, renderBriefingBody, (symbol) => seriesDigest(paths, symbol)),
    rendererDigest: bodyRendererDigest(root),
    seriesDigest: (symbol) => seriesDigest(paths, symbol),
    bodiesInUse: (keys) => noteBodiesInUse(root, keys),
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
