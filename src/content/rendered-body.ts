/**
 * A briefing's body as the content layer stores it: rendered to HTML when the briefing loads
 * (`loaders/briefing-loader.ts`), with what the page reads of it beside the HTML. The renderer itself
 * is the site's (`src/site/briefing-body.ts`), handed to the loader by `src/content.config.ts`.
 */

/** A briefing's body as rendered when it loads. */
export interface BriefingBody {
  readonly html: string;
  readonly headings: readonly { readonly depth: number; readonly slug: string; readonly text: string }[];
  /** The key-developments box the pipeline chose while rendering. */
  readonly keyDevelopmentsBox: unknown;
  /** The market series its charts were drawn from, each with the digest of its data then. */
  readonly charted: readonly { readonly symbol: string; readonly digest: string }[];
  /** Where a cache in front of the renderer keeps it, if one does. */
  readonly cacheKey?: string | undefined;
}

/** Renders a briefing's source (frontmatter included) read from `filePath`, given its frontmatter. */
export type RenderBriefingBody = (
  source: string,
  filePath: string,
  frontmatter: Record<string, unknown>,
) => Promise<BriefingBody>;

/** Where an entry's `rendered.metadata` carries its key-developments box. */
export const KEY_DEVELOPMENTS_METADATA = 'keyDevelopmentsBox';
