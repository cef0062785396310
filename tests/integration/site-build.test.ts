import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { load, type CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, makeContentDir, PROJECT_ROOT, readOutput, writeBriefing } from '../helpers/site-build.ts';

const AMAZON = 'briefings/amazon/index.html';
const HOSTILE = 'briefings/hostile-title/index.html';
const HOSTILE_TITLE = 'Escaping test </script><script>alert("pwned")</script> & "quotes" ]]>';
const HOSTILE_DEK = 'A dek with <b>tags</b>, </script> & "quotes" that must stay text.';
const HOSTILE_AUTHOR = 'Eve </script><script>alert("author")</script> & "Co" ]]>';

let outDir: string;
let buildOutput: string;
let contentDir: string;
const page = (path: string): CheerioAPI => load(readOutput(outDir, path));

/** Twelve plain briefings, so the home page needs a second page. */
function addFillerBriefings(contentDir: string): void {
  for (let day = 1; day <= 12; day++) {
    const dd = String(day).padStart(2, '0');
    writeBriefing(
      contentDir,
      `filler-${dd}.mdx`,
      `---\ntitle: Filler briefing ${dd}\ndek: A filler.\npublishedAt: 2025-11-${dd}T09:00:00+01:00\nauthor: demo-writer\ntags: [filler]\nsources:\n  - name: Fixture\n---\n\nFiller body ${dd}.\n`,
    );
  }
}

beforeAll(async () => {
  contentDir = makeContentDir([
    'amazon.mdx',
    'hostile-title.mdx',
    'draft.mdx',
    'keydev-override.mdx',
    'keydev-off.mdx',
  ]);
  addFillerBriefings(contentDir);
  outDir = join(mkdtempSync(join(tmpdir(), 'tickerpress-dist-')), 'dist');
  const result = await buildSite(contentDir, outDir);
  buildOutput = result.output;
  expect(result.output).not.toContain('MODULE_LEVEL_DIRECTIVE');
  expect(result.ok, result.output).toBe(true);
});

