import { appendFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import {
  briefingCard,
  cardAlt,
  homeCard,
  tagCard,
  tickerCard,
  type CardSpec,
} from '../../src/outputs/card/card-spec.ts';
import { cardKey, rendererFingerprint } from '../../src/build/cards/card-fingerprint.ts';
import { copyProject } from '../helpers/project-copy.ts';
import { estimateLines, fitHeadline } from '../../src/outputs/card/headline-fit.ts';
import { selectFonts } from '../../src/outputs/card/card-fonts.ts';
import { CardPool } from '../../src/build/cards/card-pool.ts';
import { renderCardPng, renderCardSvg } from '../../src/outputs/card/render-card.ts';
import { CardStore } from '../../src/build/cards/card-store.ts';
import { renderToFile } from '../../src/build/cards/card-worker.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const site = {
  name: 'Tickerpress',
  description: 'Short, sourced briefings.',
  locale: 'en-GB',
  timeZone: 'Europe/Berlin',
};
const amazonMarket = {
  symbol: 'AMZN',
  close: 241,
  currency: 'USD',
  asOf: '2026-01-30T16:00:00-05:00',
  high52Week: 247.43,
};
const card = (title: string, extra: Partial<Parameters<typeof briefingCard>[0]> = {}): CardSpec =>
  briefingCard({ title, publishedAt: '2026-02-01T10:17:05+01:00', tickers: ['AMZN'], demo: false, ...extra }, site);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Share of pixels in a region much brighter than the dark background: text is drawn in white. */
async function inkIn(
  png: Buffer,
  region: { left: number; top: number; width: number; height: number },
): Promise<number> {
  const pixels = await sharp(png).extract(region).greyscale().raw().toBuffer();
  let bright = 0;
  for (const value of pixels) if (value > 160) bright += 1;
  return bright / pixels.length;
}

const HEADLINE_AREA = { left: 72, top: 200, width: 1056, height: 260 };

