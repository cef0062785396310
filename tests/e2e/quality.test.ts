import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { HTMLHint } from 'htmlhint';
import { SyntaxValidator } from 'fast-xml-validator';
import { parse } from 'parse5';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../tools/chromium.ts';
import { headersFor, parseHeadersFile } from '../../tools/headers-file.ts';
import { serveDirectory, type StaticServer } from '../../tools/static-server.ts';
import { wcagViolations } from '../helpers/browser.ts';
import { PROJECT_ROOT } from '../helpers/site-build.ts';

const site = () => inject('sampleSite');
const rules = parseHeadersFile(readFileSync(join(PROJECT_ROOT, 'public/_headers'), 'utf8'));

function files(dir: string, extension: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, extension);
    return name.endsWith(extension) ? [path] : [];
  });
}

const PAGES = {
  home: '/',
  briefing: '/briefings/2026-02-01-amazon-openai-talks-job-cuts/',
  ticker: '/tickers/AMZN/',
  tag: '/tags/ai/',
  archive: '/archive/',
  search: '/search/?q=OpenAI',
  feeds: '/feeds/',
  notFound: '/no-such-page/',
} as const;

describe('valid HTML', () => {
  const hints = {
    'doctype-first': true,
    'doctype-html5': true,
    'tagname-lowercase': true,
    'attr-lowercase': true,
    'attr-no-duplication': true,
    'attr-unsafe-chars': true,
    'tag-pair': true,
    'spec-char-escape': true,
    'id-unique': true,
    'src-not-empty': true,
    'title-require': true,
    'alt-require': true,
    'input-requires-label': true,
    'inline-style-disabled': true,
    'inline-script-disabled': true,
    'style-disabled': true,
  };

  it('parses every page without a single HTML parse error and passes the HTMLHint rules', () => {
    const pages = files(site(), '.html');
    expect(pages.length).toBeGreaterThan(30);
    const problems: string[] = [];
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const name = relative(site(), page);
      parse(html, {
        onParseError: (error) => problems.push(`${name}:${error.startLine}:${error.startCol} ${error.code}`),
      });
      for (const message of HTMLHint.verify(html, hints)) {
        problems.push(`${name}:${message.line}:${message.col} ${message.rule.id}: ${message.message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('links', () => {
  it('resolves every internal href and src, and every anchor, to something in the build', () => {
    const broken: string[] = [];
    const external = new Set<string>();
    const idsOf = new Map<string, Set<string>>();
    const ids = (file: string) => {
      let known = idsOf.get(file);
      if (!known) {
        const $ = load(readFileSync(file, 'utf8'));
        known = new Set(
          $('[id]')
            .map((_, element) => $(element).attr('id') ?? '')
            .get(),
        );
        idsOf.set(file, known);
      }
      return known;
    };
    const target = (path: string): string | undefined => {
      const file = join(site(), decodeURIComponent(path));
      try {
        if (statSync(file).isDirectory())
          return statSync(join(file, 'index.html')).isFile() ? join(file, 'index.html') : undefined;
        return file;
      } catch {
        return undefined;
      }
    };
    for (const page of files(site(), '.html')) {
      const $ = load(readFileSync(page, 'utf8'));
      const pagePath = `/${relative(site(), page).replace(/index\.html$/, '')}`;
      for (const element of $('[href], [src]').toArray()) {
        const value = $(element).attr('href') ?? $(element).attr('src') ?? '';
        // A webcal:// address is the site's own calendar, offered to calendar apps.
        const url = new URL(value.replace(/^webcal:/, 'https:'), `https://tickerpress.example${pagePath}`);
        if (url.origin !== 'https://tickerpress.example') {
          external.add(url.href);
          continue;
        }
        const file = target(url.pathname);
        if (!file) broken.push(`${pagePath} → ${value}`);
        else if (url.hash && file.endsWith('.html') && !ids(file).has(decodeURIComponent(url.hash.slice(1)))) {
          broken.push(`${pagePath} → ${value} (no such anchor)`);
        }
      }
    }
    expect(broken).toEqual([]);
    // External links are listed, not fetched.
    expect([...external].sort()).toEqual(['https://ads.example/quorvix/amazon', 'https://ir.aboutamazon.com/']);
  });
});

