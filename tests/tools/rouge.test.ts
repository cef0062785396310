import { describe, expect, it } from 'vitest';
import { figureRecall, normaliseFigures, rouge } from '../../tools/rouge.ts';

describe('rouge', () => {
  it('scores identical text as 1 and disjoint text as 0', () => {
    expect(rouge('Shares rose sharply', 'Shares rose sharply', 1)).toEqual({ recall: 1, precision: 1, f1: 1 });
    expect(rouge('alpha beta', 'gamma delta', 2).recall).toBe(0);
  });

  it('stems tokens and counts clipped overlaps', () => {
    // "raised" and "raise" share the stem "rais"; the reference has 4 unigrams.
    const score = rouge('the company raised raised prices', 'Company raise its prices', 1);
    expect(score.recall).toBeCloseTo(3 / 4);
    expect(score.precision).toBeCloseTo(3 / 5);
  });

  it('counts bigrams', () => {
    // Tokens: the bank cut rate to 3 5 (six bigrams), of which cut-rate, rate-to, to-3 and 3-5 match.
    expect(rouge('cut rates to 3.5%', 'the bank cut rates to 3.5%', 2).recall).toBeCloseTo(4 / 6);
  });
});

describe('figure recall', () => {
  it('normalises thousands separators, bn and percent', () => {
    expect(normaliseFigures('16,000 jobs, $1.2bn, 13 percent')).toBe('16000 jobs, $1.2 billion, 13%');
    expect(
      figureRecall('It cut 16000 jobs and spent $1.2 billion, up 13 percent.', ['16,000', '$1.2bn', '13%', '$5']),
    ).toBe(0.75);
  });
});
