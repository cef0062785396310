/**
 * Logs what compiling the briefings cost in the build: how many MDX files were compiled or came from the
 * cache, and how long choosing key developments took (the remark plugin keeps the count). Stops the
 * compiler's worker threads once the pages are rendered.
 */
import type { AstroIntegration } from 'astro';

export default function compileReport(): AstroIntegration {
  return {
    name: 'tickerpress-compile-report',
    hooks: {
      'astro:build:generated': async ({ logger }) => {
        const mdx = globalThis.__tickerpressMdx;
        if (mdx) {
          const workers = mdx.pool ? ` in ${mdx.pool.size} worker threads` : '';
          logger.info(`MDX files: ${mdx.compiled} compiled${workers}, ${mdx.cached} from the cache`);
          await mdx.pool?.close();
          globalThis.__tickerpressMdx = undefined;
        }
        const timing = globalThis.__tickerpressKeyDevelopments;
        if (timing && timing.briefings > 0) {
          const each = (milliseconds: number) => (milliseconds / timing.briefings).toFixed(2);
          logger.info(
            `key developments: ${timing.briefings} briefings in ${(timing.milliseconds / 1000).toFixed(1)} s (${each(timing.milliseconds)} ms each; ${each(timing.cpuMilliseconds)} ms of CPU time each)`,
          );
        }
        globalThis.__tickerpressKeyDevelopments = undefined;
      },
    },
  };
}
