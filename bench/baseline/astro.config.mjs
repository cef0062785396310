// @ts-check
// The plain Astro + MDX baseline the benchmark compares against: same Markdown processor and plugins
// (unified + remark-gfm), minimal layout, no cards, search, feeds or key developments.
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';

// BASELINE_PROCESSOR=satteri measures Astro's default Markdown processor instead, for comparison.
const satteri = process.env.BASELINE_PROCESSOR === 'satteri';

export default defineConfig({
  site: 'https://baseline.example',
  ...(satteri ? {} : { markdown: { processor: unified({ gfm: false, remarkPlugins: [remarkGfm] }) } }),
  integrations: [mdx()],
  vite: {
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
