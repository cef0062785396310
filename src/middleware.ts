/**
 * Runs for every page and file a build renders, and for none that the incremental build copies from the
 * last build: it counts them, for the build log's `pages: N rendered, M reused`.
 */
import { defineMiddleware } from 'astro:middleware';
import { buildGlobals, buildProjectRoot, countRenderedPage } from './build/build-globals.ts';
import { markRenderingStarted } from './build/incremental-state.ts';

export const onRequest = defineMiddleware((_context, next) => {
  // The first page of a build: from here until the build is done, its incremental state is in flux. (The
  // mode, not NODE_ENV, tells a build from the dev server: see `isDevServer` in src/site/collections.ts.)
  const building = import.meta.env.MODE !== 'development';
  if (building && buildGlobals().pagesRendered === undefined) markRenderingStarted(buildProjectRoot());
  countRenderedPage();
  return next();
});
