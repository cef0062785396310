/**
 * Rule: no markup in a briefing that runs code, loads another document or sends readers' input away.
 * MDX compiles HTML written in a briefing as JSX and Astro prints it as written, so this rule, which
 * fails the build, is what keeps it off the page. It reports, each at its own line and column:
 * - a `javascript:`, `vbscript:` or `data:` URL in a link, image, link definition or URL attribute,
 *   however it is spelt (`JavaScript:`, `java&#x09;script:`, ` javascript:`);
 * - an element that runs code, embeds, submits or redirects (`<script>`, `<style>`, `<iframe>`, `<form>`…);
 * - an event-handler attribute (`onerror`, `onClick`…), and attributes spread from an expression onto
 *   an HTML element, which the check cannot see;
 * and the same in JSX written inside `{…}` expressions and `export`s, which Astro renders as well.
 */
import { visit } from 'unist-util-visit';
import type { Finding } from '../../finding.ts';
import type { BodyRule, Positioned } from '../checked-file.ts';

/** Elements no briefing needs, each with why it is refused and what to do instead. */
const REFUSED_ELEMENTS: Readonly<Record<string, string>> = {
  script: "runs code in the reader's browser: remove it",
  style: 'restyles the whole page, not just the briefing: remove it (the site stylesheet styles briefings)',
  iframe: 'embeds another site into the page: remove it and link to the page instead',
  frame: 'embeds another site into the page: remove it and link to the page instead',
  frameset: 'embeds other sites into the page: remove it and link to the pages instead',
  object: 'embeds a plugin or another document: remove it and link to the file instead',
  embed: 'embeds a plugin or another document: remove it and link to the file instead',
  applet: 'embeds a plugin: remove it',
  form: "sends readers' input to another address: remove it and link to the form instead",
  base: 'changes where every relative link of the page leads: remove it',
  meta: 'can redirect the reader to another address: remove it (frontmatter holds the page metadata)',
  link: 'loads a stylesheet or other resource into the page: remove it',
  animate: 'can rewrite a link of an SVG into a script: remove it',
  set: 'can rewrite a link of an SVG into a script: remove it',
};

/**
 * Attributes whose value is a URL (or, for `srcset`, a list of them). Not `data`: `<object>` is refused
 * whole, and a component may take `data` as something else (`<BarChart data={…}>`).
 */
const URL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'poster',
  'cite',
  'background',
  'longdesc',
  'ping',
  'xlink:href',
]);

const HOSTILE_SCHEME = /^(javascript|vbscript|data):/;

/**
 * Space and control characters, which browsers drop from URLs (tab and newline anywhere, the rest at
 * the start) and which authors use to hide a scheme; the check drops them everywhere.
 */
// eslint-disable-next-line no-control-regex
const IGNORED_IN_URL = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

/** The refused scheme a URL uses (`javascript`, `vbscript` or `data`), whatever its case and spacing. */
export function hostileScheme(url: string): string | undefined {
  return HOSTILE_SCHEME.exec(url.replace(IGNORED_IN_URL, '').toLowerCase())?.[1];
}

const isEventHandler = (name: string) => /^on/i.test(name);
/** A lower-case JSX name is an HTML (or SVG) element; a capitalised one is a component. */
const isHtmlElement = (name: string) => /^[a-z]/.test(name);

/** A URL as a message quotes it: long `data:` URLs cut short. */
function quoted(url: string): string {
  const oneLine = JSON.stringify(url);
  return oneLine.length > 48 ? `${oneLine.slice(0, 44)}…"` : oneLine;
}

function schemeMessage(what: string, url: string, scheme: string): string {
  return scheme === 'data'
    ? `${what} ${quoted(url)} is a data: URL, a whole file (or page) inside the briefing that no check sees: put the file in public/ and use its path (/images/…)`
    : `${what} ${quoted(url)} uses the ${scheme}: scheme, which runs code in the reader's browser instead of leading to a page: use an https:// address or a path of the site`;
}

/**
 * The URLs of an attribute value. A `srcset` lists several, each followed by its size; every word of it
 * counts, as a data: URL has a comma of its own.
 */
function urlsOf(attribute: string, value: string): string[] {
  return attribute === 'srcset' ? value.split(/[\s,]+/) : [value];
}

// The syntax tree remark-mdx attaches to expressions and ESM (ESTree with JSX), as far as this rule reads it.
interface EstreeNode {
  readonly type: string;
  readonly loc?: { readonly start: { readonly line: number; readonly column: number } } | null;
  readonly [key: string]: unknown;
}

interface JsxAttribute {
  readonly type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  readonly name?: string;
  readonly value?: string | { readonly value: string; readonly data?: { readonly estree?: unknown } } | null;
  readonly data?: { readonly estree?: unknown };
  readonly position?: Positioned['position'];
}