describe('briefing page', () => {
  it('shows the headline, dek and byline with published time in the site zone', () => {
    const $ = page(AMAZON);
    expect($('h1').text()).toBe(
      'Amazon in talks to invest up to $50 billion in OpenAI as it cuts 16,000 corporate roles',
    );
    expect($('.briefing__dek').text()).toMatch(/^Amazon is spending heavily on AI/);
    const time = $('.byline time').first();
    expect(time.attr('datetime')).toBe('2026-02-01T10:17:05+01:00');
    expect(time.text()).toBe('1 February 2026 at 10:17 CET');
    expect($('.byline a[rel=author]').text()).toBe('Tickerpress Markets Desk');
  });

  it('shows updates in summer time and the corrections log', () => {
    const $ = page(HOSTILE);
    const times = $('.byline time');
    expect(times.eq(0).text()).toBe('15 July 2026 at 09:30 CEST');
    expect(times.eq(1).attr('datetime')).toBe('2026-07-16T18:05:00+02:00');
    expect($('.byline').text()).toContain('Updated');
    expect($('.corrections li').text()).toContain('Corrected a figure in the second paragraph.');
  });

  it('links ticker chips to ticker pages, with names from the ticker data or without one', () => {
    const $ = page(HOSTILE);
    const chips = $('.chip--ticker')
      .map((_, chip) => [[$(chip).attr('href'), $(chip).find('.chip__name').text()]])
      .get();
    expect(chips).toEqual([
      ['/tickers/ZZRT/', ''],
      ['/tickers/BRK.B/', 'Berkshire Hathaway Inc. (Class B)'],
      ['/tickers/T/', 'AT&T Inc.'],
    ]);
    expect(existsSync(join(outDir, 'tickers/BRK.B/index.html'))).toBe(true);
  });

  it('labels the sponsored block as an ad, marks its links sponsored and keeps it out of search', () => {
    const $ = page(AMAZON);
    const ad = $('[data-sponsored]');
    expect(ad).toHaveLength(1);
    expect(ad.find('.sponsored__ad').text()).toBe('Ad');
    expect(ad.attr('data-pagefind-ignore')).toBe('all');
    expect(ad.find('a').attr('rel')).toBe('sponsored noopener');
    expect($('.briefing__body a[rel~=sponsored]')).toHaveLength(1);
  });

  it('renders an inline ticker mention', () => {
    expect(page(AMAZON)('.briefing__body a.ticker-mention').attr('href')).toBe('/tickers/AMZN/');
  });

  it('aligns numeric table columns right and leaves text columns alone', () => {
    const $ = page(HOSTILE);
    const classes = $('tbody tr')
      .first()
      .find('td')
      .map((_, cell) => $(cell).attr('class') ?? '')
      .get();
    expect(classes).toEqual(['', 'align-right figure', '']);
    expect($('[align]')).toHaveLength(0);
  });

  it('renders footnotes and heading anchors', () => {
    const $ = page(HOSTILE);
    expect($('a[data-footnote-ref]').attr('href')).toBe('#user-content-fn-note');
    expect($('.footnotes li').text()).toContain('The footnote text.');
    const anchor = page(AMAZON)('h2#the-openai-talks a.heading-anchor');
    expect(anchor.attr('href')).toBe('#the-openai-talks');
  });

  it('shows the market snapshot with the derived distance to the 52-week high', () => {
    const note = page(AMAZON)('.card--market .card__note').text();
    expect(note).toContain('AMZN closed at $241.00, 2.6% below its 52-week high.');
  });

  it('shows the earnings call in Pacific time and in the site zone', () => {
    const $ = page(AMAZON);
    expect($('.events__when time').attr('datetime')).toBe('2026-02-05T14:00:00-08:00');
    expect($('.events__when').text()).toBe('Thursday, 5 February 2026 at 14:00 Pacific Standard Time (23:00 CET)');
  });

  it('lists sources, the disclaimer and related briefings (sharing a ticker or tag)', () => {
    const $ = page(AMAZON);
    expect(
      $('.sources li')
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual(['The Wall Street Journal', 'CNBC', 'Amazon Investor Relations']);
    expect($('.disclaimer').text()).toContain('Not investment advice.');
    expect($('.related')).toHaveLength(0);
    const hostile = page(HOSTILE);
    expect(
      hostile('.related .briefing-list__title a')
        .map((_, a) => hostile(a).attr('href'))
        .get(),
    ).toEqual(['/briefings/keydev-override/', '/briefings/keydev-off/']);
  });

  it('ships no JavaScript', () => {
    const $ = page(AMAZON);
    const scripts = $('script')
      .map((_, script) => $(script).attr('type') ?? 'text/javascript')
      .get();
    expect(scripts).toEqual(['application/ld+json']);
  });

  it('shows the demo notice only on demo briefings', () => {
    expect(page(HOSTILE)('.notice--demo')).toHaveLength(1);
    expect(page(AMAZON)('.notice--demo')).toHaveLength(0);
  });
});

describe('key developments box', () => {
  it('opens the body with three generated bullets, figures marked up, each linking to its paragraph', () => {
    const $ = page(AMAZON);
    const box = $('.briefing__body > .key-developments');
    expect(box).toHaveLength(1);
    expect(box.find('h2').text()).toBe('Key developments at a glance');
    expect($('.briefing__body').children().first().is('.key-developments')).toBe(true);
    const items = box.find('li');
    expect(items).toHaveLength(3);
    items.each((_, item) => {
      const hrefs = $(item)
        .find('a.key-developments__source')
        .map((__, link) => $(link).attr('href') ?? '')
        .get();
      expect(hrefs.length).toBeGreaterThan(0);
      const sources = hrefs.map((href) => {
        expect(href).toMatch(/^#para-\d+$/);
        const target = $(href);
        expect(target.is('p')).toBe(true);
        return target.text();
      });
      for (const figure of $(item).find('data').toArray()) {
        expect(sources.join(' ')).toContain($(figure).text());
      }
    });
    expect(box.find('data[value="50000000000 USD"]').text()).toBe('$50 billion');
    // Both facts of the two-fact headline, the second from its own section ("The job cuts").
    expect(box.text()).toContain('16,000');
    expect(box.text()).not.toContain('?');
    expect(box.text()).not.toMatch(/Quorvix|buy or sell/i);
    expect(box.find('.key-developments__note').text()).toMatch(/^Generated automatically from the text/);
  });

  it('shows the editor bullets from frontmatter instead, without paragraph links', () => {
    const $ = page('briefings/keydev-override/index.html');
    const items = $('.key-developments li');
    expect(items.map((_, item) => $(item).text()).get()).toEqual([
      'Revenue rose 13% to $4.2 billion.',
      'The company cut 1,200 jobs.',
    ]);
    expect($('.key-developments a')).toHaveLength(0);
    expect($('.key-developments__note').text()).toBe('Written by the editors.');
  });

  it('shows no box when frontmatter turns it off', () => {
    expect(page('briefings/keydev-off/index.html')('.key-developments')).toHaveLength(0);
  });
});

describe('head', () => {
  it('has title, description, canonical URL and Open Graph and Twitter tags', () => {
    const $ = page(AMAZON);
    expect($('title').text()).toMatch(/ · Tickerpress$/);
    expect($('link[rel=canonical]').attr('href')).toBe('https://tickerpress.example/briefings/amazon/');
    expect($('meta[property="og:type"]').attr('content')).toBe('article');
    expect($('meta[property="og:url"]').attr('content')).toBe('https://tickerpress.example/briefings/amazon/');
    expect($('meta[property="article:published_time"]').attr('content')).toBe('2026-02-01T10:17:05+01:00');
    expect($('meta[name="twitter:title"]').attr('content')).toBe($('h1').text());
    expect($('meta[name=description]').attr('content')).toBe($('.briefing__dek').text());
  });

  it('links icons drawn from public/favicon.svg, a web manifest and the theme colour', async () => {
    const $ = page(AMAZON);
    expect($('meta[name="theme-color"]').attr('content')).toBe('#0b3d5c');
    expect($('link[rel=apple-touch-icon]').attr('href')).toBe('/apple-touch-icon.png');
    expect($('link[rel=manifest]').attr('href')).toBe('/site.webmanifest');
    expect(
      $('link[rel=icon]')
        .map((_, link) => $(link).attr('href'))
        .get(),
    ).toEqual(['/favicon.ico', '/favicon.svg']);
    // An ICO directory (type 1) of three PNG images.
    const ico = readFileSync(join(outDir, 'favicon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 3]);
    const firstImage = ico.readUInt32LE(6 + 12);
    expect(ico.subarray(firstImage, firstImage + 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    for (const [path, size] of [
      ['apple-touch-icon.png', 180],
      ['icon-192.png', 192],
      ['icon-512.png', 512],
    ] as const) {
      const icon = sharp(readFileSync(join(outDir, path)));
      expect(await icon.metadata(), path).toMatchObject({ format: 'png', width: size, height: size });
      // The icon's dark blue fills the middle of its edge, not transparency or black.
      const { data } = await icon
        .extract({ left: Math.round(size / 2), top: 1, width: 1, height: 1 })
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect([...data.subarray(0, 3)], path).toEqual([0x0b, 0x3d, 0x5c]);
    }
    const manifest = JSON.parse(readOutput(outDir, 'site.webmanifest')) as {
      theme_color: string;
      icons: { src: string }[];
    };
    expect(manifest.theme_color).toBe('#0b3d5c');
    for (const icon of manifest.icons) expect(existsSync(join(outDir, icon.src))).toBe(true);
  });

  it('has NewsArticle JSON-LD with the right dates', () => {
    const $ = page(HOSTILE);
    const data = JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      headline: HOSTILE_TITLE,
      datePublished: '2026-07-15T09:30:00+02:00',
      dateModified: '2026-07-16T18:05:00+02:00',
    });
  });

  it('keeps a hostile title as text everywhere in the page', () => {
    const html = readOutput(outDir, HOSTILE);
    const $ = load(html);
    expect($('script')).toHaveLength(1);
    expect($('h1').text()).toBe(HOSTILE_TITLE);
    expect($('title').text()).toBe(`${HOSTILE_TITLE} · Tickerpress`);
    expect($('meta[property="og:title"]').attr('content')).toBe(HOSTILE_TITLE);
    expect($('.briefing__dek').text()).toBe(HOSTILE_DEK);
    expect($('.byline a[rel=author]').text()).toBe(HOSTILE_AUTHOR);
    expect($('meta[name=description]').attr('content')).toBe(HOSTILE_DEK);
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text()) as {
      author: { name: string }[];
      description: string;
    };
    expect(jsonLd.author[0]?.name).toBe(HOSTILE_AUTHOR);
    expect(jsonLd.description).toBe(HOSTILE_DEK);
    // What Pagefind reads for the search result: the metadata attributes, parsed back.
    expect($('[data-pagefind-meta^="dek:"]').attr('data-pagefind-meta')).toBe(`dek:${HOSTILE_DEK}`);
  });
});

describe('site pages', () => {
  it('paginates the home page, newest first', () => {
    const first = page('index.html');
    const titles = first('.briefing-list__title')
      .map((_, h) => first(h).text())
      .get();
    expect(titles).toHaveLength(10);
    expect(titles[0]).toBe(HOSTILE_TITLE);
    expect(titles[1]).toMatch(/^Fixture with editor-written/);
    expect(titles[3]).toMatch(/^Amazon/);
    expect(first('a[rel=next]').attr('href')).toBe('/page/2/');
    const second = page('page/2/index.html');
    expect(second('.briefing-list__title')).toHaveLength(6);
    expect(second('a[rel=prev]').attr('href')).toBe('/');
  });

  it('builds ticker, tag, archive, author and 404 pages', () => {
    expect(page('tickers/AMZN/index.html')('h1').text()).toBe('Amazon.com, Inc. (AMZN)');
    expect(page('tickers/ZZRT/index.html')('h1').text()).toBe('ZZRT');
    expect(page('tags/ai/index.html')('.briefing-list__title a').attr('href')).toBe('/briefings/amazon/');
    const archive = page('archive/index.html');
    expect(
      archive('.index-list a')
        .map((_, a) => archive(a).text())
        .get(),
    ).toEqual(['July 2026', 'February 2026', 'November 2025']);
    expect(page('archive/2025/11/index.html')('.briefing-list__item')).toHaveLength(12);
    expect(page('authors/markets-desk/index.html')('h1').text()).toBe('Tickerpress Markets Desk');
    expect(page('404.html')('h1').text()).toBe('Page not found');
  });

  it('leaves drafts and briefings scheduled after BUILD_TIME out of pages, feeds, the sitemap and the index', () => {
    for (const path of [
      'briefings/scheduled/index.html',
      'tickers/SCHD/index.html',
      'tags/scheduled-only-tag/index.html',
      'og/briefings/scheduled.png',
    ]) {
      expect(existsSync(join(outDir, path)), path).toBe(false);
    }
    expect(readOutput(outDir, 'rss.xml')).not.toContain('Fixture scheduled');
    expect(readOutput(outDir, 'feed.json')).not.toContain('Fixture scheduled');
    expect(readOutput(outDir, 'sitemap-0.xml')).not.toContain('/briefings/scheduled/');
    expect(existsSync(join(outDir, 'briefings/draft/index.html'))).toBe(false);
    expect(existsSync(join(outDir, 'tickers/DRFT/index.html'))).toBe(false);
    expect(existsSync(join(outDir, 'tags/draft-only-tag/index.html'))).toBe(false);
    const sitemap = readOutput(outDir, 'sitemap-0.xml');
    expect(sitemap).toContain('https://tickerpress.example/briefings/amazon/');
    expect(sitemap).not.toContain('/briefings/draft/');
    expect(buildOutput).not.toContain('/briefings/draft/');
  });

  it('serves robots.txt pointing at the sitemap', () => {
    expect(readOutput(outDir, 'robots.txt')).toContain('Sitemap: https://tickerpress.example/sitemap-index.xml');
  });
});

/** SHA-256 of every file under `dir`, by relative path. */
function hashTree(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  const walk = (path: string) => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else hashes[relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return hashes;
}

interface RssItem {
  title: string;
  link: string;
  guid: { '#text': string; '@_isPermaLink': string };
  pubDate: string;
  description: string;
  'content:encoded': string;
  'dc:creator': string;
  'dcterms:modified'?: string;
  category: string | string[];
}

function parseRss(path: string) {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' });
  const document = parser.parse(readOutput(outDir, path)) as {
    rss: { channel: Record<string, unknown> & { item?: RssItem[] } };
  };
  return document.rss.channel;
}

function parseCalendar(path: string) {
  const component = new ICAL.Component(ICAL.parse(readOutput(outDir, path)));
  return component.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

describe('feeds and calendars', () => {
  it('publishes the site RSS feed with channel data taken from the content', () => {
    const channel = parseRss('rss.xml');
    expect(channel['title']).toBe('Tickerpress');
    expect(channel['atom:link']).toMatchObject({ '@_href': 'https://tickerpress.example/rss.xml', '@_rel': 'self' });
    // Newest change: the hostile fixture's update on 16 July 2026 at 18:05 CEST.
    expect(channel['lastBuildDate']).toBe('Thu, 16 Jul 2026 16:05:00 GMT');
    const items = channel.item ?? [];
    expect(items.map((item) => item.title)).not.toContain('Fixture draft that must not be published');
    expect(items).toHaveLength(16);
  });

  it('gives each item a permanent guid, RFC 822 date, author, categories, summary and the full article', () => {
    const item = parseRss('rss.xml').item?.find((candidate) => candidate.title.startsWith('Amazon'));
    if (!item) throw new Error('no Amazon item');
    expect(item.link).toBe('https://tickerpress.example/briefings/amazon/');
    expect(item.guid).toEqual({ '#text': item.link, '@_isPermaLink': 'true' });
    expect(item.pubDate).toBe('Sun, 01 Feb 2026 09:17:05 GMT');
    expect(item['dc:creator']).toBe('Tickerpress Markets Desk');
    expect(item.category).toEqual(['AMZN', 'ai', 'job-cuts', 'earnings', 'deals']);
    const summary = load(item.description);
    expect(summary('p').first().text()).toMatch(/^Amazon is spending heavily on AI/);
    expect(summary('li')).toHaveLength(3);
    const content = load(item['content:encoded']);
    expect(content('p').first().text()).toMatch(/^Amazon is in talks to invest up to \$50 billion/);
    expect(content('table')).toHaveLength(1);
    expect(content('script, [data-sponsored]')).toHaveLength(0);
    expect(item['content:encoded']).not.toMatch(/Quorvix|Get the Amazon analysis/);
    const hrefs = content('a[href], img[src]')
      .map((_, element) => content(element).attr('href') ?? content(element).attr('src'))
      .get();
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(/^(https:\/\/|#)/);
    expect(hrefs).toContain('https://tickerpress.example/tickers/AMZN/');
  });

  it('shows an update and the latest correction in the item, keeping its guid', () => {
    const item = parseRss('rss.xml').item?.find((candidate) => candidate.link.endsWith('/hostile-title/'));
    if (!item) throw new Error('no hostile item');
    expect(item.title).toBe(HOSTILE_TITLE);
    expect(item['dc:creator']).toBe(HOSTILE_AUTHOR);
    expect(load(item.description)('p').first().text()).toBe(HOSTILE_DEK);
    expect(item.guid['#text']).toBe('https://tickerpress.example/briefings/hostile-title/');
    expect(item['dcterms:modified']).toBe('2026-07-16T16:05:00.000Z');
    expect(load(item.description).text()).toContain('Correction (16 July 2026 at 18:05 CEST): Corrected a figure');
    expect(load(item['content:encoded']).text()).toContain('Updated 16 July 2026 at 18:05 CEST.');
  });

  it('publishes per-ticker and per-tag feeds holding only their briefings', () => {
    const ticker = parseRss('tickers/AMZN/rss.xml');
    expect(ticker.item?.map((item) => item.link)).toEqual(['https://tickerpress.example/briefings/amazon/']);
    expect(ticker['atom:link']).toMatchObject({ '@_href': 'https://tickerpress.example/tickers/AMZN/rss.xml' });
    const tag = parseRss('tags/testing/rss.xml');
    expect(tag.item?.map((item) => item.link.split('/').at(-2)).sort()).toEqual([
      'hostile-title',
      'keydev-off',
      'keydev-override',
    ]);
  });

  it('publishes a JSON Feed 1.1 that parses back', () => {
    const feed = JSON.parse(readOutput(outDir, 'feed.json')) as { version: string; items: Record<string, unknown>[] };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    const hostile = feed.items.find((item) => String(item['url']).endsWith('/hostile-title/'));
    expect(hostile).toMatchObject({ title: HOSTILE_TITLE, date_modified: '2026-07-16T16:05:00.000Z' });
    expect(String(hostile?.['content_html'])).not.toContain('<script');
  });

  it('links feeds from every page and shows Subscribe links on the home and ticker pages', () => {
    const home = page('index.html');
    expect(home('link[rel=alternate][type="application/rss+xml"]').attr('href')).toBe(
      'https://tickerpress.example/rss.xml',
    );
    expect(home('link[rel=alternate][type="application/feed+json"]').attr('href')).toBe(
      'https://tickerpress.example/feed.json',
    );
    expect(home('.subscribe a[href="/rss.xml"]').text()).toBe('RSS feed');
    expect(home('.subscribe code').text()).toBe('https://tickerpress.example/rss.xml');
    const ticker = page('tickers/AMZN/index.html');
    expect(ticker('link[rel=alternate]').first().attr('href')).toBe('https://tickerpress.example/tickers/AMZN/rss.xml');
    expect(ticker('.subscribe a[href="/tickers/AMZN/rss.xml"]')).toHaveLength(1);
    expect(page('tags/ai/index.html')('link[rel=alternate]').first().attr('href')).toBe(
      'https://tickerpress.example/tags/ai/rss.xml',
    );
    expect(page(AMAZON)('link[rel=alternate][type="application/rss+xml"]').attr('href')).toBe(
      'https://tickerpress.example/rss.xml',
    );
  });

  it('puts the Amazon earnings call in calendars at 22:00 UTC, with an Add to calendar link on the page', () => {
    const $ = page(AMAZON);
    expect($('.card--events a[href="/briefings/amazon/calendar.ics"]').text()).toBe('Add to calendar');
    expect(readOutput(outDir, 'briefings/amazon/calendar.ics')).toContain('DTSTART:20260205T220000Z\r\n');
    for (const path of ['briefings/amazon/calendar.ics', 'tickers/AMZN/calendar.ics']) {
      const [event] = parseCalendar(path);
      expect(event?.uid).toBe('amazon-event-1@tickerpress.example');
      expect(event?.summary).toBe('Amazon fourth-quarter 2025 results conference call');
      expect(event?.startDate.toJSDate().toISOString()).toBe('2026-02-05T22:00:00.000Z');
    }
  });

  it('opens each feed item with the key-developments box, figures marked up, before the article', () => {
    const item = parseRss('rss.xml').item?.find((candidate) => candidate.title.startsWith('Amazon'));
    const content = load(item?.['content:encoded'] ?? '');
    const box = content('section').first();
    expect(content('body').children().first().is('section')).toBe(true);
    expect(box.find('h2').text()).toBe('Key developments at a glance');
    expect(box.find('li')).toHaveLength(3);
    expect(box.find('strong data[value="50000000000 USD"]').text()).toBe('$50 billion');
    const feed = JSON.parse(readOutput(outDir, 'feed.json')) as { items: Record<string, unknown>[] };
    const amazon = feed.items.find((entry) => String(entry['url']).endsWith('/amazon/'));
    expect(String(amazon?.['content_html'])).toMatch(/^<section><h2>Key developments at a glance<\/h2>/);
    expect(amazon?.['_tickerpress']).toMatchObject({ key_developments: expect.any(Array) });
  });

  it('tells calendar apps to refresh every six hours', () => {
    for (const path of ['calendar.ics', 'tickers/AMZN/calendar.ics', 'briefings/amazon/calendar.ics']) {
      const ics = readOutput(outDir, path);
      expect(ics).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n');
      expect(ics).toContain('X-PUBLISHED-TTL:PT6H\r\n');
    }
  });

  it('lists every feed and calendar on /feeds/, with addresses to copy and webcal links, linked from every page', () => {
    const $ = page('feeds/index.html');
    const addresses = $('.feeds__address')
      .map((_, element) => $(element).text())
      .get();
    expect(addresses).toEqual(
      expect.arrayContaining([
        'https://tickerpress.example/rss.xml',
        'https://tickerpress.example/feed.json',
        'https://tickerpress.example/calendar.ics',
        'https://tickerpress.example/tickers/AMZN/rss.xml',
        'https://tickerpress.example/tickers/AMZN/calendar.ics',
        'https://tickerpress.example/tags/ai/rss.xml',
        'https://tickerpress.example/tags/testing/rss.xml',
      ]),
    );
    // Every address on the page is a file the build wrote.
    for (const address of addresses) expect(existsSync(join(outDir, new URL(address).pathname))).toBe(true);
    expect($('a[href="webcal://tickerpress.example/tickers/AMZN/calendar.ics"]').text()).toBe('Subscribe');
    expect($('a[href="webcal://tickerpress.example/calendar.ics"]')).toHaveLength(1);
    expect($('#feeds-tickers').parent().text()).toContain('Amazon.com');
    for (const path of ['index.html', AMAZON, 'tickers/AMZN/index.html', 'tags/ai/index.html']) {
      expect(page(path)('footer a[href="/feeds/"]').text(), path).toBe('Feeds and calendars');
    }
    expect(page('tickers/AMZN/index.html')('.subscribe a[href="/feeds/"]')).toHaveLength(1);
    expect(page('tags/ai/index.html')('.subscribe a[href="/feeds/"]')).toHaveLength(1);
  });

  it('lists in the site calendar only events from 30 days before the newest content on, escaped', () => {
    // Newest content: 16 July 2026, so the window opens on 16 June 2026 and the February call is out.
    const events = parseCalendar('calendar.ics');
    expect(events.map((event) => event.uid)).toEqual(['hostile-title-event-1@tickerpress.example']);
    expect(events[0]?.summary).toBe('Results; call, with <script>alert(1)</script> & "quotes"');
    expect(events[0]?.startDate.toJSDate().toISOString()).toBe('2026-08-01T07:00:00.000Z');
  });
});

describe('social cards', () => {
  it('puts the card in the head with absolute URL, size, alt text and a large Twitter card', () => {
    const $ = page(AMAZON);
    expect($('meta[property="og:image"]').attr('content')).toBe('https://tickerpress.example/og/briefings/amazon.png');
    expect($('meta[property="og:image:width"]').attr('content')).toBe('1200');
    expect($('meta[property="og:image:height"]').attr('content')).toBe('630');
    expect($('meta[property="og:image:alt"]').attr('content')).toContain($('h1').text());
    expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
    expect($('meta[name="twitter:image"]').attr('content')).toBe($('meta[property="og:image"]').attr('content'));
    expect(page('tickers/AMZN/index.html')('meta[property="og:image"]').attr('content')).toBe(
      'https://tickerpress.example/og/tickers/AMZN.png',
    );
    expect(page('tags/ai/index.html')('meta[property="og:image"]').attr('content')).toBe(
      'https://tickerpress.example/og/tags/ai.png',
    );
    expect(page('index.html')('meta[property="og:image"]').attr('content')).toBe(
      'https://tickerpress.example/og/home.png',
    );
  });

  it("uses a briefing's own image instead of a card when the frontmatter names one", () => {
    const $ = page('briefings/keydev-off/index.html');
    expect($('meta[property="og:image"]').attr('content')).toBe('https://tickerpress.example/favicon.svg');
    expect($('meta[property="og:image:alt"]').attr('content')).toBe(
      "The site's icon, standing in for a chart the editors drew",
    );
    expect($('meta[property="og:image:width"]')).toHaveLength(0);
    expect(existsSync(join(outDir, 'og/briefings/keydev-off.png'))).toBe(false);
  });

  it('writes a 1200×630 PNG for every briefing, ticker, tag and the home page', async () => {
    for (const path of [
      'og/briefings/amazon.png',
      'og/home.png',
      'og/tickers/AMZN.png',
      'og/tickers/BRK.B.png',
      'og/tags/ai.png',
    ]) {
      const meta = await sharp(join(outDir, path)).metadata();
      expect([path, meta.format, meta.width, meta.height]).toEqual([path, 'png', 1200, 630]);
    }
    expect(existsSync(join(outDir, 'og/briefings/draft.png'))).toBe(false);
    expect(buildOutput).toMatch(/(\d+) cards: \1 rendered, 0 from the cache/);
  });

  it('logs what each stage cost: loading, compiling, key developments, cards and the search index', () => {
    expect(buildOutput).toMatch(/\d+ briefings loaded in [\d.]+ s \(\d+ read, the rest unchanged\)/);
    expect(buildOutput).toMatch(/bodies: [1-9]\d* rendered, 0 from the cache/);
    expect(buildOutput).toMatch(
      /key developments: [1-9]\d* briefings in [\d.]+ s \([\d.]+ ms each; [\d.]+ ms of CPU time each\)/,
    );
    expect(buildOutput).toMatch(/\d+ cards: \d+ rendered, \d+ from the cache \([\d.]+ s\)/);
    expect(buildOutput).toMatch(
      /search index: [1-9]\d* pages in [\d.]+ s \((\d+) bundles?, \1 indexed, 0 from the cache\)\n/,
    );
    // Pagefind reads only the pages that can be marked for indexing (SEARCHABLE_PAGES): all that are.
    const marked = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter(
      (path) => path.endsWith('.html') && readOutput(outDir, path).includes('data-pagefind-body'),
    );
    expect(marked.length).toBeGreaterThan(0);
    expect(buildOutput).toContain(`search index: ${marked.length} pages in`);
  });

  it("builds byte-identical output again, renders no card when nothing changed, and only the edited briefing's card after an edit", async () => {
    const againDir = join(mkdtempSync(join(tmpdir(), 'tickerpress-dist-')), 'dist');
    // Astro runs (`--rerender`): the last site would otherwise be restored whole, cards and all.
    const again = await buildSite(contentDir, againDir, undefined, undefined, {}, ['--rerender']);
    expect(again.output).toMatch(/(\d+) cards: 0 rendered, \1 from the cache/);
    // No body is rendered again: each is kept as it loaded (in Astro's data store or the build cache).
    expect(again.output).toMatch(/bodies: 0 rendered, \d+ from the cache/);
    // No page changed, so every search bundle is copied from the cache; the hashes below include dist/pagefind/.
    expect(again.output).toMatch(
      /search index: \d+ pages in [\d.]+ s \((\d+) bundles?, 0 indexed, \1 from the cache\)/,
    );
    // The same content and BUILD_TIME build the same bytes: every file, feeds and calendars included.
    const hashes = hashTree(outDir);
    expect(hashTree(againDir)).toEqual(hashes);
    expect(Object.keys(hashes)).toEqual(
      expect.arrayContaining(['rss.xml', 'feed.json', 'calendar.ics', 'tickers/AMZN/calendar.ics']),
    );
    const file = join(contentDir, 'briefings', 'hostile-title.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Escaping test', 'Escaping test, edited'));
    const edited = await buildSite(contentDir, join(mkdtempSync(join(tmpdir(), 'tickerpress-dist-')), 'dist'));
    expect(edited.output).toMatch(/cards: 1 rendered, \d+ from the cache/);
    expect(edited.output).toMatch(/bodies: 1 rendered, 0 from the cache \(1 stale entries removed\)/);
    // The caches keep what this build used and nothing older: one entry per briefing's body and per card.
    const entries = (name: string) => readdirSync(join(contentDir, '.cache', name)).length;
    const [, loaded = ''] = /(\d+) briefings loaded/.exec(edited.output) ?? [];
    expect(entries('bodies')).toBe(Number(loaded));
    const [, cards = ''] =
      /(\d+) cards: 1 rendered, \d+ from the cache \([\d.]+ s\); 1 stale cards removed/.exec(edited.output) ?? [];
    expect(entries('og')).toBe(Number(cards));
    // Only the edited briefing's bundle is indexed again, begun from the last site while the pages
    // rendered (Astro's process named the briefing it read as soon as it had loaded them).
    expect(edited.output).toMatch(
      /search index: \d+ pages in [\d.]+ s \((\d+) bundles?, 1 indexed, \d+ from the cache\) \(1 of them begun while the pages rendered\)\n/,
    );
  }, 120_000);
});

describe('sitemap', () => {
  it('dates each briefing by its latest change: publication, update or correction', () => {
    const xml = readdirSync(outDir)
      .filter((name) => /^sitemap-\d+\.xml$/.test(name))
      .map((name) => readOutput(outDir, name))
      .join('');
    const lastmod = (path: string) =>
      new RegExp(`<loc>https://tickerpress\\.example${path}</loc><lastmod>([^<]+)</lastmod>`).exec(xml)?.[1];
    expect(lastmod('/briefings/amazon/')).toBe('2026-02-01T09:17:05.000Z');
    expect(lastmod('/briefings/hostile-title/')).toBe('2026-07-16T16:05:00.000Z');
  });
});

describe('a briefing in another language', () => {
  it('takes its lang for the page, its search index and its key developments', async () => {
    const german = join(mkdtempSync(join(tmpdir(), 'tickerpress-german-')), 'dist');
    const result = await buildSite(makeContentDir(['german.mdx']), german);
    expect(result.ok, result.output).toBe(true);
    const $ = load(readOutput(german, 'briefings/german/index.html'));
    expect($('html').attr('lang')).toBe('de');
    expect($('meta[property="og:locale"]').attr('content')).toBe('de');
    const box = $('.key-developments');
    expect(box.find('li')).toHaveLength(3);
    expect(box.find('data[value="4200000000 EUR"]').text()).toBe('4,2 Mrd. Euro');
    expect(box.find('data[value="9.84 EUR"]').text()).toBe('9,84 Euro');
    // Pagefind indexes the page under its own language.
    const bundles = readdirSync(join(german, 'pagefind')).filter((name) => name !== 'bundles.json');
    expect(
      bundles.some((bundle) =>
        readdirSync(join(german, 'pagefind', bundle)).some((name) => /^pagefind\.de[_.]/.test(name)),
      ),
    ).toBe(true);
    // Other pages keep the site's language.
    expect(load(readOutput(german, 'index.html'))('html').attr('lang')).toBe('en-GB');
    // Tags in any script: a page, a feed and a card under the UTF-8 name, linked and indexed.
    for (const tag of ['börse', '日本株']) {
      expect(load(readOutput(german, `tags/${tag}/index.html`))('h1').text()).toBe(`#${tag}`);
      expect(readOutput(german, `tags/${tag}/rss.xml`)).toContain('https://tickerpress.example/briefings/german/');
      expect(existsSync(join(german, 'og', 'tags', `${tag}.png`))).toBe(true);
      expect($(`a.chip--tag[href="/tags/${tag}/"]`)).toHaveLength(1);
      expect($(`[data-pagefind-filter="tag:${tag}"]`)).toHaveLength(1);
    }
    // Absolute addresses carry them percent-encoded, as every CDN expects.
    const tagFeed = load(readOutput(german, 'tags/börse/index.html'))('link[rel=alternate]').first().attr('href');
    expect(tagFeed).toBe('https://tickerpress.example/tags/b%C3%B6rse/rss.xml');
  });
});

describe('the site origin', () => {
  it('warns once when it is a placeholder', () => {
    expect(buildOutput.match(/the site URL is the placeholder https:\/\/tickerpress\.example/g)).toHaveLength(1);
  });

  it('comes from SITE_URL when set, for canonical links, feeds and calendars', async () => {
    const preview = join(mkdtempSync(join(tmpdir(), 'tickerpress-preview-')), 'dist');
    const result = await buildSite(makeContentDir(['amazon.mdx']), preview, undefined, PROJECT_ROOT, {
      SITE_URL: 'https://preview.briefings.news',
    });
    expect(result.ok, result.output).toBe(true);
    expect(result.output).not.toContain('placeholder');
    const $ = load(readOutput(preview, AMAZON));
    expect($('link[rel=canonical]').attr('href')).toBe('https://preview.briefings.news/briefings/amazon/');
    expect($('meta[property="og:image"]').attr('content')).toMatch(/^https:\/\/preview\.briefings\.news\/og\//);
    expect(readOutput(preview, 'rss.xml')).not.toContain('tickerpress.example');
    expect(JSON.parse(readOutput(preview, 'feed.json'))).toMatchObject({
      feed_url: 'https://preview.briefings.news/feed.json',
    });
  });
});

describe('a build with an invalid briefing', () => {
  it('fails naming the file, line and field, and leaves the previous output as it was', async () => {
    const before = readOutput(outDir, 'index.html');
    const broken = makeContentDir(['amazon.mdx']);
    writeBriefing(
      broken,
      'broken.mdx',
      '---\ntitle: Broken\ndek: D.\npublishedAt: 2026-02-31T10:00:00\nauthor: demo-writer\ntickers: AMZN, MSFT\nsources:\n  - name: S\n---\n\nBody.\n',
    );
    for (const name of ['unclosed-jsx.mdx', 'author-code.mdx', 'missing-image.mdx', 'long-headline.mdx']) {
      writeBriefing(broken, name, readFileSync(join(PROJECT_ROOT, 'tests/fixtures/broken', name), 'utf8'));
    }
    const result = await buildSite(broken, outDir);
    expect(result.ok).toBe(false);
    // An image.src with no file in the project's public/ (whatever CONTENT_DIR is) stops the build; a long
    // headline is only a warning.
    expect(result.output).toMatch(
      /briefings\/missing-image\.mdx:9:8: error: image\.src "\/images\/missing-chart\.png" is not a file in public\//,
    );
    expect(result.output).toMatch(/briefings\/long-headline\.mdx:2:8: warning: title has 220 characters/);
    expect(result.output).toMatch(
      /6 briefings checked in \d+ ms \(\d+ unchanged, from the cache\): 10 errors, 1 warning/,
    );
    expect(result.output).toMatch(
      /briefings\/unclosed-jsx\.mdx:12:1: error: MDX syntax: Expected a closing tag for `<Sponsored>`/,
    );
    expect(result.output).toMatch(
      /briefings\/author-code\.mdx:14:30: error: \{…\} is an MDX expression, which is not allowed in a briefing/,
    );
    expect(result.exitCode).not.toBe(0);
    expect(result.output).toMatch(
      /briefings\/broken\.mdx:4:14: error: publishedAt "2026-02-31T10:00:00" has no UTC offset/,
    );
    expect(result.output).toMatch(/briefings\/broken\.mdx:6:10: error: tickers expected a list such as \[AMZN, MSFT\]/);
    expect(result.output).toContain('was left as it was');
    expect(readOutput(outDir, 'index.html')).toBe(before);
    expect(existsSync(`${outDir}.staging`)).toBe(false);
  });
});
