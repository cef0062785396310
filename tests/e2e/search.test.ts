import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../tools/chromium.ts';
import { serveDirectory, type StaticServer } from '../../tools/static-server.ts';
import { indexSite } from '../../src/build/search-index/pagefind-index.ts';

const AMAZON = '/briefings/2026-02-01-amazon-openai-talks-job-cuts/';
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveDirectory(inject('sampleSite'));
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openSearch(query: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.url}/search/${query}`);
  await page
    .locator('#search-status')
    .filter({ hasText: /briefing|No briefings|Type/ })
    .waitFor();
  return page;
}

const resultLinks = (page: Page) =>
  page
    .locator('#search-results .search-result__title a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));

describe('search page', () => {
  it('runs the query from the URL on load and lists the Amazon briefing for "OpenAI"', async () => {
    const page = await openSearch('?q=OpenAI');
    expect(await page.locator('#search-input').inputValue()).toBe('OpenAI');
    expect(await resultLinks(page)).toContain(AMAZON);
    expect(await page.locator('#search-status').textContent()).toMatch(/briefings? for “OpenAI”/);
    await page.close();
  });

  it('narrows the results with the AMZN ticker filter and keeps the filter in the URL', async () => {
    const page = await openSearch('?q=billion');
    const all = await resultLinks(page);
    expect(all.length).toBeGreaterThan(1);
    await page.locator('#search-filters input[name="ticker"][value="AMZN"]').check();
    // The status line changes once the filtered results are on the page.
    await page.locator('#search-status').filter({ hasText: 'in AMZN' }).waitFor();
    expect(await resultLinks(page)).toEqual([AMAZON]);
    expect(new URL(page.url()).searchParams.getAll('ticker')).toEqual(['AMZN']);
    await page.close();
  });

  it('sorts by date, newest first, when asked', async () => {
    const page = await openSearch('?q=billion&sort=newest');
    const dates = await page.locator('#search-results .search-result__meta').allTextContents();
    const times = dates.map((text) => Date.parse(text.split(' · ')[0] ?? ''));
    expect(times.length).toBeGreaterThan(1);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    await page.close();
  });

  it('finds nothing for a phrase only the sponsored block contains, and suggests where to look', async () => {
    const page = await openSearch('?q=Quorvix');
    // The phrase is on the page, inside the labelled ad, so it is the index that leaves it out.
    const briefing = await browser.newPage();
    await briefing.goto(`${server.url}${AMAZON}`);
    expect(await briefing.locator('[data-sponsored]').textContent()).toContain('Quorvix Research');
    await briefing.close();
    expect(await page.locator('#search-status').textContent()).toBe('No briefings found for “Quorvix”.');
    expect(await page.locator('#search-results li').count()).toBe(0);
    expect(await page.locator('#search-suggestions a').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('works by keyboard alone: "/" focuses the box, typing searches, Tab reaches a result, Enter opens it', async () => {
    const page = await openSearch('');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.type('Dresden');
    await page.locator('#search-results li').first().waitFor();
    for (let step = 0; step < 40; step++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.closest('.search-result') !== null);
      if (focused) break;
    }
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(href).toBe('/briefings/2026-02-24-quintal-foundry-dresden-plant/');
    await Promise.all([page.waitForURL(`**${href}`), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toMatch(/^Quintal Foundry opens/);
    await page.close();
  });

  it('starts a search from the plain form in the site header', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('#site-search-input').fill('Halvard');
    await Promise.all([page.waitForURL('**/search/?q=Halvard'), page.keyboard.press('Enter')]);
    await page.locator('#search-results li').first().waitFor();
    expect(await resultLinks(page)).toContain('/briefings/2026-03-03-halvard-energy-guidance-cut/');
    await page.close();
  });

  it('presets the ticker filter from a ticker page search', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/tickers/AMZN/`);
    await page.locator('#scoped-search-input').fill('roles');
    await Promise.all([page.waitForURL('**/search/?ticker=AMZN&q=roles'), page.keyboard.press('Enter')]);
    await page.locator('#search-results li').first().waitFor();
    expect(await resultLinks(page)).toEqual([AMAZON]);
    expect(await page.locator('#search-filters input[value="AMZN"]').isChecked()).toBe(true);
    await page.close();
  });

  it('says without JavaScript that search needs it, and links to the archive and ticker pages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/search/?q=OpenAI`);
    const notice = page.locator('noscript, .notice').filter({ hasText: 'needs JavaScript' });
    expect(await notice.count()).toBeGreaterThan(0);
    expect(await page.locator('a[href="/archive/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('a[href="/tickers/"]').count()).toBeGreaterThan(0);
    await context.close();
  });
});

