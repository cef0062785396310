import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { contentPaths } from '../../src/content/content-folders.ts';
import { readSeries } from '../../src/content/loaders/market-loader.ts';
import { renderBody } from '../../src/markdown/body-html.ts';
import { bodyComponents, resolveTickerMentions } from '../../src/site/body-components.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const paths = contentPaths(ROOT);
const components = bodyComponents({ pricesOf: (symbol) => readSeries(paths, ROOT, symbol) });
const amazonFile = join(ROOT, 'tests/fixtures/content/briefings/amazon.mdx');
const amazon = readFileSync(amazonFile, 'utf8');
const frontmatter = {
  title: 'Amazon in talks to invest up to $50 billion in OpenAI as it cuts 16,000 corporate roles',
  dek: 'Amazon is spending heavily on AI while trimming corporate costs.',
};

const render = (source: string, file = join(ROOT, 'content/briefings/test.mdx'), extra: object = {}) =>
  renderBody(source, { filePath: file, frontmatter: { ...frontmatter, ...extra }, components });

describe('a body rendered to HTML when content loads', () => {
  it('renders the Amazon briefing with paragraph ids, heading anchors, its components and its box', async () => {
    const { html, headings, frontmatter: after } = await render(amazon, amazonFile);
    const $ = load(html);
    expect($('p[id^="para-"]').length).toBeGreaterThan(5);
    expect($('h2 > a.heading-anchor').length).toBe(headings.length);
    expect(headings[0]).toEqual({ depth: 2, slug: expect.any(String), text: expect.any(String) });
    expect($('aside.sponsored[data-sponsored][data-pagefind-ignore="all"]').length).toBe(1);
    expect(html).toContain('<aside class="sponsored" data-sponsored data-pagefind-ignore="all"');
    expect($('span.ticker-mention[data-ticker-mention]').length).toBeGreaterThan(0);
    const box = after['keyDevelopmentsBox'] as { bullets: { text: string }[] };
    expect(box.bullets.map((bullet) => bullet.text).join(' ')).toContain('$50 billion');
  });

  it('draws charts and tables as the components did, and drops comments', async () => {
    const source = `---
title: x
---

Revenue grew.{/* an editor's note */}

<BarChart title="Revenue by quarter" unit="$bn" labels="Q1|Q2" values="155.7|167.7" />

| Quarter | Revenue |
| ------- | ------: |
| Q1      |   155.7 |
`;
    const { html } = await render(source);
    const $ = load(html);
    expect($('figure.chart-figure > svg').length).toBe(1);
    expect($('figure.chart-figure figcaption').text()).toContain('Revenue by quarter');
    expect($('figure.chart-figure details table tbody tr')).toHaveLength(2);
    expect(html).not.toContain("editor's note");
    // No whitespace between a table's parts, as MDX wrote them.
    expect(html).toMatch(/<table><thead><tr><th>/);
  });

  it('stops at an attribute the check refuses, naming the file, line and column', async () => {
    const file = join(ROOT, 'content/briefings/broken.mdx');
    await expect(
      render('---\ntitle: x\n---\n\nText.\n\n<BarChart title="T" unit="%" labels="A|B" values="1" />\n', file),
    ).rejects.toThrow(/content\/briefings\/broken\.mdx:7:\d+: error: <BarChart>/);
    await expect(render('---\ntitle: x\n---\n\n{process.env.SECRET}\n', file)).rejects.toThrow(/broken\.mdx:5:1/);
  });
});

describe('ticker mentions', () => {
  it('link to the ticker page where there is one, and name the company where it is known', () => {
    const html =
      '<p><span class="ticker-mention" data-ticker-mention="AMZN">AMZN</span> and <span class="ticker-mention" data-ticker-mention="ZZZ">ZZZ</span></p>';
    const directory = new Map([['AMZN', { name: 'Amazon.com, Inc.', exchange: 'Nasdaq' }]]);
    expect(resolveTickerMentions(html, new Set(['AMZN']), directory)).toBe(
      '<p><a class="ticker-mention" href="/tickers/AMZN/" title="Amazon.com, Inc. (Nasdaq: AMZN)">AMZN</a> and <span class="ticker-mention">ZZZ</span></p>',
    );
  });

  it('stay plain text in a heading, whose content is already a link to itself', async () => {
    const { html } = await render(
      '---\ntitle: x\n---\n\nText.\n\n## Results at <Ticker symbol="AMZN" /> beat\n\nMore.\n',
    );
    const resolved = resolveTickerMentions(html, new Set(['AMZN']), new Map());
    expect(resolved).toContain(
      '<h2 id="results-at-amzn-beat"><a class="heading-anchor" href="#results-at-amzn-beat">Results at <span class="ticker-mention">AMZN</span> beat</a></h2>',
    );
    expect(resolved).not.toContain('href="/tickers/AMZN/"');
    // After another link in the heading, too.
    const { html: linked } = await render(
      '---\ntitle: x\n---\n\nText.\n\n## Guidance [raised](https://example.com/) for <Ticker symbol="AMZN" />\n',
    );
    expect(resolveTickerMentions(linked, new Set(['AMZN']), new Map())).not.toContain('href="/tickers/AMZN/"');
  });
});

describe('plain HTML elements in a body', () => {
  it('keep an attribute written alone, as HTML reads it', async () => {
    const { html } = await render('---\ntitle: x\n---\n\n<details open><summary>More</summary>Text.</details>\n');
    expect(html).toContain('<details open><summary>More</summary>');
  });
});
