/**
 * How the briefings loader renders a body (`src/content/loaders/briefing-loader.ts`): the pipeline's
 * renderer with the site's components, noting the market series its charts were drawn from so that a
 * change to one renders the body again. Listed in the rendered bodies' cache key (`CACHE_SOURCES.bodies`).
 */
import type { ContentPaths } from '../content/content-folders.ts';
import type { RenderBriefingBody } from '../content/rendered-body.ts';
import { readSeries, seriesDigest } from '../content/loaders/market-loader.ts';
import { renderBody } from '../markdown/body-html.ts';
import { KEY_DEVELOPMENTS_FIELD } from '../markdown/plugins/remark-key-developments.ts';
import { bodyComponents } from './body-components.ts';

export function briefingBodyRenderer(paths: ContentPaths, root: string): RenderBriefingBody {
  return async (source, filePath, frontmatter) => {
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
}
