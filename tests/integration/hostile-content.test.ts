/**
 * Hostile markup in a briefing never reaches a reader: the content check fails the build on it (so no
 * page is written), and what the sample site publishes (pages, RSS and JSON Feed) carries none.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';
import { buildSite, makeContentDir, PROJECT_ROOT, writeBriefing } from '../helpers/site-build.ts';

const HOSTILE_SCHEME = /^\s*(?:javascript|vbscript|data):/i;

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, extension);
    return path.endsWith(extension) ? [path] : [];
  });
}

/** Every hostile thing in a document: event-handler attributes, script URLs and elements that run or embed. */
function hostileParts($: CheerioAPI, elements: string): string[] {
  const found: string[] = [];
  $('*').each((_, node) => {
    const element = $(node);
    const tag = String(element.prop('tagName') ?? '').toLowerCase();
    for (const [name, value] of Object.entries(element.attr() ?? {})) {
      if (/^on/i.test(name)) found.push(`<${tag} ${name}>`);
      if (
        ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'data'].includes(name) &&
        HOSTILE_SCHEME.test(value)
      ) {
        found.push(`<${tag} ${name}="${value}">`);
      }
    }
  });
  $(elements).each((_, node) => {
    found.push(`<${String($(node).prop('tagName') ?? '').toLowerCase()}>`);
  });
  return found;
}

describe('a briefing with hostile markup', () => {
  it('fails the build naming each defect at file:line:column, and no page is written', async () => {
    const contentDir = makeContentDir(['amazon.mdx']);
    writeBriefing(
      contentDir,
      'hostile-markup.mdx',
      readFileSync(join(PROJECT_ROOT, 'tests/fixtures/broken/hostile-markup.mdx'), 'utf8'),
    );
    const outDir = join(mkdtempSync(join(tmpdir(), 'tickerpress-hostile-')), 'dist');
    const result = await buildSite(contentDir, outDir);
    expect(result.ok).toBe(false);
    expect(result.exitCode).not.toBe(0);
    for (const [place, what] of [
      ['10:97', 'link to "javascript:alert(1)"'],
      ['14:1', 'image "data:image/png'],
      ['16:50', 'onerror on <img> is an event handler'],
      ['20:1', '<script> is not allowed'],
      ['22:1', '<style> is not allowed'],
      ['24:1', '<iframe> is not allowed'],
      ['26:1', '<form> is not allowed'],
    ] as const) {
      expect(result.output).toContain(`briefings/hostile-markup.mdx:${place}: error: ${what}`);
    }
    expect(result.output).toMatch(/2 briefings checked in \d+ ms \(\d+ unchanged, from the cache\): 16 errors/);
    expect(result.output).toContain('Build stopped: the content has errors');
    expect(existsSync(outDir)).toBe(false);
  }, 120_000);
});

describe('what the sample site publishes', () => {
  const site = () => inject('sampleSite');

  it('has no script, handler, script URL, frame or form in the article HTML of rss.xml and feed.json', () => {
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' });
    const rss = parser.parse(readFileSync(join(site(), 'rss.xml'), 'utf8')) as {
      rss: { channel: { item: { 'content:encoded': string; description: string }[] } };
    };
    const json = JSON.parse(readFileSync(join(site(), 'feed.json'), 'utf8')) as { items: { content_html: string }[] };
    const articles = [
      ...rss.rss.channel.item.flatMap((item) => [item['content:encoded'], item.description]),
      ...json.items.map((item) => item.content_html),
    ];
    expect(articles.length).toBeGreaterThan(4);
    for (const html of articles) {
      expect(hostileParts(load(html), 'script, style, iframe, frame, object, embed, form, base, meta, link')).toEqual(
        [],
      );
    }
    for (const file of ['rss.xml', 'feed.json']) {
      const text = readFileSync(join(site(), file), 'utf8');
      expect(text).not.toMatch(/javascript:|vbscript:|onerror|<script|&lt;script/i);
    }
  });

  it('has no handler or script URL on any page, and scripts only as JSON-LD and the search module', () => {
    for (const path of filesUnder(site(), '.html')) {
      const $ = load(readFileSync(path, 'utf8'));
      expect(hostileParts($, 'iframe, frame, object, embed, base'), relative(site(), path)).toEqual([]);
      const scripts = $('script')
        .map((_, script) => `${$(script).attr('type') ?? ''} ${$(script).attr('src') ?? ''}`.trim())
        .get();
      for (const script of scripts) expect(script).toMatch(/^(?:application\/ld\+json|module \/_astro\/\S+\.js)$/);
    }
  });
});
