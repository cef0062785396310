/**
 * The Markdown pipeline of every briefing: the one list of remark and rehype plugins, which
 * `body-html.ts` runs to render each body to HTML as briefings load.
 */
import { rehypeHeadingIds, type unified } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import remarkGfm from 'remark-gfm';
import { site } from '../site.config.ts';
import remarkChartEvents from './plugins/remark-chart-events.ts';
import remarkContentGuard from './plugins/remark-content-guard.ts';
import remarkKeyDevelopments from './plugins/remark-key-developments.ts';
import remarkSmartypants from './plugins/remark-smartypants.ts';
import remarkSponsored from './plugins/remark-sponsored.ts';
import remarkTableAlignment from './plugins/remark-table-alignment.ts';
import rehypeTaskListLabels from './plugins/rehype-task-list-labels.ts';

export const markdownPipeline: NonNullable<Parameters<typeof unified>[0]> = {
  // remark-gfm is the one GFM provider (tables, footnotes, strikethrough, autolinks).
  gfm: false,
  // Astro's smart punctuation takes time quadratic in a briefing's length; ours, first in the list
  // where Astro runs its own, makes the same text in linear time (`plugins/remark-smartypants.ts`).
  smartypants: false,
  remarkPlugins: [
    // First: refuses code and unusable component attributes before anything else reads the body.
    remarkContentGuard,
    remarkSmartypants,
    remarkGfm,
    remarkSponsored,
    remarkTableAlignment,
    [remarkKeyDevelopments, { count: site.keyDevelopmentsCount, locale: site.locale }],
    remarkChartEvents,
  ],
  rehypePlugins: [
    rehypeHeadingIds,
    // GFM's task list checkboxes have no label: named after their item (axe's `label` rule).
    rehypeTaskListLabels,
    [rehypeAutolinkHeadings, { behavior: 'wrap', properties: { className: ['heading-anchor'] } }],
  ],
};
