/** Hands a briefing's events to its `<PriceChart>` elements, so charts mark them without repeating them. */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { dayOf } from '../../engine/price-history.ts';

interface JsxElement {
  type: string;
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
}

export default function remarkChartEvents() {
  return (tree: Root, file: VFile) => {
    const frontmatter = ((file.data['astro'] as { frontmatter?: Record<string, unknown> } | undefined)?.frontmatter ??
      {}) as {
      events?: { title?: unknown; start?: unknown }[];
    };
    const events = (frontmatter.events ?? [])
      .filter(
        (event) => typeof event.title === 'string' && (typeof event.start === 'string' || event.start instanceof Date),
      )
      .map((event) => ({
        title: String(event.title),
        date: event.start instanceof Date ? event.start.toISOString().slice(0, 10) : dayOf(String(event.start)),
      }));
    visit(tree, (node) => {
      const element = node as unknown as JsxElement;
      if (
        (element.type === 'mdxJsxFlowElement' || element.type === 'mdxJsxTextElement') &&
        element.name === 'PriceChart'
      ) {
        element.attributes = element.attributes.filter((attribute) => attribute.name !== 'events');
        element.attributes.push({ type: 'mdxJsxAttribute', name: 'events', value: JSON.stringify(events) });
      }
    });
  };
}
