/**
 * A briefing's rendered HTML made fit for feed readers: sponsored blocks, scripts and styles removed,
 * every link and image made absolute, heading anchors unwrapped.
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';

const REMOVED_TAGS = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript']);
const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite'];

function isRemoved(node: Element): boolean {
  return REMOVED_TAGS.has(node.tagName) || node.properties['dataSponsored'] !== undefined;
}

function absolute(value: unknown, base: string): unknown {
  if (typeof value !== 'string' || value.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  return new URL(value, base).href;
}

function clean(nodes: RootContent[], base: string): RootContent[] {
  const result: RootContent[] = [];
  for (const node of nodes) {
    if (node.type === 'comment' || node.type === 'doctype') continue;
    if (node.type !== 'element') {
      result.push(node);
      continue;
    }
    if (isRemoved(node)) continue;
    for (const attribute of URL_ATTRIBUTES) {
      if (attribute in node.properties)
        node.properties[attribute] = absolute(node.properties[attribute], base) as string;
    }
    if (typeof node.properties['srcSet'] === 'string' || Array.isArray(node.properties['srcSet'])) {
      const srcset = ([] as string[]).concat(node.properties['srcSet'] as string | string[]).join(', ');
      node.properties['srcSet'] = srcset
        .split(',')
        .map((candidate) => {
          const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
          return [absolute(url, base), ...descriptor].join(' ');
        })
        .join(', ');
    }
    // Event handlers never reach a feed.
    node.properties = Object.fromEntries(Object.entries(node.properties).filter(([key]) => !/^on[A-Z]/.test(key)));
    node.children = clean(node.children as RootContent[], base) as Element['children'];
    const classes = node.properties['className'];
    if (node.tagName === 'a' && Array.isArray(classes) && classes.includes('heading-anchor')) {
      result.push(...(node.children as RootContent[]));
      continue;
    }
    result.push(node);
  }
  return result;
}

/** Cleans `html` (a fragment) for a feed; relative URLs resolve against `pageUrl`. */
export function feedHtml(html: string, pageUrl: string): string {
  const tree: Root = fromHtml(html, { fragment: true });
  tree.children = clean(tree.children, pageUrl);
  return toHtml(tree).trim();
}
