/**
 * Our smart punctuation makes what Astro's (remark-smartypants with Astro's options) makes, on the
 * sample briefings and on Markdown full of quotes, dashes, ellipses, code, links, tables and JSX, and
 * reports the work of its parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import astroSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/content/frontmatter.ts';
import { RUN_LENGTH } from '../../../src/markdown/latin-parser.ts';
import remarkSmartypants, { latinParserWork, SECOND_PASS } from '../../../src/markdown/plugins/remark-smartypants.ts';
import { longBody, random } from '../../../tools/corpus.ts';
import { PROJECT_ROOT } from '../../helpers/site-build.ts';

const astro = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(astroSmartypants, {});
const ours = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkSmartypants);
const tree = (processor: typeof ours | typeof astro, markdown: string) =>
  processor.runSync(processor.parse(markdown)) as Root;

const PIECES = [
  ...['The', 'he', 'U.S.', 'e.g.', 'etc.', 'Mr.', 'cf.', '2027.', 'Orbix', 'rose', '10.58', '26.8%', '&', 'co-'],
  ...['--', '---', '—', 'a/b', "'", '"', "''", '``', '(', ')', ',', ';', '.', '...', '. . .', '.  .', '!', '?'],
  ...['`code "x"`', '*em*', '**"strong"**', '[a "link"](https://example.com)', "'80s", "don't", "Ironleaf's"],
  ...['\n', '\n\n', '\n\n## Head "q"\n\n', '\n\n- item "one"\n- it\'s\n\n', '\n\n> "quoted\n\n'],
  ...['\n\n| a | "b" |\n| - | - |\n| \'x\' | y... |\n\n', '<Sponsored>"x"</Sponsored>', '日本', '\u0085'],
];

function markdownSoup(seed: number): string {
  const rng = random(seed);
  const parts: string[] = [];
  for (let index = 0; index < 20 + Math.floor(rng() * 150); index++) {
    parts.push(PIECES[Math.floor(rng() * PIECES.length)] ?? '');
    if (rng() < 0.6) parts.push(' ');
  }
  return parts.join('');
}

const briefings = readdirSync(join(PROJECT_ROOT, 'content', 'briefings')).map(
  (name) => splitFrontmatter(readFileSync(join(PROJECT_ROOT, 'content', 'briefings', name), 'utf8'))?.body ?? '',
);

describe('remark-smartypants (ours)', () => {
  it('curls quotes and makes dashes and ellipses', () => {
    const text = toString(tree(ours, `"Sales rose," he said -- it's the '90s... and "[the *best*](https://x.y)" yet.`));
    expect(text).toBe('“Sales rose,” he said — it’s the ’90s… and “the best” yet.');
  });

  it('makes the same tree as Astro’s remark-smartypants', () => {
    for (const markdown of [
      ...briefings,
      longBody(1500, 5),
      ...Array.from({ length: 150 }, (_, seed) => markdownSoup(seed)),
    ]) {
      expect(tree(ours, markdown)).toEqual(tree(astro, markdown));
    }
  });

  it('leaves alone, unparsed, text the second pass would not change', () => {
    expect(SECOND_PASS.test('Sales rose 6.2% to $4.31 billion. Margins held; the U.S. unit grew.')).toBe(false);
    for (const changed of ['a--b', 'wait...', 'wait. . .', 'wait.\u00a0.\u00a0.', '``quote', "quote''"]) {
      expect(SECOND_PASS.test(changed)).toBe(true);
    }
  });

  it('reports the work of its parser: tokens grow with the text, the lists its plugins get do not', () => {
    const work = [1000, 20_000].map((words) => {
      tree(ours, longBody(words));
      return latinParserWork();
    });
    const [small, large] = work;
    expect((large?.tokens ?? 0) / (small?.tokens ?? 1)).toBeGreaterThan(15);
    for (const { longestTokenRun, longestSentenceRun } of work) {
      expect(Math.max(longestTokenRun, longestSentenceRun)).toBeLessThanOrEqual(RUN_LENGTH + 16);
    }
  });
});
