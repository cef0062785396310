import { describe, expect, it } from 'vitest';
import { isFigureCell, isNumericColumn } from '../../../src/engine/text/table-cells.ts';

describe('table cells', () => {
  it.each([
    '180.2',
    '$180.2 billion',
    '$4.31bn',
    '13%',
    '-3.5%',
    '−2.1',
    '(12)',
    '1,212',
    '€1,200m',
    '2.5x',
    '0.3pp',
    '250 bp',
    'USD 4.1',
    '+28',
  ])('reads %s as a figure', (cell) => expect(isFigureCell(cell)).toBe(true));

  it.each(['Q3 2025', 'Sales', 'Kestrel', '13% (est.)', '1.2.3', ''])('does not read %s as a figure', (cell) =>
    expect(isFigureCell(cell)).toBe(false),
  );

  it('treats a column of figures with placeholders as numeric, and a mixed one as text', () => {
    expect(isNumericColumn(['$4.06bn', '—', 'n/a', '1,184'])).toBe(true);
    expect(isNumericColumn(['$4.06bn', 'text'])).toBe(false);
    expect(isNumericColumn(['', '—'])).toBe(false);
  });
});
