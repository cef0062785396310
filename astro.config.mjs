// @ts-check
import mdx from '@astrojs/mdx';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import remarkGfm from 'remark-gfm';
import keyDevelopmentsReport from './src/integrations/key-developments-report.ts';
import ogCards from './src/integrations/og-cards.ts';
import pagefindIndex from './src/integrations/pagefind.ts';
import remarkChartEvents from './src/remark/chart-events.ts';
import remarkKeyDevelopments from './src/remark/key-developments.ts';
import remarkSponsored from './src/remark/sponsored.ts';
import remarkTableAlignment from './src/remark/table-alignment.ts';
import { site } from './src/site.config.ts';

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  build: {
    // Stylesheets as files: cacheable by the CDN and allowed by a strict Content-Security-Policy.
    inlineStylesheets: 'never',
  },
  markdown: {
    processor: unified({
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
    }),
  },
  integrations: [mdx(), sitemap(), keyDevelopmentsReport(), ogCards(), pagefindIndex()],
  vite: {
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          // Every .mdx module carries this directive; the bundler's warning about it is noise.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
