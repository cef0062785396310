import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../tools/chromium.ts';
import { serveDirectory, type StaticServer } from '../../tools/static-server.ts';

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
