import { describe, expect, it } from 'vitest';
import {
  canStandFor,
  sentenceForms,
  withAntecedent,
} from '../../../src/engine/key-developments/constituent-shortening.ts';

const forms = (sentence: string, lang = 'en') => sentenceForms(sentence, lang).forms.map((form) => form.text);

describe('shortening by constituents', () => {
  it('deletes whole asides, attributions and discourse markers, and keeps the whole sentence as a form', () => {
    expect(
      forms(
        'However, the group, which owns stores across Norway, had raised its forecast to $2 billion, the company said.',
      ),
    ).toEqual(
      expect.arrayContaining([
        'However, the group, which owns stores across Norway, had raised its forecast to $2 billion, the company said.',
        'The group had raised its forecast to $2 billion.',
      ]),
    );
    expect(forms('Vestra, the Oslo-based shipper, agreed to buy Kolby for $1.2 billion.')).toContain(
      'Vestra agreed to buy Kolby for $1.2 billion.',
    );
    expect(forms('Corvana Systems (NASDAQ: CRVS) reported revenue of $4.8 billion on Wednesday.')).toContain(
      'Corvana Systems reported revenue of $4.8 billion.',
    );
    expect(forms('Amazon shares closed at $241.00 on Friday, 30 January 2026, 2.6% below their high.')).toEqual([
      'Amazon shares closed at $241.00 on Friday, 30 January 2026, 2.6% below their high.',
      'Amazon shares closed at $241.00 on 30 January 2026, 2.6% below their high.',
    ]);
  });

  it('never deletes a figure, a period qualifier, a comparison base, a list member or a quotation', () => {
    const all = [
      ...forms(
        'For the October–December quarter, revenue fell 3% to $2.1 billion, compared with $2.2 billion a year earlier.',
      ),
      ...forms('Sales rose in France, Spain and Canada, the company said on Friday.'),
      ...forms("Based on Friday's closing price of $31, the offer is worth $2.1 billion."),
      ...forms('The chief executive said: "We will cut 300 jobs, mostly in Ohio."'),
    ];
    for (const form of all) expect(form).not.toMatch(/^(?:Revenue fell|Sales rose in France\.|Based's)/);
    expect(all).toContain('Sales rose in France, Spain and Canada.');
    expect(all.filter((form) => form.startsWith('For the October–December quarter, revenue fell 3%'))).not.toEqual([]);
    expect(all.every((form) => !form.includes("Based's"))).toBe(true);
    expect(all).toContain('The chief executive said: "We will cut 300 jobs, mostly in Ohio."');
  });

  it('deletes closing phrases nearest the end first, scene-setting openers and one of two coordinated clauses', () => {
    expect(
      forms(
        'Aurelian said it would invest $3.2 billion in a plant near Lima, its largest U.S. investment in a decade, as the carmaker tries to qualify for incentives.',
      ),
    ).toEqual(
      expect.arrayContaining([
        'Aurelian said it would invest $3.2 billion in a plant near Lima, its largest U.S. investment in a decade.',
        'Aurelian said it would invest $3.2 billion in a plant near Lima.',
      ]),
    );
    expect(forms('In Xetra trading, the Valkenberg share climbed 4.8% to 2,046 euros.')).toContain(
      'The Valkenberg share climbed 4.8% to 2,046 euros.',
    );
    expect(forms('In March, Brightwater forecast earnings of $4.10 a share.')).toEqual([
      'In March, Brightwater forecast earnings of $4.10 a share.',
    ]);
    const coordinated = forms(
      'The euro rose 0.5% to $1.1840, and the yield on two-year German bonds climbed 6 basis points to 1.92%.',
    );
    expect(coordinated).toContain('The euro rose 0.5% to $1.1840.');
    expect(coordinated).toContain('The yield on two-year German bonds climbed 6 basis points to 1.92%.');
  });

  it('keeps what only looks like a constituent: a range of months, the comma before a phrase that goes on', () => {
    for (const form of forms('For the January–March quarter, revenue rose 26% to $1.02 billion, the company said.')) {
      expect(form).toMatch(/^For the January–March quarter, revenue rose 26%/);
    }
    expect(
      forms(
        'Insurers wrote about £47bn of deals, according to estimates from Ferrers Pollard, a pensions consultancy, slightly down from £49bn.',
      ),
    ).not.toContain(
      'Insurers wrote about £47bn of deals, according to estimates from Ferrers Pollard slightly down from £49bn.',
    );
  });

  it('puts the subject of the sentence before in place of an opening "It", word for word, where it agrees', () => {
    const [carrier] = sentenceForms('The carrier expects pre-tax profit of about €420 million.', 'en').forms;
    const [it] = sentenceForms('It will cancel around 3,000 flights.', 'en').forms;
    expect(carrier?.antecedent).toBe('The carrier');
    expect(it?.verdict).toBe('pronoun');
    const headline = 'Tessaly Airlines warns on profit';
    expect(it && withAntecedent(it, carrier?.antecedent, headline)?.text).toBe(
      'The carrier will cancel around 3,000 flights.',
    );
    // Not for a plural, not for what is no company ("Inflation fell … It cut its forecast" is the bank's).
    expect(it && withAntecedent(it, 'The shares', headline)).toBeUndefined();
    expect(it && withAntecedent(it, 'Inflation', 'Bank of England cuts rates')).toBeUndefined();
    expect(it && withAntecedent(it, 'Tessaly', headline)?.text).toBe('Tessaly will cancel around 3,000 flights.');
    const [its] = sentenceForms('Its shares fell 17%.', 'en').forms;
    expect(its && withAntecedent(its, 'The carrier', headline)).toBeUndefined();
  });

  it('offers no form the guard refuses, and counts what it refused', () => {
    const { forms: kept, refused } = sentenceForms('When Jane Doe became chief executive two years ago.', 'en');
    expect(kept).toEqual([]);
    expect(refused).toBe(1);
  });

  it('keeps sentences of other languages whole', () => {
    expect(forms('Der Konzern, der 40 Filialen betreibt, hob am Freitag seine Prognose an.', 'de')).toEqual([
      'Der Konzern, der 40 Filialen betreibt, hob am Freitag seine Prognose an.',
    ]);
  });
});

describe('what "It" may stand for', () => {
  it('takes a one-word name only from the headline, and any name as a word, not a pattern', () => {
    expect(canStandFor('it', 'Tessaly', 'Tessaly warns on profit')).toBe(true);
    expect(canStandFor('it', 'Tessaly', 'Tessalyx warns on profit')).toBe(false);
    expect(canStandFor('it', 'C++', 'C++ maker warns')).toBe(false);
    expect(canStandFor('their', 'The shares', 'x')).toBe(true);
    expect(canStandFor('they', 'The carrier', 'x')).toBe(false);
  });
});
