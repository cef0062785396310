/**
 * A briefing's rendered HTML made fit for feed readers, which show it inside their own pages without
 * the site's stylesheet: sponsored blocks removed, heading anchors unwrapped, then an allowlist
 * (`hast-util-sanitize`, the library behind `rehype-sanitize`, with the schema below) keeps only the
 * elements and attributes an article needs, and every URL left is made absolute.
 *
 * The content check already refuses briefings with scripts, event handlers or `javascript:` links; the
 * allowlist is the second door, so nothing the page can carry (a component's markup, a future plugin)
 * reaches a reader's feed unless this file says it may.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';

/** The SVG the site's charts draw with (src/outputs/charts): shapes, text and their titles. */
const SVG_ELEMENTS = ['svg', 'g', 'path', 'rect', 'line', 'polyline', 'polygon', 'circle', 'ellipse', 'text', 'tspan'];

/** A paint value (colour, `none`, `currentColor`) that loads nothing: no `url(…)`. */
const PAINT = /^(?![\s\S]*url\s*\()/i;

/**
 * Geometry and presentation attributes, so a chart draws in a reader without a stylesheet as on the
 * page (the charts write their colours as attributes for this reason), and its accessible name.
 */
const SVG_ATTRIBUTES: NonNullable<Schema['attributes']>[string] = [
  'xmlns',
  'viewBox',
  'preserveAspectRatio',
  'width',
  'height',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'dx',
  'dy',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'd',
  'points',
  'transform',
  ['fill', PAINT],
  'fillOpacity',
  'fillRule',
  ['stroke', PAINT],
  'strokeOpacity',
  'strokeWidth',
  'strokeDashArray',
  'strokeLineCap',
  'strokeLineJoin',
  'opacity',
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'textAnchor',
  'dominantBaseline',
  'role',
  'ariaHidden',
  'ariaLabel',
  'ariaLabelledBy',
  'ariaDescribedBy',
];

/**
 * What survives into a feed. Built on the library's default (GitHub's rules) for how it works — table
 * parts only inside a table — but with our own lists: the elements of an article, no styles, no classes
 * but a footnote's and a chart's kind, no ids but those footnotes and chart titles are reached by, and
 * links to http, https and mailto.
 */
const FEED_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'div', 'span', 'section'],
    ...['a', 'img', 'figure', 'figcaption', 'blockquote', 'q', 'cite', 'pre', 'code', 'kbd', 'samp', 'var'],
    ...['em', 'strong', 'b', 'i', 's', 'del', 'ins', 'mark', 'small', 'sup', 'sub', 'abbr', 'data', 'time'],
    ...['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'details', 'summary'],
    ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
    ...SVG_ELEMENTS,
    'title',
    'desc',
  ],
  attributes: {
    '*': ['lang', 'dir'],
    a: [
      'href',
      'title',
      // GitHub-flavoured footnotes: the reference, its way back, and what announces them.
      ['id', /^user-content-fnref-/],
      'dataFootnoteRef',
      'dataFootnoteBackref',
      ['className', 'data-footnote-backref'],
      'ariaDescribedBy',
      'ariaLabel',
    ],
    li: [['id', /^user-content-fn-/]],
    h2: [['id', 'footnote-label']],
    section: ['dataFootnotes'],
    img: ['src', 'srcSet', 'alt', 'title', 'width', 'height'],
    th: [['align', 'left', 'center', 'right'], 'colSpan', 'rowSpan', 'scope'],
    td: [['align', 'left', 'center', 'right'], 'colSpan', 'rowSpan'],
    ol: ['start', 'reversed'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
    abbr: ['title'],
    data: ['value'],
    time: ['dateTime'],
    details: ['open'],
    ...Object.fromEntries(SVG_ELEMENTS.map((name) => [name, SVG_ATTRIBUTES])),
    // Which kind of chart it is (`chart chart--price`): names no reader styles, kept for what reads the item.
    svg: [...SVG_ATTRIBUTES, ['className', /^chart(?:--[a-z]+)?$/]],
    // A chart's title and description, which its aria-labelledby names.
    title: ['id'],
    desc: ['id'],
  },
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'], cite: ['http', 'https'] },
  // Ids are prefixed below, once, where fragment links can follow them.
  clobber: [],
  required: {},
  // Removed with their content; any other element not allowed is unwrapped, its text kept.
  strip: [
    'script',
    'style',
    'template',
    'noscript',
    'iframe',
    'object',
    'embed',
    'form',
    'select',
    'textarea',
    'button',
  ],
};

