/**
 * Words around inline elements keep their spaces in the built pages. Astro's compressHTML drops a line
 * break between text and an element, so markup that breaks a sentence across lines loses the space
 * ("the<a>ticker pages</a>"): readers without CSS, reader views, screen readers and search snippets
 * then read words run together.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, inject, it } from 'vitest';

const site = () => inject('sampleSite');
const page = (path: string): CheerioAPI =>
  // As a browser without JavaScript reads it, so <noscript> holds markup, not text.
  load(readFileSync(join(site(), path), 'utf8'), { scriptingEnabled: false });
const textOf = ($: CheerioAPI, selector: string) =>
  $(selector)
    .map((_, element) => $(element).text().replace(/\s+/g, ' ').trim())
    .get();

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return path.endsWith('.html') ? [path] : [];
  });
}

/** Elements that sit inside a line of text (footnote marks, `sup` and `sub`, attach to their word by design). */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'cite',
  'code',
  'data',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'time',
  'u',
  'var',
]);

/** Places where an inline element and the text beside it touch with no space between two words. */
function runTogether($: CheerioAPI): string[] {
  /** The text of a sibling that reads on the same line: a text node or an inline element. */
  const neighbourText = (node: { type: string; data?: string; tagName?: string } | null) => {
    if (!node) return undefined;
    if (node.type === 'text') return node.data;
    if (node.type === 'tag' && INLINE.has(node.tagName ?? '')) return $(node as Parameters<CheerioAPI>[0]).text();
    return undefined;
  };
  const found: string[] = [];
  $('body :not(svg *)').each((_, element) => {
    if (!INLINE.has(element.tagName)) return;
    const text = $(element).text();
    const before = neighbourText(element.prev);
    // An inline element after this one checks the pair itself: only text after it is checked here.
    const after = element.next?.type === 'text' ? element.next.data : undefined;
    if (before !== undefined && /[\p{L}\p{N},;:!?)]$/u.test(before) && /^[\p{L}\p{N}(]/u.test(text)) {
      found.push(`${before.slice(-20)}|${text.slice(0, 20)}`);
    }
    if (after !== undefined && /[\p{L}\p{N}.,;:!?)]$/u.test(text) && /^[\p{L}\p{N}(]/u.test(after)) {
      found.push(`${text.slice(-20)}|${after.slice(0, 20)}`);
    }
  });
  return found;
}

describe('prose around inline elements', () => {
  it('keeps the spaces around the links of the search page without JavaScript', () => {
    expect(textOf(page('search/index.html'), 'noscript .notice')).toEqual([
      'Search runs in your browser and needs JavaScript. Without it, browse the archive by month, the ticker pages or the tags.',
    ]);
  });

  it('keeps the byline a sentence, separators aside', () => {
    const bylines = htmlFiles(join(site(), 'briefings')).flatMap((path) =>
      textOf(page(relative(site(), path)), '.byline'),
    );
    expect(bylines.length).toBeGreaterThan(3);
    for (const byline of bylines) {
      expect(byline).toMatch(
        /^By \S.* · Published \d{1,2} \S+ \d{4} at \d\d:\d\d \S+( · Updated \d{1,2} \S+ \d{4} at \d\d:\d\d \S+)?$/,
      );
    }
    expect(bylines.some((byline) => byline.includes(' · Updated '))).toBe(true);
  });

  it('names ticker chips, listing lines and index entries word by word', () => {
    const amazon = htmlFiles(join(site(), 'briefings')).find((path) => path.includes('amazon'));
    expect(textOf(page(relative(site(), amazon ?? '')), 'a.chip--ticker')).toEqual(['AMZN Amazon.com, Inc.']);
    expect(textOf(page('tickers/index.html'), '.index-list li')).toContain('AMZN Amazon.com, Inc. 1 briefing');
    expect(textOf(page('archive/index.html'), '.index-list li')).toContain('February 2026 3 briefings');
    expect(textOf(page('index.html'), '.briefing-list__meta')).toContain('1 February 2026 at 10:17 CET AMZN');
  });

  it('runs no two words together next to an inline element on any page', () => {
    const found = htmlFiles(site()).flatMap((path) =>
      runTogether(page(relative(site(), path))).map((place) => `${relative(site(), path)}: ${place}`),
    );
    expect(found).toEqual([]);
  });
});
