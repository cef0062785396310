/**
 * The build's own guard, through the compiler Astro runs (`cachedParallelMdx`): a briefing compiled
 * without the content check still runs no code and draws no component it cannot draw, and each refusal
 * names the file, line and column.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildGlobals } from '../../../src/build/build-globals.ts';
import { cachedParallelMdx } from '../../../src/markdown/mdx-compiler.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const FILE = join(ROOT, 'content/briefings/guarded.mdx');
/** Astro hands the compiler the body with the frontmatter blanked line for line: the body starts on line 10. */
const BLANK_FRONTMATTER = '\n'.repeat(9);

const saved = { ...process.env };
beforeEach(() => {
  process.env['TICKERPRESS_CACHE_DIR'] = mkdtempSync(join(tmpdir(), 'tickerpress-guard-cache-'));
  process.env['MDX_WORKERS'] = '1';
  buildGlobals().mdx = undefined;
});
afterEach(() => {
  process.env = { ...saved };
  buildGlobals().mdx = undefined;
});

async function compile(body: string) {
  const renderer = await cachedParallelMdx(ROOT).createMdxRenderer?.({}, { optimize: false });
  if (!renderer) throw new Error('no MDX renderer');
  return renderer.process(BLANK_FRONTMATTER + body, FILE, { title: 'T', dek: 'D.' });
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
    ['a NUL character', 'A paragraph with a \u0000 NUL.', '10:20', /a NUL character \(U\+0000\) is not text/],
  ])('refuses %s before anything is evaluated, at its line and column', async (_, body, place, message) => {
    const refused = await compile(body).then(
      () => undefined,
      (error: unknown) => error as { message: string; line: number; column: number },
    );
    expect(refused?.message).toContain(`content/briefings/guarded.mdx:${place}: error: `);
    expect(refused?.message.split('\n')[1]?.replace(/^.*?: error: /, '')).toMatch(message);
    expect(`${refused?.line}:${refused?.column}`).toBe(place);
  });

  it('compiles a briefing without code, giving each component its place for errors only rendering finds', async () => {
    const output = await compile(
      'Shares of <Ticker symbol="AMZN" /> rose. A brace \\{ and a {/* note */}.\n\n<PriceChart ticker="AMZN" />',
    );
    expect(output.code).toContain('"content/briefings/guarded.mdx:10:11"');
    expect(output.code).toContain('"content/briefings/guarded.mdx:12:1"');
    expect(output.code).not.toMatch(/process\.env|note \*\//);
  });
});
