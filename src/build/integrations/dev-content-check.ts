/**
 * The content check in `npm run dev`. Astro keeps serving the last good version of a briefing whose
 * frontmatter has become invalid, and says so only in the terminal; an author looking at the browser
 * would never know. So the dev server runs the same check as the build (`content-check-run.ts`) at start
 * and after every change under the content folders, keeps its findings where every page can read them
 * (`previewFindings()`, shown by `ContentFindings.astro`), and reloads open pages when they change.
 */
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { AstroIntegration } from 'astro';
import { contentPaths } from '../../content/content-folders.ts';
import { formatFinding } from '../../content/finding.ts';
import { buildGlobals } from '../build-globals.ts';
import { runContentCheck, type ContentCheckOptions } from '../content-check-run.ts';

export default function devContentCheck(routeOf: ContentCheckOptions['routeOf']): AstroIntegration {
  let isDevServer = false;
  return {
    name: 'tickerpress-dev-content-check',
    hooks: {
      'astro:config:setup': ({ command }) => {
        isDevServer = command === 'dev';
      },
      'astro:server:setup': ({ server, logger }) => {
        // Astro may start a Vite server inside a build too; the preview's check belongs to `astro dev` only.
        if (!isDevServer) return;
        const root = server.config.root;
        const paths = contentPaths(root);
        // public/ too: a briefing's `image.src` is checked against the files there.
        const watched = [paths.briefings, ...paths.authors, paths.tickers, paths.market, join(root, 'public')];
        server.watcher.add(watched);

        /** Runs the check; says whether open pages must reload to show a change in its findings. */
        const check = (): boolean => {
          let findings;
          try {
            findings = runContentCheck({ root, routeOf }).findings;
          } catch (error) {
            // The check failing must not take the preview down with it; the build would report it.
            logger.error(`the content check failed: ${error instanceof Error ? error.message : String(error)}`);
            return false;
          }
          const globals = buildGlobals();
          if (isDeepStrictEqual(globals.previewFindings, findings)) return false;
          const first = globals.previewFindings === undefined;
          globals.previewFindings = findings;
          const errors = findings.filter((finding) => finding.severity === 'error');
          if (errors.length > 0) {
            logger.error(
              `${errors.length === 1 ? 'a content error' : `${errors.length} content errors`}, shown on every page until fixed:\n${errors.map(formatFinding).join('\n')}`,
            );
          } else if (!first) {
            logger.info('the content check passes again');
          }
          return !first;
        };
        check();

        // Checked at once, ahead of Astro's own handlers (whose content sync reloads the page): a page
        // reloaded for the change must already find the new findings, as a reload asked for while the
        // page is still loading is lost. The check reads unchanged files' findings from its cache.
        const onChange = (file: string) => {
          if (!watched.some((path) => file === path || file.startsWith(`${path}/`))) return;
          if (check()) server.ws.send({ type: 'full-reload', path: '*' });
        };
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.prependListener(event, onChange);
      },
    },
  };
}
