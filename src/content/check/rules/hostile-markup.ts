/**
 * Rule: no markup in a briefing that runs code, loads another document or sends readers' input away.
 * MDX compiles HTML written in a briefing as JSX and Astro prints it as written, so this rule, which
 * fails the build, is what keeps it off the page. It reports, each at its own line and column:
 * - a `javascript:`, `vbscript:` or `data:` URL in a link, image, link definition or URL attribute,
 *   however it is spelt (`JavaScript:`, `java&#x09;script:`, ` javascript:`);
 * - an element that runs code, embeds, submits or redirects (`<script>`, `<style>`, `<iframe>`, `<form>`…);
 * - an event-handler attribute (`onerror`, `onClick`…).
 * Expressions, imports and exports, in which JSX could hide, are refused whole by the code rule
 * (`author-code.ts`), which also reports an attribute written as an expression.
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
 * whole.
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

interface JsxAttribute {
  readonly type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  readonly name?: string;
  readonly value?: unknown;
  readonly position?: Positioned['position'];
}

interface JsxElement {
  readonly type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  readonly name: string | null;
  readonly attributes: readonly JsxAttribute[];
  readonly position?: Positioned['position'];
}

export const hostileMarkup: BodyRule = ({ tree, findingAt }) => {
  const findings: Finding[] = [];
  const report = (at: Positioned, message: string) => findings.push(findingAt(at, 'error', message));

  const checkElement = (name: string, at: Positioned) => {
    const reason = Object.hasOwn(REFUSED_ELEMENTS, name) ? REFUSED_ELEMENTS[name] : undefined;
    if (reason) report(at, `<${name}> is not allowed in a briefing: it ${reason}`);
  };
  /** An attribute written out: an event handler, or a URL attribute whose value uses a refused scheme. */
  const checkAttribute = (element: string, name: string, value: string, at: Positioned) => {
    if (isEventHandler(name)) {
      report(
        at,
        `${name} on <${element}> is an event handler, which runs code in the reader's browser: remove the attribute`,
      );
      return;
    }
    if (!URL_ATTRIBUTES.has(name.toLowerCase())) return;
    for (const url of urlsOf(name.toLowerCase(), value)) {
      const scheme = hostileScheme(url);
      if (scheme) {
        report(at, schemeMessage(`${name} of <${element}>`, url, scheme));
        return;
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
          // An expression or a spread is code, refused whole by the code rule.
          const { type, value } = attribute;
          if (type !== 'mdxJsxAttribute' || (typeof value === 'object' && value !== null)) continue;
          checkAttribute(
            element,
            attribute.name ?? '',
            typeof value === 'string' ? value : '',
            attribute.position ? attribute : jsx,
          );
        }
        return;
      }
    }
  });
  return findings;
};