interface JsxElement {
  readonly type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  readonly name: string | null;
  readonly attributes: readonly JsxAttribute[];
  readonly position?: Positioned['position'];
}

const isEstreeNode = (value: unknown): value is EstreeNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

/** An ESTree node's place as the findings count it (ESTree columns count from 0). */
const placeOf = (node: EstreeNode, fallback: Positioned): Positioned =>
  node.loc ? { position: { start: { line: node.loc.start.line, column: node.loc.start.column + 1 } } } : fallback;

/** Every node of an ESTree tree, depth first. */
function* estreeNodes(node: unknown): Generator<EstreeNode> {
  if (Array.isArray(node)) {
    for (const child of node) yield* estreeNodes(child);
    return;
  }
  if (!isEstreeNode(node)) return;
  yield node;
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'loc' && key !== 'range' && typeof value === 'object') yield* estreeNodes(value);
  }
}

/** The strings written in an expression: literals and the text of template literals. */
function stringsIn(estree: unknown): string[] {
  const strings: string[] = [];
  for (const node of estreeNodes(estree)) {
    if (node.type === 'Literal' && typeof node['value'] === 'string') strings.push(node['value']);
    if (node.type === 'TemplateElement') {
      const value = node['value'] as { cooked?: string | null; raw: string };
      strings.push(value.cooked ?? value.raw);
    }
  }
  return strings;
}

const jsxName = (name: unknown): string => {
  const node = name as { type?: string; name?: unknown; namespace?: { name?: string } } | null;
  if (node?.type === 'JSXNamespacedName') return `${node.namespace?.name ?? ''}:${jsxName(node.name)}`;
  return typeof node?.name === 'string' ? node.name : '';
};

export const hostileMarkup: BodyRule = ({ tree, findingAt }) => {
  const findings: Finding[] = [];
  const report = (at: Positioned, message: string) => findings.push(findingAt(at, 'error', message));

  const checkElement = (name: string, at: Positioned) => {
    const reason = Object.hasOwn(REFUSED_ELEMENTS, name) ? REFUSED_ELEMENTS[name] : undefined;
    if (reason) report(at, `<${name}> is not allowed in a briefing: it ${reason}`);
  };
  /** An attribute written out: an event handler, or a URL attribute whose value (or strings) use a refused scheme. */
  const checkAttribute = (element: string, name: string, values: readonly string[], at: Positioned) => {
    if (isEventHandler(name)) {
      report(
        at,
        `${name} on <${element}> is an event handler, which runs code in the reader's browser: remove the attribute`,
      );
      return;
    }
    if (!URL_ATTRIBUTES.has(name.toLowerCase())) return;
    for (const url of values.flatMap((value) => urlsOf(name.toLowerCase(), value))) {
      const scheme = hostileScheme(url);
      if (scheme) {
        report(at, schemeMessage(`${name} of <${element}>`, url, scheme));
        return;
      }
    }
  };
  const checkSpread = (element: string, at: Positioned) => {
    if (isHtmlElement(element)) {
      report(
        at,
        `<${element}> takes attributes spread from an expression, which the check cannot see: write each one out`,
      );
    }
  };
  /** JSX written inside an expression or an ESM block: Astro renders it like JSX written in the body. */
  const checkEstree = (estree: unknown, fallback: Positioned) => {
    for (const node of estreeNodes(estree)) {
      if (node.type !== 'JSXOpeningElement') continue;
      const element = jsxName(node['name']);
      checkElement(element, placeOf(node, fallback));
      for (const attribute of (node['attributes'] as readonly EstreeNode[] | undefined) ?? []) {
        const at = placeOf(attribute, fallback);
        if (attribute.type === 'JSXSpreadAttribute') checkSpread(element, at);
        else checkAttribute(element, jsxName(attribute['name']), stringsIn(attribute['value']), at);
      }
    }
  };

  visit(tree, (node) => {
    switch (node.type) {
      case 'link':
      case 'image':
      case 'definition': {
        const scheme = hostileScheme(node.url);
        const what = { link: 'link to', image: 'image', definition: 'link definition' }[node.type];
        if (scheme) report(node, schemeMessage(what, node.url, scheme));
        return;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const jsx = node as unknown as JsxElement;
        const element = jsx.name ?? '';
        checkElement(element, jsx);
        for (const attribute of jsx.attributes) {
          const at = attribute.position ? attribute : jsx;
          if (attribute.type === 'mdxJsxExpressionAttribute') {
            checkSpread(element, at);
            checkEstree(attribute.data?.estree, at);
            continue;
          }
          const { value } = attribute;
          const estree = typeof value === 'object' ? value?.data?.estree : undefined;
          checkAttribute(element, attribute.name ?? '', typeof value === 'string' ? [value] : stringsIn(estree), at);
          checkEstree(estree, at);
        }
        return;
      }
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        checkEstree(node.data?.estree, node);
        return;
    }
  });
  return findings;
};
