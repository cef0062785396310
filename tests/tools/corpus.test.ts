import { describe, expect, it } from 'vitest';
import { CORPUS_TICKERS, generateCorpus } from '../../tools/corpus.ts';
import { readBriefingFrontmatter } from '../../src/content/frontmatter.ts';
import { wordCount } from '../../src/engine/text/tokens.ts';

describe('generated corpus', () => {
  const corpus = generateCorpus(60, 7);

  it('is the same for the same seed and different for another', () => {
    expect(generateCorpus(60, 7)).toEqual(corpus);
    expect(generateCorpus(60, 8)[0]?.source).not.toBe(corpus[0]?.source);
  });

  it('holds valid briefings of 400 to 700 words with 1 to 3 tickers, some with tables', () => {
    const authors = new Set(['markets-desk', 'demo-writer']);
    let tables = 0;
    for (const briefing of corpus) {
      const result = readBriefingFrontmatter(briefing.source, { file: briefing.name, authors });
      if (!result.ok) throw new Error(`${briefing.name}: ${JSON.stringify(result.findings)}`);
      expect(result.frontmatter.tickers.length).toBeGreaterThanOrEqual(1);
      expect(result.frontmatter.tickers.length).toBeLessThanOrEqual(3);
      const words = wordCount(result.block.body.replace(/^\|.*$/gm, '').replace(/^#.*$/gm, ''));
      expect(words).toBeGreaterThanOrEqual(400);
      expect(words).toBeLessThanOrEqual(700);
      if (/^\| /m.test(result.block.body)) tables += 1;
    }
    expect(tables).toBeGreaterThan(0);
    expect(new Set(corpus.map((briefing) => briefing.name)).size).toBe(corpus.length);
    expect(CORPUS_TICKERS.length).toBeGreaterThanOrEqual(60);
  });
});
