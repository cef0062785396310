import { describe, expect, it } from 'vitest';
import { describeDistanceToHigh, formatMoney, formatPercent, fractionBelowHigh } from '../../src/engine/money.ts';

describe('market snapshot', () => {
  it('derives the Amazon sample: $241.00 is 2.6% below a 52-week high of $247.43', () => {
    const snapshot = { close: 241, high52Week: 247.43 };
    expect(fractionBelowHigh(snapshot)).toBeCloseTo(0.026, 3);
    expect(describeDistanceToHigh(snapshot, 'en-GB')).toBe('2.6% below its 52-week high');
  });

  it('says when the close is the 52-week high', () => {
    expect(describeDistanceToHigh({ close: 63.8, high52Week: 63.8 }, 'en-GB')).toBe('at its 52-week high');
  });

  it('never prints 0.0% for a close just under the high', () => {
    expect(describeDistanceToHigh({ close: 99.99, high52Week: 100 }, 'en-GB')).toBe(
      'less than 0.1% below its 52-week high',
    );
  });

  it('formats money with the narrow symbol and the currency minor units', () => {
    expect(formatMoney(241, 'USD', 'en-GB')).toBe('$241.00');
    expect(formatMoney(41.25, 'EUR', 'en-GB')).toBe('€41.25');
    expect(formatMoney(1234.5, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
    expect(formatMoney(1500, 'JPY', 'en-GB')).toBe('¥1,500');
  });

  it('formats percentages in the locale', () => {
    expect(formatPercent(0.026, 'en-GB')).toBe('2.6%');
    expect(formatPercent(0.026, 'de-DE')).toBe('2,6\u00a0%');
  });
});
