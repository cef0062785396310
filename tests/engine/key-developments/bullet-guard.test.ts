import { describe, expect, it } from 'vitest';
import { guardBullet, wordsFrom } from '../../../src/engine/key-developments/bullet-guard.ts';

/** The verdict on `bullet` as a form of `source` (itself by default), in English. */
const verdict = (bullet: string, source = bullet) => guardBullet(bullet, source, 'en');

describe('the bullet guard', () => {
  it('passes whole sentences with a subject and a verb, however they open', () => {
    for (const sentence of [
      'Revenue slipped 2% to $4.1 billion in the first quarter.',
      'The group, which owns 40 stores, had raised its forecast.',
      'In the first quarter, revenue rose 5% to €1.2 billion.',
      'At its last meeting the central bank left its deposit rate unchanged at 2.00%.',
      'About 38% of votes cast opposed the re-election of the chair.',
      'Based on the closing price of $31, the offer is worth $2.1 billion.',
      'Shares of Vantora climbed 6.3% to $68.42 after Dunmoor lifted its rating to buy.',
    ]) {
      expect(verdict(sentence), sentence).toBe('ok');
    }
  });

  it('refuses words glued or cut by a deletion: every word must be a word of the source, in order', () => {
    const source = "Based on Friday's closing price of $31, the offer values the group at $2.1 billion.";
    expect(verdict("Based's closing price of $31, the offer values the group at $2.1 billion.", source)).toBe(
      'refused',
    );
    expect(wordsFrom('The processor000 small businesses', 'The processor, which serves 41,000 small businesses')).toBe(
      false,
    );
    expect(wordsFrom('The offer values the group at $2.1 billion.', source)).toBe(true);
  });

  it('refuses commas, quotes and brackets left unpaired or doubled by a deleted aside', () => {
    expect(verdict('The group, had raised its forecast to $2 billion.')).toBe('refused');
    expect(verdict('The government, which holds 12% of the bank will not sell its stake.')).toBe('refused');
    expect(verdict('The government, which holds 12% of the bank, will not sell its stake.')).toBe('ok');
    expect(verdict('Revenue rose 5% to $2 billion, which beat forecasts.')).toBe('ok');
    expect(verdict('It earned $1.20 per share,, up from $1.05.')).toBe('refused');
    expect(verdict('Revenue rose 5% (to €1.2 billion.')).toBe('refused');
    expect(verdict('The chief executive said profit would be “about €40 million.')).toBe('refused');
    expect(verdict('Revenue rose 5% , to €1.2 billion.')).toBe('refused');
  });

  it('refuses fragments: an opening clause or phrase whose main clause never comes', () => {
    expect(verdict('When Jane Doe became chief executive two years ago.')).toBe('refused');
    expect(verdict('From the record high of 283 euros reached in February.')).toBe('refused');
    expect(verdict('Tariffs, a weaker dollar, competitors cutting prices in US retail.')).toBe('refused');
    expect(verdict('When Jane Doe became chief executive two years ago, the shares traded at €12.')).toBe('ok');
  });

  it('refuses datelines, legal boilerplate and first-person lines outside quotations', () => {
    for (const line of [
      'Essen, 3 May 2026.',
      'Stuttgart, 14 July 2026 – The board resolved to raise the forecast to €1.2 billion.',
      'Ad-hoc announcement pursuant to Art. 17 MAR: the board raised its forecast to €1.2 billion.',
      'This release contains forward-looking statements that involve risks.',
      'Back in March we said 3% to 5%.',
      'Our analysts see the shares at $40.',
    ]) {
      expect(verdict(line), line).toBe('refused');
    }
    expect(verdict('The chief executive said: “We will cut 300 jobs.”')).toBe('ok');
  });

  it('marks a form that opens with a pronoun: it may only follow the sentence it points back to', () => {
    expect(verdict('Its revenue fell 3% to $2.1 billion.')).toBe('pronoun');
    expect(verdict('They expect a 4% rise in 2026.')).toBe('pronoun');
    expect(verdict('The corporate bank said its revenue fell 3% to $2.1 billion.')).toBe('ok');
  });

  it('keeps to what holds in any language where the tagger reads only English', () => {
    expect(
      guardBullet('Der Umsatz stieg um 5 % auf 1,2 Mrd. Euro.', 'Der Umsatz stieg um 5 % auf 1,2 Mrd. Euro.', 'de'),
    ).toBe('ok');
    expect(guardBullet('Der Umsatz,, stieg.', 'Der Umsatz,, stieg.', 'de')).toBe('refused');
  });
});