describe('rendered cards', () => {
  it('is a 1200×630 PNG with the headline drawn in the headline area', async () => {
    const png = await renderCardPng(
      card('Amazon in talks to invest up to $50 billion in OpenAI as it cuts 16,000 corporate roles', {
        market: amazonMarket,
      }),
    );
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    expect(await inkIn(png, HEADLINE_AREA)).toBeGreaterThan(0.05);
    const { channels } = await sharp(png).greyscale().stats();
    expect(channels[0]?.stdev).toBeGreaterThan(10);
  });

  it('finds no ink where nothing is drawn (so the ink check can fail)', async () => {
    const png = await renderCardPng(card('Hi'));
    expect(await inkIn(png, { left: 600, top: 200, width: 528, height: 260 })).toBeLessThan(0.005);
  });

  it.each([
    ['accents and German', 'Zürich: Größte Übernahme seit Jahren, sagt Bürgermeisterin Ærøskøbing'],
    ['Greek', 'Η Εθνική Τράπεζα αυξάνει τα κέρδη κατά 12%'],
    ['Cyrillic', 'Сбербанк увеличил прибыль на 12% за квартал'],
    ['Japanese', 'トヨタ自動車、売上高13%増の過去最高'],
    ['Chinese', '腾讯控股第三季度利润增长15%'],
    ['Korean', '삼성전자 3분기 영업이익 12% 증가'],
    ['Arabic', 'البنك المركزي يرفع سعر الفائدة'],
    ['Hebrew', 'בנק ישראל העלה את הריבית'],
    ['emoji', 'Bitcoin rallies 🚀 as ETFs draw $1 billion 📈'],
    ['hostile markup', 'Deal </script><script>alert("x")</script> & more ]]>'],
  ])('draws %s with real glyphs and no missing characters', async (_, title) => {
    const { missing } = selectFonts(title);
    expect(missing).toEqual([]);
    const png = await renderCardPng(card(title));
    expect(await inkIn(png, HEADLINE_AREA)).toBeGreaterThan(0.02);
  });

  it('draws emoji as their colour pictures, which no text on a card is coloured like', async () => {
    /** Pixels of a strong red, such as the rocket's fins and the chart's line: no text colour of the card. */
    const red = async (png: Buffer) => {
      const pixels = await sharp(png).removeAlpha().raw().toBuffer();
      let count = 0;
      for (let at = 0; at < pixels.length; at += 3) {
        if ((pixels[at] ?? 0) > 170 && (pixels[at + 1] ?? 0) < 90 && (pixels[at + 2] ?? 0) < 110) count += 1;
      }
      return count;
    };
    expect(await red(await renderCardPng(card('Bitcoin rallies 🚀 as ETFs draw $1 billion 📈')))).toBeGreaterThan(200);
    expect(await red(await renderCardPng(card('Bitcoin rallies as ETFs draw $1 billion')))).toBe(0);
  });

  it('loads a script font only when the text needs it', () => {
    const latin = selectFonts('Plain English headline');
    expect(latin.fontFamily).toBe('"inter-latin"');
    const japanese = selectFonts('トヨタ');
    expect(japanese.fontFamily).toMatch(/noto-sans-jp/);
    expect(selectFonts('삼성').fontFamily).toMatch(/noto-sans-kr/);
    expect(selectFonts('שלום').fontFamily).toMatch(/noto-sans-hebrew/);
  });

  it('draws text as paths, so "<script>" and "&" stay text and nothing leaks as markup', async () => {
    const { svg } = await renderCardSvg(card('Deal </script><script>alert("x")</script> & more'));
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<text');
  });

  it('leaves out characters no font covers instead of drawing empty boxes, and does not crash', async () => {
    const title = 'ตลาดหุ้นไทย rises 2% ꦗꦮ';
    const { missing } = selectFonts(title);
    expect(missing.length).toBeGreaterThan(0);
    const png = await renderCardPng(card(title));
    expect(await inkIn(png, HEADLINE_AREA)).toBeGreaterThan(0.01);
  });

  it('renders a 220-character headline, and cards for home, ticker and tag pages', async () => {
    const long =
      `${'Regulators open parallel reviews of the proposed merger of two of the largest chipmakers '.repeat(3)}`.slice(
        0,
        220,
      );
    const specs = [
      card(long),
      homeCard(site),
      tickerCard({ symbol: 'AMZN', name: 'Amazon.com, Inc.', exchange: 'Nasdaq' }, 3, amazonMarket, site),
      tagCard('ai', 2, site),
    ];
    for (const spec of specs) {
      const meta = await sharp(await renderCardPng(spec)).metadata();
      expect([meta.width, meta.height]).toEqual([1200, 630]);
    }
  });
});

describe('fitting the headline', () => {
  const box = { width: 1056, height: 330, sizes: [76, 68, 62, 56, 50, 45, 40, 36, 32], lineHeight: 1.16 };

  it('keeps short headlines large and steps down for long ones', () => {
    expect(fitHeadline('Amazon cuts jobs', box).fontSize).toBe(76);
    const long = fitHeadline(
      'x '.repeat(0) +
        'Amazon in talks to invest up to $50 billion in OpenAI as it cuts 16,000 corporate roles'.repeat(2),
      box,
    );
    expect(long.fontSize).toBeLessThan(76);
    expect(long.truncated).toBe(false);
  });

  it('fits a 220-character headline whole, with no ellipsis', () => {
    const headline =
      'Regulators in Brussels, Washington and Beijing open parallel reviews of the proposed merger of two of the largest chipmakers as investors weigh the odds of approval, remedies and a break fee of $2.5 billion in cash';
    expect(headline.length).toBeGreaterThanOrEqual(200);
    const padded = `${headline} today`.slice(0, 220);
    const fitted = fitHeadline(padded, box);
    expect(fitted.truncated).toBe(false);
    expect(fitted.text).toBe(padded);
    expect(fitted.lines * fitted.fontSize * box.lineHeight).toBeLessThanOrEqual(box.height);
  });

  it('ends an impossible headline with an ellipsis as the last resort', () => {
    const fitted = fitHeadline('word '.repeat(200), box);
    expect(fitted.truncated).toBe(true);
    expect(fitted.text.endsWith('…')).toBe(true);
    expect(estimateLines(fitted.text, fitted.fontSize, box.width)).toBeLessThanOrEqual(fitted.lines);
  });

  it('counts CJK characters as breakable and wide', () => {
    expect(estimateLines('トヨタ自動車'.repeat(10), 50, 1056)).toBeGreaterThan(2);
  });
});

