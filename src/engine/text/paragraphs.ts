/**
 * The paragraphs of a briefing's Markdown tree that key developments may quote, each with the id its
 * element gets on the page. Sponsored blocks, quotes, tables and footnotes are never sources.
 */
import type { Nodes, Paragraph, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { SourceParagraph } from '../key-developments/extract-key-developments.ts';

/** JSX blocks whose text is not the briefing's own reporting. */
const EXCLUDED_COMPONENTS = new Set(['Sponsored']);
const EXCLUDED_NODES = new Set(['blockquote', 'table', 'footnoteDefinition', 'code', 'html']);

export function paragraphId(index: number): string {
  return `para-${index + 1}`;
}

export interface TreeParagraph extends SourceParagraph {
  readonly node: Paragraph;
}

interface JsxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Nodes[];
}

/** Paragraphs in document order; their ids are `para-1`, `para-2`, … */
export function collectParagraphs(tree: Root): TreeParagraph[] {
  const paragraphs: TreeParagraph[] = [];
  let section: string | undefined;
  const walk = (node: Nodes): void => {
    if (EXCLUDED_NODES.has(node.type)) return;
    const jsx = node as JsxNode;
    if (
      (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
      EXCLUDED_COMPONENTS.has(jsx.name ?? '')
    ) {
      return;
    }
    if (node.type === 'heading') {
      section = plainText(node).replace(/\s+/g, ' ').trim() || undefined;
      return;
    }
    if (node.type === 'paragraph') {
      const text = plainText(node).replace(/\s+/g, ' ').trim();
      if (text) paragraphs.push({ id: paragraphId(paragraphs.length), text, section, node });
      return;
    }
    if ('children' in node) node.children.forEach((child) => walk(child as Nodes));
  };
  walk(tree);
  return paragraphs;
}

/** Text as a reader sees it: an inline `<Ticker symbol="AMZN" />` reads "AMZN". */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return ' ';
    case 'footnoteReference':
    case 'html':
    case 'image':
      return '';
  }
  const jsx = node as JsxNode;
  if (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') {
    if (EXCLUDED_COMPONENTS.has(jsx.name ?? '')) return '';
    const symbol = jsx.attributes?.find((attribute) => attribute.name === 'symbol')?.value;
    if (jsx.name === 'Ticker' && typeof symbol === 'string') return symbol;
  }
  return 'children' in node ? node.children.map((child) => plainText(child as Nodes)).join('') : '';
}

/** Parses Markdown (or MDX, for `.mdx` sources) into the tree the page renders from. */
export function parseMarkdown(source: string, options: { mdx: boolean }): Root {
  const processor = options.mdx
    ? unified().use(remarkParse).use(remarkMdx).use(remarkGfm)
    : unified().use(remarkParse).use(remarkGfm);
  return processor.runSync(processor.parse(source)) as Root;
}