describe('search over several bundles', () => {
  // The sample site indexed again into one bundle per month (at most 3 pages a bundle), served beside
  // the sample site as built (one bundle a year): the same search must find the same briefings in the
  // same order of relevance, whichever bundle holds them.
  let split: StaticServer;
  let bundleNames: string[];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tickerpress-split-search-'));
    cpSync(inject('sampleSite'), dir, { recursive: true });
    const saved = process.env['TICKERPRESS_CACHE_DIR'];
    process.env['TICKERPRESS_CACHE_DIR'] = mkdtempSync(join(tmpdir(), 'tickerpress-split-cache-'));
    try {
      await indexSite(dir, process.cwd(), { maxBundlePages: 3 });
    } finally {
      if (saved === undefined) delete process.env['TICKERPRESS_CACHE_DIR'];
      else process.env['TICKERPRESS_CACHE_DIR'] = saved;
    }
    const manifest = JSON.parse(readFileSync(join(dir, 'pagefind', 'bundles.json'), 'utf8')) as {
      bundles: { name: string }[];
    };
    bundleNames = manifest.bundles.map((bundle) => bundle.name);
    split = await serveDirectory(dir);
  }, 120_000);

  afterAll(async () => {
    await split?.close();
  });

  async function search(site: StaticServer, query: string): Promise<{ links: (string | null)[]; page: Page }> {
    const page = await browser.newPage();
    await page.goto(`${site.url}/search/${query}`);
    await page
      .locator('#search-status')
      .filter({ hasText: /briefing|No briefings/ })
      .waitFor();
    return { links: await resultLinks(page), page };
  }

  it('is split into at least three bundles, finds what one bundle a year finds, and ranks the best match first', async () => {
    expect(bundleNames.length).toBeGreaterThanOrEqual(3);
    // A query whose words a briefing's headline holds has a best match: first, whichever bundle holds it.
    const best: Record<string, string> = {
      '?q=OpenAI': AMAZON,
      '?q=dividend': '/briefings/2026-02-12-northwind-foods-dividend/',
      '?q=Dresden plant': '/briefings/2026-02-24-quintal-foundry-dresden-plant/',
      '?q=refinery outage': '/briefings/2026-03-03-halvard-energy-guidance-cut/',
      '?q=store closures': '/briefings/2026-03-30-bellmare-retail-store-closures/',
    };
    for (const [query, expected] of Object.entries(best)) {
      const whole = await search(server, query);
      const parts = await search(split, query);
      expect(whole.links[0], query).toBe(expected);
      expect(parts.links[0], query).toBe(expected);
      await whole.page.close();
      await parts.page.close();
    }
    // A query many briefings match finds the same briefings; their order may differ where scores are close,
    // as each bundle weighs its terms by its own pages.
    for (const query of ['?q=billion', '?q=shares']) {
      const whole = await search(server, query);
      const parts = await search(split, query);
      expect(whole.links.length, query).toBeGreaterThan(2);
      expect([...parts.links].sort(), query).toEqual([...whole.links].sort());
      await whole.page.close();
      await parts.page.close();
    }
  });

  it('sorts newest first across bundles, and counts each filter value over all of them', async () => {
    const { page } = await search(split, '?q=billion&sort=newest');
    const dates = await page.locator('#search-results .search-result__meta').allTextContents();
    const times = dates.map((text) => Date.parse(text.split(' · ')[0] ?? ''));
    expect(times.length).toBeGreaterThan(2);
    expect(new Set(times.map((time) => new Date(time).getUTCMonth())).size).toBeGreaterThan(2);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const counts = async (site: StaticServer) => {
      const { page: searchPage } = await search(site, '?q=billion');
      const labels = await searchPage.locator('#search-filters label').allTextContents();
      await searchPage.close();
      return labels;
    };
    const splitLabels = await counts(split);
    expect(splitLabels.length).toBeGreaterThan(3);
    expect(splitLabels).toEqual(await counts(server));
    // The bundle filter is the page's own plumbing, never shown.
    expect(await page.locator('#search-filters input[name="bundle"]').count()).toBe(0);
    await page.locator('#search-filters input[name="ticker"][value="AMZN"]').check();
    await page.locator('#search-status').filter({ hasText: 'in AMZN' }).waitFor();
    expect(await resultLinks(page)).toEqual([AMAZON]);
    await page.close();
  });
});
