import { load } from 'cheerio';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdownPipeline } from '../../../src/markdown/pipeline.ts';
import rehypeTaskListLabels from '../../../src/markdown/plugins/rehype-task-list-labels.ts';

/** Markdown → HTML as GFM renders it, with the plugin run on the HTML tree. */
function render(markdown: string): string {
  const processor = unified().use(remarkParse).use(remarkGfm);
  const hast = toHast(processor.runSync(processor.parse(markdown)) as Root);
  if (hast.type !== 'root') throw new Error('expected a root');
  rehypeTaskListLabels()(hast);
  return toHtml(hast);
}

const checkboxes = (html: string) =>
  load(html)('input[type=checkbox]')
    .toArray()
    .map((input) => ({
      label: input.attribs['aria-label'],
      checked: 'checked' in input.attribs,
      disabled: 'disabled' in input.attribs,
    }));

describe('rehype-task-list-labels', () => {
  it('names each checkbox after its item, keeping it checked or not and disabled', () => {
    const html = render('- [x] Read the **earnings** release\n- [ ] Listen to the call\n- A plain item\n');
    expect(checkboxes(html)).toEqual([
      { label: 'Read the earnings release', checked: true, disabled: true },
      { label: 'Listen to the call', checked: false, disabled: true },
    ]);
    // The item's text stays as it was, read once in the page.
    expect(load(html)('li').first().text()).toBe(' Read the earnings release');
  });

  it('labels loose and nested items with their own text only', () => {
    const html = render(
      '- [ ] Check the [guidance](https://example.com/)\n\n  - [x] Revenue\n  - [ ] Margins\n\n- [x] File the note\n',
    );
    expect(checkboxes(html).map((box) => box.label)).toEqual([
      'Check the guidance',
      'Revenue',
      'Margins',
      'File the note',
    ]);
  });

  it('leaves lists without tasks alone', () => {
    expect(render('- one\n- two\n')).not.toContain('aria-label');
  });

  it('is part of the site’s Markdown pipeline', () => {
    expect(markdownPipeline.rehypePlugins).toContain(rehypeTaskListLabels);
  });
});
