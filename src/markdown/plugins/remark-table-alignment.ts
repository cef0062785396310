/**
 * Table alignment as classes instead of the deprecated `align` attribute: columns the author aligned
 * keep their alignment, and columns holding only figures are aligned right without markup.
 */
// Declares `data.hProperties` on mdast nodes.
import type {} from 'mdast-util-to-hast';
import type { Root, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { isNumericColumn } from '../../engine/text/table-cells.ts';

export default function remarkTableAlignment() {
  return (tree: Root) => {
    visit(tree, 'table', (table) => {
      const [, ...bodyRows] = table.children;
      const columnCount = Math.max(0, ...table.children.map((row) => row.children.length));
      const alignment = Array.from({ length: columnCount }, (_, column) => {
        const authored = table.align?.[column];
        if (authored) return authored;
        const cells = bodyRows.map((row) => toString(row.children[column] ?? { type: 'text', value: '' }));
        return isNumericColumn(cells) ? 'right' : null;
      });
      for (const row of table.children) {
        row.children.forEach((cell: TableCell, column) => {
          const align = alignment[column];
          if (!align) return;
          const classes = [`align-${align}`, ...(align === 'right' ? ['figure'] : [])];
          cell.data = { ...cell.data, hProperties: { ...cell.data?.hProperties, className: classes } };
        });
      }
      table.align = alignment.map(() => null);
    });
  };
}
