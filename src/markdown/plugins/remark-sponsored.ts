/**
 * Inside a `<Sponsored>` block, every link gets `rel="sponsored noopener"`, so authors write plain
 * Markdown links and search engines still see the relationship.
 */
// Declares `data.hProperties` on mdast nodes.
import type {} from 'mdast-util-to-hast';
import type { Root, Nodes } from 'mdast';
import { visit } from 'unist-util-visit';

export const SPONSORED_COMPONENT = 'Sponsored';

interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
}

export function isSponsoredNode(node: { type: string }): boolean {
  return (
    (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
    (node as JsxElement).name === SPONSORED_COMPONENT
  );
}

export default function remarkSponsored() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (!isSponsoredNode(node)) return;
      visit(node as Nodes, 'link', (link) => {
        link.data = { ...link.data, hProperties: { ...link.data?.hProperties, rel: ['sponsored', 'noopener'] } };
      });
    });
  };
}