describe('charts', () => {
  const svgOf = (path: string) => {
    const $ = load(readFileSync(join(site(), path, 'index.html'), 'utf8'));
    return { $, svg: $('figure.chart-figure svg') };
  };

  it('draws the Amazon price chart as well-formed inline SVG with a text alternative and a data table', () => {
    const { $, svg } = svgOf(PAGES.briefing);
    expect(svg).toHaveLength(1);
    const markup = $.html(svg);
    expect(SyntaxValidator.validate(markup)).toBe(true);
    expect(svg.attr('role')).toBe('img');
    const [titleId, descId] = (svg.attr('aria-labelledby') ?? '').split(' ');
    expect(svg.find(`title#${titleId}`).text()).toBe('AMZN closing price, 1 February 2025 to 30 January 2026');
    expect(svg.find(`desc#${descId}`).text()).toContain(
      'The last close, $241.00, is 2.6% below the 52-week high of $247.43.',
    );
    expect($('figure.chart-figure details summary').text()).toBe('Data behind the chart');
    expect($('figure.chart-figure details tbody tr').length).toBeGreaterThan(10);
  });

  it('draws a figure chart from component props', () => {
    const { svg } = svgOf('/briefings/2026-02-12-northwind-foods-dividend/');
    expect(svg.find('desc').text()).toBe(
      'Northwind Foods sales by quarter (fictional): Q1 2025 3.88 $bn, Q2 2025 3.97 $bn, Q3 2025 4.12 $bn, Q4 2025 4.31 $bn.',
    );
    expect(svg.find('.chart__bar')).toHaveLength(4);
  });

  it('shows the ticker price chart and a snapshot computed from the data that matches the hand-written one', () => {
    const ticker = load(readFileSync(join(site(), PAGES.ticker, 'index.html'), 'utf8'));
    const briefing = load(readFileSync(join(site(), PAGES.briefing, 'index.html'), 'utf8'));
    expect(ticker('.ticker-overview svg[role=img]')).toHaveLength(1);
    const fromData = ticker('.ticker-overview .card--market .card__note').text();
    const typed = briefing('.card--market .card__note').text();
    expect(fromData).toContain('AMZN closed at $241.00, 2.6% below its 52-week high.');
    expect(typed).toContain('AMZN closed at $241.00, 2.6% below its 52-week high.');
    expect(ticker('.ticker-overview .card--market dd').eq(2).text()).toBe(briefing('.card--market dd').eq(2).text());
  });
});

describe('page weight', () => {
  it('keeps a briefing page under 30 KB of gzipped HTML and CSS, with no JavaScript on briefing, ticker and tag pages', () => {
    const html = readFileSync(join(site(), PAGES.briefing, 'index.html'), 'utf8');
    const $ = load(html);
    const css = $('link[rel=stylesheet]')
      .map((_, link) => readFileSync(join(site(), $(link).attr('href') ?? ''), 'utf8'))
      .get()
      .join('');
    const gzipped = gzipSync(html).length + gzipSync(css).length;
    expect(gzipped).toBeLessThan(30 * 1024);
    for (const path of [PAGES.briefing, PAGES.ticker, PAGES.tag]) {
      const page = load(readFileSync(join(site(), path, 'index.html'), 'utf8'));
      const scripts = page('script').filter((_, script) => page(script).attr('type') !== 'application/ld+json');
      expect(scripts.length, path).toBe(0);
      expect(page('link[rel=modulepreload]').length, path).toBe(0);
    }
  });
});

describe('CDN headers', () => {
  it('caches fingerprinted assets for a year and revalidates HTML, feeds and calendars', () => {
    const [asset] = files(join(site(), '_astro'), '.css');
    const assetPath = `/${relative(site(), asset ?? '')}`;
    expect(headersFor(rules, assetPath)['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/briefings/x/')['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(headersFor(rules, '/rss.xml')).toMatchObject({
      'cache-control': 'public, max-age=300, must-revalidate',
      'content-type': 'application/rss+xml; charset=utf-8',
    });
    expect(headersFor(rules, '/tickers/BRK.B/calendar.ics')['content-type']).toBe('text/calendar; charset=utf-8');
    expect(headersFor(rules, '/feed.json')['content-type']).toBe('application/feed+json; charset=utf-8');
  });

  it('sends security headers, and a CSP that allows no inline scripts', () => {
    const headers = headersFor(rules, '/');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('in Chromium, with the CSP applied', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveDirectory(site(), (path) => headersFor(rules, path));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(Object.entries(PAGES))(
    'loads the %s page with no CSP violation, console error or request elsewhere',
    async (_, path) => {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && !(path === PAGES.notFound && message.text().includes('404')))
          problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('request', (request) => {
        if (!request.url().startsWith(server.url) && !request.url().startsWith('data:'))
          problems.push(`request to ${request.url()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
      if (path === PAGES.search) await page.locator('#search-results li').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  for (const scheme of ['light', 'dark'] as const) {
    it.each(['home', 'briefing', 'ticker', 'search', 'feeds', 'notFound'] as const)(
      `has no WCAG 2.1 AA violation on the %s page in ${scheme}`,
      async (name) => {
        const page = await browser.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${server.url}${PAGES[name]}`);
        if (name === 'search') await page.locator('#search-results li').first().waitFor();
        expect(await wcagViolations(page)).toEqual([]);
        await page.close();
      },
    );
  }
});
