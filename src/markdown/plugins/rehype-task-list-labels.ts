/**
 * Names the checkbox of each GFM task list item (`- [x] done`) after the item's own text, so assistive
 * technology says what is done or open ("Read the release, checkbox, checked") and axe's `label` rule
 * passes. GFM renders the checkbox with no label; it stays as GFM renders it, disabled (a briefing's
 * task list is a statement, not a form). The name is `aria-label`: it needs no ids, unique per page, and
 * no `<label>` around content that may hold links or paragraphs.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** The text of an item, without the items of a list nested in it (they have checkboxes of their own). */
function ownText(nodes: readonly ElementContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.value;
      if (node.type !== 'element' || node.tagName === 'ul' || node.tagName === 'ol') return ' ';
      return ` ${ownText(node.children)} `;
    })
    .join('');
}

/** The item's checkbox: its first child, or the first child of its first paragraph in a loose list. */
function checkboxOf(item: Element): Element | undefined {
  const first = item.children.find((child) => child.type === 'element');
  const candidate = first?.tagName === 'p' ? first.children.find((child) => child.type === 'element') : first;
  return candidate?.tagName === 'input' && candidate.properties['type'] === 'checkbox' ? candidate : undefined;
}

export default function rehypeTaskListLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (item) => {
      if (item.tagName !== 'li') return;
      const classes = item.properties['className'];
      if (!Array.isArray(classes) || !classes.includes('task-list-item')) return;
      const checkbox = checkboxOf(item);
      if (!checkbox || checkbox.properties['ariaLabel'] !== undefined) return;
      const text = ownText(item.children).replace(/\s+/g, ' ').trim();
      checkbox.properties['ariaLabel'] = text || 'Task';
      checkbox.properties['disabled'] = true;
    });
  };
}
