import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/engine/text/sentences.ts';

const texts = (text: string) => splitSentences(text).map((sentence) => sentence.text);

describe('splitSentences', () => {
  it.each([
    ['Ocean imports into U.S. West Coast ports declined. The company said so.', 2],
    ['J.P. Morgan raised its target. Mr. Smith left on Feb. 5 to join a rival.', 2],
    ['Revenue was $180.2 billion, up 13%. The call is at 2:00 PM PT. Shares rose.', 3],
    ['Lumora said CFO Joanne Park would leave on Sept. 1 to pursue other opportunities. A treasurer steps in.', 2],
    ['The firm, based in St. Louis, said no. Next came a vote.', 2],
    ['It fell 3.2% in the U.S. Investors sold.', 2],
    ['Shares of Acme Inc. rose. Dr. Jones said so.', 2],
  ])('splits "%s" into %i sentences', (text, count) => {
    expect(texts(text)).toHaveLength(count);
  });

  it('keeps the abbreviations inside their sentences', () => {
    expect(texts('J.P. Morgan raised its target. Mr. Smith left on Feb. 5 to join a rival.')).toEqual([
      'J.P. Morgan raised its target.',
      'Mr. Smith left on Feb. 5 to join a rival.',
    ]);
    expect(texts('Ocean imports into U.S. West Coast ports declined. The company said so.')[0]).toBe(
      'Ocean imports into U.S. West Coast ports declined.',
    );
  });

  it('reports offsets into the paragraph', () => {
    const text = 'First one. Second one.';
    for (const sentence of splitSentences(text))
      expect(text.slice(sentence.start).startsWith(sentence.text)).toBe(true);
  });

  it('handles empty text and other scripts', () => {
    expect(splitSentences('')).toEqual([]);
    expect(texts('売上高は増えた。利益は減った。')).toHaveLength(2);
  });
});
