// @ts-check
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import compileReport from './src/build/integrations/compile-report.ts';
import devContentCheck from './src/build/integrations/dev-content-check.ts';
import ogCards from './src/build/integrations/card-integration.ts';
import pagefindIndex from './src/build/integrations/pagefind-integration.ts';
import siteOrigin from './src/build/integrations/site-origin.ts';
import { site } from './src/site.config.ts';
import { routeOf } from './src/site/routes.ts';
import { buildGlobals, carriedPageUrls } from './src/build/build-globals.ts';
import { cacheDir } from './src/build/build-cache.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  site: site.url,
  // Astro's content data store lives with the build's other caches, so one folder (`.cache/`, or
  // TICKERPRESS_CACHE_DIR) is all a rebuild needs to keep.
  cacheDir: cacheDir(root, 'astro'),
  trailingSlash: 'always',
  build: {
    // Stylesheets as files: cacheable by the CDN and allowed by a strict Content-Security-Policy.
    inlineStylesheets: 'never',
  },
  integrations: [
    siteOrigin(),
    devContentCheck(routeOf),
    mdx(),
    // Each briefing's latest change, noted when its view was built, as the URL's lastmod.
    sitemap({
      // Pages carried over from the last build (src/build/carried-pages.ts), which Astro never sees.
      customPages: carriedPageUrls(),
      serialize: (item) => {
        const lastmod = buildGlobals().lastModified?.get(item.url);
        return lastmod ? { ...item, lastmod } : item;
      },
    }),
    compileReport(),
    ogCards(),
    pagefindIndex(),
  ],
});
