/**
 * A briefing's body as HTML, rendered once when content loads: the same remark and rehype plugins as
 * `pipeline.ts`, over the MDX syntax tree, with the built-in components drawn by plain functions
 * (`BodyComponents`) instead of compiled into a JavaScript module per briefing. Nothing in a briefing
 * runs: the content guard (first of the plugins) refuses code, so only the components, plain elements
 * and comments reach the tree here. The page, its feed items and its search record use this one HTML.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Element, ElementContent, Properties, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root as MdastRoot } from 'mdast';
import { toHast, type Handler, type State } from 'mdast-util-to-hast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import type { MdxComponentName } from '../content/mdx-component-names.ts';
import { markdownPipeline } from './pipeline.ts';

/**
 * Draws one component: its attributes as written (every value a string: the guard refuses
 * expressions), and its children already rendered. Returns what stands in its place.
 */
export type ComponentRenderer = (
  attributes: Readonly<Record<string, string>>,
  children: ElementContent[],
) => ElementContent | ElementContent[];

export type BodyComponents = Readonly<Record<MdxComponentName, ComponentRenderer>>;

/** A heading of the body, as Astro's `render()` hands them to a page. */
export interface BodyHeading {
  readonly depth: number;
  readonly slug: string;
  readonly text: string;
}

export interface RenderedBody {
  readonly html: string;
  readonly headings: readonly BodyHeading[];
  /** The frontmatter as the plugins left it: with the key-developments box (`KEY_DEVELOPMENTS_FIELD`). */
  readonly frontmatter: Record<string, unknown>;
}

export interface BodyOptions {
  /** The file's path, for errors at `file:line:column` (the content guard's and the components'). */
  readonly filePath: string;
  /** The frontmatter as parsed, which the plugins read (title, dek, lang, events, keyDevelopments). */
  readonly frontmatter: Record<string, unknown>;
  readonly components: BodyComponents;
}

const remark = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use((markdownPipeline.remarkPlugins ?? []) as PluggableList);
const rehype = unified().use((markdownPipeline.rehypePlugins ?? []) as PluggableList);

/** An MDX element of the syntax tree (`mdxJsxFlowElement`, `mdxJsxTextElement`), as far as it is read here. */
interface JsxNode {
  readonly type: string;
  readonly name: string | null;
  readonly attributes: readonly { readonly type: string; readonly name?: string; readonly value?: unknown }[];
  readonly children: MdastRoot['children'];
}

/** Attribute values as written: `name="value"`, or `name` alone as `bare` ("" for a component, true for HTML). */
function attributesOf<Bare extends string | true>(node: JsxNode, bare: Bare): Record<string, string | Bare> {
  const attributes: Record<string, string | Bare> = {};
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || attribute.name === undefined) continue;
    attributes[attribute.name] = typeof attribute.value === 'string' ? attribute.value : bare;
  }
  return attributes;
}

function jsxHandler(components: BodyComponents): Handler {
  return (state: State, node: JsxNode) => {
    const children = state.all(node as unknown as Parameters<State['all']>[0]);
    const name = node.name ?? '';
    if (Object.hasOwn(components, name)) {
      return components[name as MdxComponentName](attributesOf(node, ''), children);
    }
    // A fragment (`<>…</>`) stands for its children; a plain element (`<sup>`) for itself.
    if (!name) return children;
    const element: Element = {
      type: 'element',
      tagName: name,
      // `<details open>`: an attribute written alone is a boolean one, as HTML reads it.
      properties: attributesOf(node, true) as Properties,
      children,
    };
    state.patch(node as unknown as Parameters<State['patch']>[0], element);
    return element;
  };
}

/** Comments (`{/* … *\/}`), the only expressions the guard lets through, draw nothing. */
const nothing: Handler = () => undefined;

/** Elements whose whitespace-only text is no content: HTML ignores it, and MDX writes none. */
const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

function dropTableWhitespace(node: HastRoot | Element): void {
  if (node.type === 'element' && TABLE_PARTS.has(node.tagName)) {
    node.children = node.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
  }
  for (const child of node.children) if (child.type === 'element') dropTableWhitespace(child);
}

/** Renders a briefing's MDX source (frontmatter included) to HTML. */
export async function renderBody(source: string, options: BodyOptions): Promise<RenderedBody> {
  // The frontmatter's lines stay as blank lines, so that positions in the body are the file's.
  const { content } = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
  const file = new VFile({ path: options.filePath, value: content });
  const frontmatter = { ...options.frontmatter };
  file.data['astro'] = { frontmatter };
  const mdast = (await remark.run(remark.parse(file), file)) as MdastRoot;
  const jsx = jsxHandler(options.components);
  const hast = toHast(mdast, {
    allowDangerousHtml: true,
    handlers: {
      mdxJsxFlowElement: jsx,
      mdxJsxTextElement: jsx,
      mdxFlowExpression: nothing,
      mdxTextExpression: nothing,
    },
  }) as HastRoot;
  const tree = (await rehype.run(hast, file)) as HastRoot;
  dropTableWhitespace(tree);
  const astro = file.data['astro'] as { headings?: BodyHeading[]; frontmatter: Record<string, unknown> };
  return {
    html: toHtml(tree, { allowDangerousHtml: true, collapseEmptyAttributes: true }),
    headings: astro.headings ?? [],
    frontmatter: astro.frontmatter,
  };
}