describe('cache', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'tickerpress-og-cache-'));
  const fingerprint = rendererFingerprint(ROOT);

  it('renders a card once, then serves it from the cache, also in a later build', async () => {
    const spec = card('Cache test headline');
    const first = new CardStore({ cacheDir, fingerprint, render: renderToFile });
    const png = await first.png(spec);
    await first.png(spec);
    expect(first.stats).toEqual({ rendered: 1, cached: 0 });
    const second = new CardStore({ cacheDir, fingerprint, render: renderToFile });
    expect((await second.png(spec)).equals(png)).toBe(true);
    expect(second.stats).toEqual({ rendered: 0, cached: 1 });
  });

  it('keeps a card that fails while prefetched for its own request, without an unhandled rejection', async () => {
    const failing = new CardStore({
      cacheDir: mkdtempSync(join(tmpdir(), 'tickerpress-og-failing-')),
      fingerprint,
      render: () => Promise.reject(new Error('the renderer broke')),
    });
    const spec = card('Prefetched and failing');
    failing.prefetch([spec]);
    // Let the rejection happen before anyone asks for the card: unobserved, it would fail this test run.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(failing.png(spec)).rejects.toThrow('the renderer broke');
  });

  it('renders again when the card data changes', async () => {
    const store = new CardStore({ cacheDir, fingerprint, render: renderToFile });
    await store.png(card('Cache test headline'));
    await store.png(card('Cache test headline, edited'));
    expect(store.stats).toEqual({ rendered: 1, cached: 1 });
  });

  it('changes every key when the template source changes, and no key when code cards do not run changes', () => {
    const copy = copyProject();
    const before = rendererFingerprint(copy);
    expect(before).toBe(fingerprint);
    appendFileSync(join(copy, 'src/engine/text/figures.ts'), '\n// the figure parser changed\n');
    appendFileSync(join(copy, 'src/pages/index.astro'), '\n<!-- a page changed -->\n');
    expect(rendererFingerprint(copy)).toBe(before);
    appendFileSync(join(copy, 'src/outputs/card/card-template.ts'), '\n// a design change\n');
    const after = rendererFingerprint(copy);
    expect(after).not.toBe(before);
    const spec = card('Same data');
    expect(cardKey(spec, after)).not.toBe(cardKey(spec, before));
  });

  it('keeps keys stable for the same data', () => {
    expect(cardKey(card('A'), fingerprint)).toBe(cardKey(card('A'), fingerprint));
    expect(cardAlt(card('A', { market: amazonMarket }))).toBe(
      'Briefing — A — 1 February 2026 — AMZN $241.00 · 2.6% below its 52-week high',
    );
  });
});

describe('worker pool', () => {
  const pool = new CardPool(join(ROOT, 'src/build/cards/card-worker.ts'), 2);
  afterAll(() => pool.close());

  it('renders cards in worker threads into the given files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tickerpress-og-pool-'));
    const titles = ['One', 'Two', 'Three', 'Four'];
    await Promise.all(titles.map((title) => pool.render(card(title), join(dir, `${title}.png`))));
    expect(readdirSync(dir).sort()).toEqual(['Four.png', 'One.png', 'Three.png', 'Two.png']);
    for (const title of titles) {
      const meta = await sharp(join(dir, `${title}.png`)).metadata();
      expect(meta.width).toBe(1200);
    }
  });

  it('reports a failure instead of hanging', async () => {
    const missingDir = join(tmpdir(), 'tickerpress-no-such-dir', 'x', 'card.png');
    expect(existsSync(dirname(missingDir))).toBe(false);
    await expect(pool.render(card('Fails'), missingDir)).rejects.toThrow(/Rendering the card/);
  });
});
