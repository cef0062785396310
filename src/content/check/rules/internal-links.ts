/**
 * Rule: every link within the site leads somewhere: an anchor on the page, a briefing, ticker or tag
 * page that exists, a fixed page, or a file in `public/`.
 */
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';
import type { Finding } from '../../finding.ts';
import { collectParagraphs, plainText } from '../../../engine/text/paragraphs.ts';
import type { BodyRule, SiteIndex } from '../checked-file.ts';

export const internalLinks: BodyRule = ({ tree, findingAt }, site) => {
  const slugger = new GithubSlugger();
  const anchors = new Set(collectParagraphs(tree).map((paragraph) => paragraph.id));
  visit(tree, 'heading', (node) => {
    anchors.add(slugger.slug(plainText(node)));
  });
  visit(tree, 'footnoteDefinition', (node) => {
    anchors.add(`user-content-fn-${node.identifier}`);
  });
  const findings: Finding[] = [];
  visit(tree, 'link', (node) => {
    const problem = linkProblem(node.url, anchors, site);
    if (problem) findings.push(findingAt(node, 'error', problem));
  });
  return findings;
};

/**
 * A fragment as it is matched against the page's ids. A `%` that starts no escape (`#%`, `#50%`) or
 * escapes that are no UTF-8 (`#%E0`) make `decodeURIComponent` throw, which stopped the whole check;
 * such a fragment is compared as written instead.
 */
function decodedFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function linkProblem(url: string, anchors: ReadonlySet<string>, site: SiteIndex): string | undefined {
  if (url.startsWith('#')) {
    return anchors.has(decodedFragment(url.slice(1)))
      ? undefined
      : `link to ${url}: no heading or paragraph on this page has that id`;
  }
  if (!url.startsWith('/') || url.startsWith('//')) return undefined;
  const path = url.split(/[?#]/)[0] ?? url;
  const route = site.context.routeOf(path);
  switch (route.kind) {
    case 'fixed':
    case 'generated':
      return undefined;
    case 'briefing':
      return site.briefingIds.has(route.id) ? undefined : `link to ${url}: there is no briefing "${route.id}"`;
    case 'ticker':
      return site.tickersInUse.has(route.symbol)
        ? undefined
        : `link to ${url}: no briefing lists the ticker ${route.symbol}, so that page does not exist`;
    case 'tag':
      return site.tagsInUse.has(route.tag)
        ? undefined
        : `link to ${url}: no briefing has the tag ${route.tag}, so that page does not exist`;
    case 'unknown':
      if (!path.endsWith('/') && site.context.publicFileExists(path)) return undefined;
      return `link to ${url}: no page or file of the site has that path`;
  }
}
