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
import remarkSmartypants, {
  latinParserWork,
  quoteStretches,
  SECOND_PASS,
} from '../../../src/markdown/plugins/remark-smartypants.ts';
import { longBody, longBriefing, random } from '../../../tools/corpus.ts';
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
  // Sentence ends where the first pass may cut the text, or nearly.
  ...['Sales.', 'Orbix!', 'report?', '"Quoted', 'quoted."', "quoted.'", "'Tis", '12345.', 'abcd.', '(Orbix.)'],
  ...['Orbix.)', '"Orbix."', '*Orbix.*', 'x.Orbix.', 'Éclair', 'Zed', 'zed', 'ORBIX.', 'Orbix?!', 'Orbix..'],
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
      longBriefing(1500, 5),
      ...Array.from({ length: 150 }, (_, seed) => markdownSoup(seed)),
    ]) {
      expect(tree(ours, markdown)).toEqual(tree(astro, markdown));
    }
  });

  it('cuts the text for the first pass only after a sentence ends in a long word, before a capital', () => {
    const cuts = (text: string) => quoteStretches(text.replaceAll('"', '')).length;
    expect(quoteStretches('Sales rose sharply. The "unit" expanded. Margins widened! Orbix said "no."')).toEqual([
      { text: 'Sales rose sharply.', quotes: false },
      { text: ' The "unit" expanded.', quotes: true },
      { text: ' Margins widened!', quotes: false },
      { text: ' Orbix said "no."', quotes: true },
    ]);
    // A quote-free stretch is one, however many sentences it holds.
    expect(cuts('Sales rose sharply. Margins held! Costs fell.')).toBe(1);
    for (const uncut of [
      'It rose 2027. The',
      'In the U.S. The',
      'Sales etc. The',
      'Sales climbed. the',
      'Sales climbed.The',
    ]) {
      expect(quoteStretches(`${uncut} "x"`).length, uncut).toBe(1);
    }
    for (const text of [longBriefing(500), ...briefings]) {
      expect(
        quoteStretches(text)
          .map((stretch) => stretch.text)
          .join(''),
      ).toBe(text);
    }
  });

  it('leaves alone, unparsed, text the second pass would not change', () => {
    expect(SECOND_PASS.test('Sales rose 6.2% to $4.31 billion. Margins held; the U.S. unit grew.')).toBe(false);
    for (const changed of ['a--b', 'wait...', 'wait. . .', 'wait.\u00a0.\u00a0.', '``quote', "quote''"]) {
      expect(SECOND_PASS.test(changed)).toBe(true);
    }
  });

  it('parses only stretches with quotes: tokens grow with them, the lists its plugins get do not', () => {
    tree(ours, longBody(20_000));
    expect(latinParserWork().tokens).toBe(0);
    const work = [1000, 20_000].map((words) => {
      tree(ours, longBriefing(words));
      return latinParserWork();
    });
    const [small, large] = work;
    expect(small?.tokens).toBeGreaterThan(0);
    expect((large?.tokens ?? 0) / (small?.tokens ?? 1)).toBeGreaterThan(15);
    for (const { longestTokenRun, longestSentenceRun } of work) {
      expect(Math.max(longestTokenRun, longestSentenceRun)).toBeLessThanOrEqual(RUN_LENGTH + 16);
    }
  });
});
