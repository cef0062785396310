import { describe, expect, it } from 'vitest';
import { sentenceForms } from '../../../src/engine/key-developments/constituent-shortening.ts';

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
