/**
 * The Markdown pipeline of every briefing: the one list of remark and rehype plugins, shared by the
 * Astro config and by the worker threads that compile MDX in parallel (`mdx-worker.ts`).
 */
import { rehypeHeadingIds, type unified } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import remarkGfm from 'remark-gfm';
import { site } from '../site.config.ts';
import remarkChartEvents from './chart-events.ts';
import remarkKeyDevelopments from './key-developments.ts';
import remarkSponsored from './sponsored.ts';
import remarkTableAlignment from './table-alignment.ts';

export const markdownPipeline: NonNullable<Parameters<typeof unified>[0]> = {
  // remark-gfm is the one GFM provider (tables, footnotes, strikethrough, autolinks).
  gfm: false,
  remarkPlugins: [
    remarkGfm,
    remarkSponsored,
    remarkTableAlignment,
    [remarkKeyDevelopments, { count: site.keyDevelopmentsCount }],
    remarkChartEvents,
  ],
  rehypePlugins: [
    rehypeHeadingIds,
    [rehypeAutolinkHeadings, { behavior: 'wrap', properties: { className: ['heading-anchor'] } }],
  ],
};

/**
 * What the output of the pipeline depends on besides a file's own text, relative to the project root:
 * part of the key of every compiled file in the cache.
 */
export const PIPELINE_SOURCES = [
  'src/remark',
  'src/lib',
  'src/site.config.ts',
  'astro.config.mjs',
  'package-lock.json',
] as const;