/** Ids in a feed item start with this, so an item cannot clobber names of the reader's page (as GitHub does). */
const ID_PREFIX = 'user-content-';
const prefixed = (id: string) => (id.startsWith(ID_PREFIX) ? id : `${ID_PREFIX}${id}`);
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The id a fragment link names, percent-decoded as the browser would. */
function fragmentId(href: string): string {
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}

/** Sponsored blocks go (they are ads on the page, not part of the article); heading anchors are unwrapped. */
function withoutPageChrome(nodes: readonly RootContent[]): RootContent[] {
  return nodes.flatMap((node): RootContent[] => {
    if (node.type !== 'element') return [node];
    if (node.properties['dataSponsored'] !== undefined) return [];
    node.children = withoutPageChrome(node.children) as ElementContent[];
    const classes = node.properties['className'];
    const classList = Array.isArray(classes) ? classes.map(String) : [];
    if (node.tagName === 'a' && classList.includes('heading-anchor')) return node.children;
    // Table alignment is a class on the page (remark-table-alignment); a reader has no stylesheet.
    const alignment = classList.find((name) => /^align-(?:left|center|right)$/.test(name));
    if ((node.tagName === 'td' || node.tagName === 'th') && alignment) {
      node.properties['align'] = alignment.slice('align-'.length);
    }
    return [node];
  });
}

/** The image candidates of a `srcset`, as the HTML standard splits them: a URL runs to the next space. */
function srcsetCandidates(srcset: string): { url: string; descriptor: string }[] {
  const candidates: { url: string; descriptor: string }[] = [];
  let rest = srcset;
  for (;;) {
    rest = rest.replace(/^[\s,]+/, '');
    if (rest === '') return candidates;
    const url = /^\S+/.exec(rest)?.[0] ?? '';
    rest = rest.slice(url.length);
    if (url.endsWith(',')) {
      candidates.push({ url: url.replace(/,+$/, ''), descriptor: '' });
      continue;
    }
    const descriptor = /^[^,]*/.exec(rest)?.[0] ?? '';
    rest = rest.slice(descriptor.length);
    candidates.push({ url, descriptor: descriptor.trim() });
  }
}

/** `url` absolute against `base`; one with a scheme (only http, https and mailto are left) stays as it is. */
const absolute = (url: string, base: string) => (SCHEME.test(url) ? url : new URL(url, base).href);

/**
 * After the allowlist: ids prefixed, ARIA references kept where their target survived, fragment links
 * kept within the item where their target did (footnotes) and otherwise led to the page, every other
 * URL made absolute.
 */
function resolveReferences(tree: Root, pageUrl: string): void {
  const ids = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    if (typeof node.properties['id'] === 'string') {
      node.properties['id'] = prefixed(node.properties['id']);
      ids.add(node.properties['id']);
    }
  });
  visit(tree, 'element', (node: Element) => {
    const { properties } = node;
    // The allowlist keeps only some classes of an element; none left, no empty `class=""`.
    if (Array.isArray(properties['className']) && properties['className'].length === 0) delete properties['className'];
    for (const key of ['ariaLabelledBy', 'ariaDescribedBy']) {
      const value = properties[key];
      if (!Array.isArray(value)) continue;
      const targets = value.map((id) => prefixed(String(id))).filter((id) => ids.has(id));
      properties[key] = targets.length > 0 ? targets : undefined;
    }
    for (const key of ['href', 'src', 'cite']) {
      const value = properties[key];
      if (typeof value !== 'string') continue;
      const fragment = value.startsWith('#') ? prefixed(fragmentId(value)) : undefined;
      properties[key] = fragment && ids.has(fragment) ? `#${fragment}` : absolute(value, pageUrl);
    }
    const srcset = properties['srcSet'];
    if (typeof srcset === 'string' || Array.isArray(srcset)) {
      // The parser split the list at every comma, a data: URL's own included: join it back to parse it whole.
      const candidates = srcsetCandidates(([] as (string | number)[]).concat(srcset).join(','))
        .filter(({ url }) => !SCHEME.test(url) || /^https?:/i.test(url))
        .map(({ url, descriptor }) => [absolute(url, pageUrl), descriptor].filter(Boolean).join(' '));
      if (candidates.length > 0) properties['srcSet'] = candidates.join(', ');
      else delete properties['srcSet'];
    }
  });
}

/** Cleans `html` (a fragment) for a feed; relative URLs resolve against `pageUrl`. */
export function feedHtml(html: string, pageUrl: string): string {
  const page: Root = fromHtml(html, { fragment: true });
  page.children = withoutPageChrome(page.children);
  const tree = sanitize(page, FEED_SCHEMA) as Root;
  resolveReferences(tree, pageUrl);
  return toHtml(tree).trim();
}
