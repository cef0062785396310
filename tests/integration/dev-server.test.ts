import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { load } from 'cheerio';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tools/chromium.ts';
import { childEnv, makeContentDir, PROJECT_ROOT, TEST_BUILD_TIME } from '../helpers/site-build.ts';

let server: ChildProcess;
let origin = '';
let contentDir = '';
let browser: Browser | undefined;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === 'object' && address ? address.port : 4321;
}

beforeAll(async () => {
  contentDir = makeContentDir(['amazon.mdx', 'draft.mdx', 'scheduled.mdx']);
  const port = await freePort();
  server = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: PROJECT_ROOT,
      env: childEnv({
        CONTENT_DIR: contentDir,
        BUILD_TIME: TEST_BUILD_TIME,
        NODE_ENV: 'development',
        TICKERPRESS_CACHE_DIR: join(contentDir, '.cache'),
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  origin = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`dev server did not start:\n${output}`)), 60_000);
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`:${port}`)) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    });
  });
}, 90_000);

/** The dev server answers before its routes are ready; ask until it serves the page. */
async function fetchPage(path: string): Promise<string> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const response = await fetch(`${origin}${path}`);
    if (response.ok) return response.text();
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${path} never answered 200`);
}

afterAll(async () => {
  await browser?.close();
  server?.kill();
});

describe('the dev server preview', () => {
  it('shows drafts and scheduled briefings with visible badges', async () => {
    const home = load(await fetchPage('/'));
    const badges = home('.briefing-list__item')
      .map(
        (_, item) => `${home(item).find('.briefing-list__title').text()} [${home(item).find('.badge--draft').text()}]`,
      )
      .get();
    expect(badges).toEqual(
      expect.arrayContaining([
        'Fixture draft that must not be published [Draft]',
        'Fixture scheduled for after the build time [Scheduled]',
      ]),
    );
    const page = load(await fetchPage('/briefings/scheduled/'));
    expect(page('.badge--draft').text()).toBe('Scheduled');
    expect(page('meta[name=robots]').attr('content')).toBe('noindex');
  }, 60_000);
});

/**
 * Waits for the open page to reach `state`: the dev server reloads it, but on a loaded machine its
 * reload can reach the page before the page's live-reload client listens, so after a while the test
 * reloads it by hand, as an author would. What the page then shows is what is asserted.
 */
async function shownSoon(page: Page, banner: Locator, state: 'visible' | 'detached'): Promise<void> {
  try {
    await banner.waitFor({ state, timeout: 15_000 });
  } catch {
    await page.reload();
    await banner.waitFor({ state, timeout: 30_000 });
  }
}

describe('content errors in the preview', () => {
  it("shows a briefing's findings on the open page, at their line, until the briefing is fixed", async () => {
    const file = join(contentDir, 'briefings', 'amazon.mdx');
    const valid = readFileSync(file, 'utf8');
    const broken = valid.replace(/^publishedAt: .*$/m, 'publishedAt: 31.02.2026');
    const brokenLine = broken.split('\n').findIndex((line) => line.startsWith('publishedAt:')) + 1;
    expect(brokenLine).toBeGreaterThan(1);

    await fetchPage('/briefings/amazon/');
    browser = await launchChromium();
    const page = await browser.newPage();
    // An author's page has long been connected to the dev server when they save; a reload asked for
    // before the page's live-reload client has connected would never reach it.
    const connected = page.waitForEvent('console', {
      predicate: (message) => message.text().includes('[vite] connected'),
      timeout: 30_000,
    });
    await page.goto(`${origin}/briefings/amazon/`);
    await connected;
    expect(await page.locator('.content-findings--errors').count()).toBe(0);

    // Saved while the page is open: the dev server reloads it, and it names the file, line and field.
    writeFileSync(file, broken);
    const banner = page.locator('.content-findings--errors');
    await shownSoon(page, banner, 'visible');
    expect(await banner.getAttribute('role')).toBe('alert');
    const listed = await banner.locator('li.content-findings__error').allTextContents();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatch(new RegExp(`amazon\\.mdx:${brokenLine}:\\d+: error: publishedAt `));
    expect(listed[0]).toContain('31.02.2026');
    // The last valid version still shows beneath it.
    expect(await page.locator('h1.briefing__title').textContent()).toContain('Amazon in talks');
    // Every other page says so too, not only the broken briefing's.
    expect(load(await fetchPage('/'))('.content-findings--errors li').text()).toContain('amazon.mdx');

    writeFileSync(file, valid);
    await shownSoon(page, banner, 'detached');
    expect(load(await fetchPage('/briefings/amazon/'))('.content-findings--errors').length).toBe(0);
  }, 120_000);
});
