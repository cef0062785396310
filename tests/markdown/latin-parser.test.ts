/**
 * `LinearParseLatin` builds the tree `ParseLatin` builds, cut into runs or not, and hands parse-latin's
 * plugins lists of a bounded length however long the text (the work that made long briefings quadratic).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParseLatin } from 'parse-latin';
import { describe, expect, it } from 'vitest';
import { LinearParseLatin, RUN_LENGTH } from '../../src/markdown/latin-parser.ts';
import { longBody, random } from '../../tools/corpus.ts';
import { PROJECT_ROOT } from '../helpers/site-build.ts';

/** Every kind of token parse-latin's plugins merge, split or move, and the white space between them. */
const TOKENS = [
  ...['The', 'he', 'Orbix', 'rose', 'naïve', 'Ärger', 'İstanbul', 'ß', '日本', '3', '10.58', '$3.9bn', '26.8%'],
  ...['U.S.', 'e.g.', 'etc.', 'Mr.', 'cf.', 'al.', 'ibid.', '1.', '12.', '2027.', 'a.', 'v1.2.3', 'x@y.com'],
  ...['&', '&Co', 'co-', '-', '--', '—', 'a/b', 'and/or', 'km/h', '_', '__init__', '·', '=', '@', ':'],
  ...["'", '"', '‘', '’', '(', ')', '[', ']', ',', ';', '.', '..', '...', '. . .', '!', '?', '?!', '…', '。'],
  ...["'80s", "don't", "Ironleaf's", '\n', '\n\n', '\n\n\n', ' ', '  ', '\t', '\u00a0'],
];

function tokenSoup(seed: number, count: number): string {
  const rng = random(seed);
  const parts: string[] = [];
  for (let index = 0; index < count; index++) {
    parts.push(TOKENS[Math.floor(rng() * TOKENS.length)] ?? '');
    if (rng() < 0.6) parts.push(' ');
  }
  return parts.join('');
}

const briefings = readdirSync(join(PROJECT_ROOT, 'content', 'briefings')).map((name) =>
  readFileSync(join(PROJECT_ROOT, 'content', 'briefings', name), 'utf8'),
);

describe('LinearParseLatin', () => {
  it('builds the tree ParseLatin builds, whatever the length of the runs', () => {
    const texts = [...briefings, longBody(1500, 4), ...Array.from({ length: 150 }, (_, seed) => tokenSoup(seed, 200))];
    for (const text of texts) {
      const expected = new ParseLatin().parse(text);
      for (const runLength of [1, 3, RUN_LENGTH]) {
        expect(new LinearParseLatin(runLength).parse(text)).toEqual(expected);
      }
    }
  });

  it('cuts long texts into runs: sentences and tokens apart are handed to the plugins apart', () => {
    const parser = new LinearParseLatin(5);
    parser.parse(longBody(2000, 4));
    expect(parser.work.longestSentenceRun).toBeLessThan(parser.work.sentences / 4);
    expect(parser.work.longestTokenRun).toBeLessThan(parser.work.tokens / 4);
  });

  it('hands the plugins lists of a bounded length, while the tokens read grow with the text', () => {
    const work = [1000, 10_000, 50_000].map((words) => {
      const parser = new LinearParseLatin();
      parser.parse(longBody(words));
      return { words, ...parser.work };
    });
    for (const { words, tokens, sentences, longestTokenRun, longestSentenceRun, longestParagraphRun } of work) {
      expect(tokens / words).toBeGreaterThan(1.5);
      expect(tokens / words).toBeLessThan(3);
      expect(sentences).toBeGreaterThan(words / 40);
      // ParseLatin hands its sentence plugins every token at once, and its paragraph plugins every sentence.
      expect(longestTokenRun).toBeLessThanOrEqual(RUN_LENGTH + 16);
      expect(longestSentenceRun).toBeLessThanOrEqual(RUN_LENGTH + 16);
      expect(longestParagraphRun).toBeLessThanOrEqual(RUN_LENGTH);
    }
    const [small, , large] = work;
    expect((large?.tokens ?? 0) / (small?.tokens ?? 1)).toBeCloseTo(50, -1);
  });
});
