/**
 * Runs for every page and file a build renders, and for none that is carried over from the last build
 * (`src/build/carried-pages.ts`): it counts them, for the build log's `pages: N rendered, M reused`.
 */
import { defineMiddleware } from 'astro:middleware';
import { countRenderedPage } from './build/build-globals.ts';

export const onRequest = defineMiddleware((_context, next) => {
  countRenderedPage();
  return next();
});
