import { describe, expect, it } from 'vitest';
import { findFigures, machineValue } from '../../../src/engine/text/figures.ts';
import { splitSentences } from '../../../src/engine/text/sentences.ts';

const parsed = (text: string, locale: string) =>
  findFigures(text, locale).map((figure) => [figure.text, machineValue(figure)]);

describe('figures in decimal-comma languages', () => {
  it('reads German amounts, scales and percentages into the same values as English ones', () => {
    expect(
      parsed(
        'Die Aktie stieg um 12 % auf 9,84 Euro; der Umsatz wuchs um 1,5 Mrd. Euro auf 200 Millionen Euro.',
        'de-DE',
      ),
    ).toEqual([
      ['12 %', '12%'],
      ['9,84 Euro', '9.84 EUR'],
      ['1,5 Mrd. Euro', '1500000000 EUR'],
      ['200 Millionen Euro', '200000000 EUR'],
    ]);
    expect(
      parsed('Der Konzern streicht 1.200 Stellen und zahlt am 5. Februar 2026 eine Dividende von 3,20 €.', 'de'),
    ).toEqual([
      ['1.200 Stellen', '1200 Stellen'],
      ['5. Februar 2026', '2026-02-05'],
      ['3,20 €', '3.2 EUR'],
    ]);
  });

  it('reads French amounts with their article', () => {
    expect(
      parsed("Le titre a gagné 4,5 % à 23,10 €, pour 2,3 milliards d'euros de ventes le 1er mars 2026.", 'fr'),
    ).toEqual([
      ['4,5 %', '4.5%'],
      ['23,10 €', '23.1 EUR'],
      ["2,3 milliards d'euros", '2300000000 EUR'],
      ['1er mars 2026', '2026-03-01'],
    ]);
  });
});

describe('figures in Japanese and Chinese', () => {
  it('reads 兆/億/万 amounts, full-width digits and percentages', () => {
    expect(parsed('売上高は1兆2000億円で、株価は３．５％上昇し１２００円となった。', 'ja')).toEqual([
      ['1兆2000億円', '1200000000000 JPY'],
      ['３．５％', '3.5%'],
      ['１２００円', '1200 JPY'],
    ]);
    expect(parsed('营收增长12%，达到350亿元。', 'zh-CN')).toEqual([
      ['12%', '12%'],
      ['350亿元', '35000000000 CNY'],
    ]);
  });

  it('keeps each figure at its place in the text, full-width or not', () => {
    const text = '純利益は３００億円だった。';
    const [figure] = findFigures(text, 'ja');
    expect(text.slice(figure?.start, figure?.end)).toBe('３００億円');
  });
});

describe('sentences by language', () => {
  it('ends Japanese and Chinese sentences at 。！？ and keeps German abbreviations inside', () => {
    expect(splitSentences('売上高は1兆2000億円だった。株価は12%上昇した！今後は？', 'ja').map((s) => s.text)).toEqual([
      '売上高は1兆2000億円だった。',
      '株価は12%上昇した！',
      '今後は？',
    ]);
    expect(
      splitSentences('Der Umsatz stieg um 1,5 Mrd. Euro. Am 5. Februar 2026 legt der Konzern Zahlen vor.', 'de').map(
        (s) => s.text,
      ),
    ).toEqual(['Der Umsatz stieg um 1,5 Mrd. Euro.', 'Am 5. Februar 2026 legt der Konzern Zahlen vor.']);
  });
});
