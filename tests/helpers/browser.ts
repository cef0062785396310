/** What the browser tests check on a page, beyond what they see: accessibility by axe-core. */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * The page's WCAG 2.1 A and AA violations found by axe, as "rule: targets" lines. axe runs from a
 * test-only script added through the DevTools protocol, which the page's CSP does not govern.
 */
export async function wcagViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  });
}
