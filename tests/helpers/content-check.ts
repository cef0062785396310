/** The content check with a small, fixed site around it, for tests of one rule or one briefing. */
import { checkContent, type CheckContext, type ContentSource } from '../../src/content/check/index.ts';
import type { Finding } from '../../src/content/finding.ts';
import { routeOf } from '../../src/site/routes.ts';

/**
 * Checks `files` as a site with one author (`demo-writer`) and one known ticker (`AMZN`) would, every
 * public file present unless `context` says otherwise.
 */
export function checkWithSite(files: readonly ContentSource[], context: Partial<CheckContext> = {}): Finding[] {
  return checkContent(files, {
    authors: new Set(['demo-writer']),
    tickers: new Set(['AMZN']),
    publicFileExists: () => true,
    routeOf,
    ...context,
  });
}
