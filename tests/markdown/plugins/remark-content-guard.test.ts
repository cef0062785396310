/**
 * The build's own guard, through the renderer that draws each body as briefings load
 * (`src/markdown/body-html.ts`): a briefing rendered without the content check still runs no code and
 * draws no component it cannot draw, and each refusal names the file, line and column.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentPaths } from '../../../src/content/content-folders.ts';
import { readSeries } from '../../../src/content/loaders/market-loader.ts';
import { renderBody } from '../../../src/markdown/body-html.ts';
import { bodyComponents } from '../../../src/site/body-components.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const FILE = join(ROOT, 'content/briefings/guarded.mdx');
/** Nine lines of frontmatter: the body starts on line 10. */
const FRONTMATTER = `---\ntitle: T\ndek: D.\n${'# a note\n'.repeat(5)}---\n`;
const paths = contentPaths(ROOT);
const components = bodyComponents({ pricesOf: (symbol) => readSeries(paths, ROOT, symbol) });

function compile(body: string) {
  return renderBody(FRONTMATTER + body, { filePath: FILE, frontmatter: { title: 'T', dek: 'D.' }, components });
}

describe('the content guard of the MDX pipeline', () => {
  it.each([
    [
      'an expression reading the environment',
      'The model is at {process.env.HOME}/model.xlsx.',
      '10:17',
      /\{…\} is an MDX expression/,
    ],
    ['an import of node:fs', "import { readFileSync } from 'node:fs';", '10:1', /^import is not allowed/],
    ['an export', 'export const leak = process.env;', '10:1', /^export is not allowed/],
    ['a spread', 'A <Ticker {...{ symbol: "AMZN" }} />.', '10:11', /^<Ticker \{…\}> spreads attributes/],
    [
      'an expression in an attribute',
      '<Ticker symbol={process.env.USER} />',
      '10:9',
      /^<Ticker symbol=\{…\}> is an expression/,
    ],
    [
      'a month 13',
      '<PriceChart ticker="AMZN" from="2026-13-01" to="2026-01-30" />',
      '10:27',
      /is not a day that exists/,
    ],
    [
      'dates out of order',
      '<PriceChart ticker="AMZN" from="2026-01-30" to="2025-01-30" />',
      '10:45',
      /ends before it starts/,
    ],
    [
      'a value that is not a number',
      '<BarChart title="S" unit="$bn" labels="Q1|Q2|Q3" values="1.2|abc|3" />',
      '10:50',
      /values: "abc" \(for "Q2"\)/,
    ],
    [
      'labels and values that disagree',
      '<BarChart title="S" unit="$bn" labels="Q1|Q2" values="1" />',
      '10:47',
      /2 labels but 1 values/,
    ],
    ['a bar chart without its unit', '<BarChart title="S" labels="Q1" values="1" />', '10:1', /needs unit=/],
    ['a sponsored block without its sponsor', '<Sponsored>Buy.</Sponsored>', '10:1', /<Sponsored> needs its label/],
    ['an unknown attribute', '<PriceChart ticker="AMZN" form="2025-01-01" />', '10:27', /has no attribute "form"/],
  ])('refuses %s before anything is evaluated, at its line and column', async (_, body, place, message) => {
    const refused = await compile(body).then(
      () => undefined,
      (error: unknown) => error as { message: string; line: number; column: number },
    );
    expect(refused?.message).toContain(`content/briefings/guarded.mdx:${place}: error: `);
    expect(refused?.message.split('\n')[1]?.replace(/^.*?: error: /, '')).toMatch(message);
    expect(`${refused?.line}:${refused?.column}`).toBe(place);
  });

  it('renders a briefing without code: its components drawn, a literal brace kept, a comment dropped', async () => {
    const { html } = await compile(
      'Shares of <Ticker symbol="AMZN" /> rose. A brace \\{ and a {/* note */}.\n\n<PriceChart ticker="AMZN" />',
    );
    expect(html).toContain('<span class="ticker-mention" data-ticker-mention="AMZN">AMZN</span>');
    expect(html).toContain('<figure class="chart-figure"><svg');
    expect(html).toContain('A brace { and a .');
    expect(html).not.toMatch(/process\.env|note/);
  });

  it('names the place of an error only drawing finds: a chart range without market data', async () => {
    await expect(compile('Text.\n\n<PriceChart ticker="AMZN" from="1990-01-01" to="1990-06-30" />')).rejects.toThrow(
      /content\/briefings\/guarded\.mdx:12:1: error: <PriceChart ticker="AMZN">/,
    );
  });
});
