/**
 * A feed item as a feed reader shows it: its HTML alone, with none of the site's CSS, in Chromium.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../tools/chromium.ts';

interface RssItem {
  link: string;
  'content:encoded': string;
}

function amazonItemHtml(): string {
  const rss = new XMLParser().parse(readFileSync(join(inject('sampleSite'), 'rss.xml'), 'utf8')) as {
    rss: { channel: { item: RssItem[] } };
  };
  const item = rss.rss.channel.item.find((entry) => entry.link.includes('amazon-openai-talks-job-cuts'));
  if (!item) throw new Error('the Amazon briefing is not in rss.xml');
  return item['content:encoded'];
}

/** Share of pixels matching `test`, in an RGBA buffer. */
function share(pixels: Buffer, test: (r: number, g: number, b: number) => boolean): number {
  let matching = 0;
  for (let index = 0; index < pixels.length; index += 4) {
    if (test(pixels[index] ?? 0, pixels[index + 1] ?? 0, pixels[index + 2] ?? 0)) matching += 1;
  }
  return matching / (pixels.length / 4);
}

describe('an RSS item shown without the site stylesheet', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 800, height: 1200 } });
    // No stylesheet, no scripts: what a reader that keeps only the item's HTML shows.
    await page.setContent(
      `<!doctype html><html><head><meta charset="utf-8"></head><body>${amazonItemHtml()}</body></html>`,
    );
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens with the key-developments box, figures in bold', async () => {
    const first = await page.evaluate(() => {
      const element = document.body.firstElementChild;
      return {
        tag: element?.tagName,
        heading: element?.querySelector('h2')?.textContent,
        bullets: element?.querySelectorAll('li').length,
        boldFigure: element?.querySelector('li strong data')?.getAttribute('value'),
      };
    });
    expect(first).toMatchObject({ tag: 'SECTION', heading: 'Key developments at a glance', bullets: 3 });
    expect(first.boldFigure).toMatch(/^\d+ USD$/);
  });

  it('draws the price chart light under the line, with the line drawn, not as a black blob', async () => {
    const chart = page.locator('svg.chart--price').first();
    await chart.scrollIntoViewIfNeeded();
    const { data } = await sharp(await chart.screenshot())
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const black = share(data, (r, g, b) => r < 60 && g < 60 && b < 60);
    const light = share(data, (r, g, b) => r > 200 && g > 200 && b > 200);
    // The line's blue (#0b4f7a), within the tolerance of anti-aliasing.
    const line = share(data, (r, g, b) => r < 60 && g > 50 && g < 110 && b > 90 && b < 150);
    expect(black).toBeLessThan(0.02);
    expect(light).toBeGreaterThan(0.8);
    expect(line).toBeGreaterThan(0.002);
  });
});
