/** Rule: every Markdown image has alt text, and a local one exists in `public/`. */
import { visit } from 'unist-util-visit';
import type { Finding } from '../../finding.ts';
import type { BodyRule } from '../checked-file.ts';

export const markdownImages: BodyRule = ({ tree, findingAt }, { context }) => {
  const findings: Finding[] = [];
  visit(tree, 'image', (node) => {
    if (!node.alt || node.alt.trim() === '') {
      findings.push(findingAt(node, 'error', `image ${node.url} has no alt text: write ![what it shows](${node.url})`));
    }
    if (node.url.startsWith('/') && !context.publicFileExists(node.url)) {
      findings.push(findingAt(node, 'error', `image ${node.url} does not exist in public/`));
    }
  });
  return findings;
};
