import { describe, expect, it } from 'vitest';
import { checkWithSite } from '../helpers/content-check.ts';
import { formatFinding } from '../../src/content/finding.ts';
import { readSourceText } from '../../src/content/source-text.ts';

const HEADER =
  '---\ntitle: T\ndek: D.\nauthor: demo-writer\nsources:\n  - name: S\npublishedAt: 2026-02-01T10:00:00+01:00\n---\n\n';
/** A briefing whose body paragraph (line 10) is `before`, then `bytes`, then `after`, as bytes on disk. */
const fileWith = (before: string, bytes: readonly number[], after = ' and more.\n') =>
  Buffer.concat([Buffer.from(HEADER + before, 'utf8'), Buffer.from(bytes), Buffer.from(after, 'utf8')]);

describe('readSourceText', () => {
  it('passes UTF-8 text with tabs, any script, emoji and a byte-order mark, normalised', () => {
    const source = Buffer.from('\uFEFF---\r\ntitle: Börse\t日本株 📈\r\n', 'utf8');
    expect(readSourceText(source)).toEqual({ text: '---\ntitle: Börse\t日本株 📈\n', problem: undefined });
  });

  it('finds a NUL byte at its line and column, counting the others', () => {
    const { problem } = readSourceText(fileWith('A paragraph with a ', [0x00], ' NUL, and another \u0000.\n'));
    expect(problem).toMatchObject({ line: 10, column: 20 });
    expect(problem?.message).toMatch(/^a NUL character \(U\+0000\) is not text, .*: remove it \(1 more in this file\)/);
  });

  it('finds other control characters, but not tab or a line ending of any kind', () => {
    expect(readSourceText(fileWith('Escape', [0x1b], '[31m red')).problem).toMatchObject({
      line: 10,
      column: 7,
      message: expect.stringMatching(/^the control character U\+001B is not text/),
    });
    expect(readSourceText('a\u0085b').problem?.message).toMatch(/^the control character U\+0085/);
    expect(readSourceText('a\tb\r\nc\rd\n').problem).toBeUndefined();
  });

  it('finds bytes that are not UTF-8 at their place: Latin-1, a cut sequence, an overlong form, a surrogate', () => {
    const cases: [readonly number[], string][] = [
      [[0xe9], '0xE9'], // é in Latin-1
      [[0xe2, 0x82], '0xE2'], // the start of € with its last byte cut
      [[0xc0, 0xaf], '0xC0'], // an overlong "/"
      [[0xed, 0xa0, 0x80], '0xED'], // a UTF-16 surrogate encoded as UTF-8
      [[0xff], '0xFF'],
    ];
    for (const [bytes, first] of cases) {
      const { text, problem } = readSourceText(fileWith('Café 日本 caf', bytes));
      expect(problem, first).toEqual({
        line: 10,
        // Columns count UTF-16 code units, as editors do: "Café 日本 caf" is 11.
        column: 12,
        message: `the byte ${first} is not UTF-8 text here: save the file as UTF-8 (an editor's "reopen with encoding" shows what it was saved as)`,
      });
      expect(text).toContain('\uFFFD');
    }
  });

  it('makes bytes that are not text the one finding of their file in the content check', () => {
    const findings = checkWithSite([
      { path: 'nul.mdx', source: fileWith('A <Ticker symbol="bad" /> and ', [0x00]) },
      { path: 'latin1.mdx', source: fileWith('caf', [0xe9]) },
      { path: 'fine.mdx', source: Buffer.from(`${HEADER}Fine.\n`) },
    ]).map(formatFinding);
    expect(findings).toEqual([
      expect.stringMatching(/^latin1\.mdx:10:4: error: the byte 0xE9 is not UTF-8 text here/),
      expect.stringMatching(/^nul\.mdx:10:31: error: a NUL character \(U\+0000\) is not text/),
    ]);
  });
});
