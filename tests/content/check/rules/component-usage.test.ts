import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentFile } from '../../../../src/content/check/index.ts';
import { formatFinding } from '../../../../src/content/finding.ts';
import { checkWithSite } from '../../../helpers/content-check.ts';
import { PROJECT_ROOT } from '../../../helpers/site-build.ts';

const FIXTURE = 'tests/fixtures/broken/ticker-mentions.mdx';

const check = (files: readonly ContentFile[]) =>
  checkWithSite(files, { tickers: new Set(['AMZN', 'NWFD']) }).map(formatFinding);

/** A briefing listing AMZN, whose body (line 10) is `body`. */
const withBody = (body: string): ContentFile => ({
  path: 'b.mdx',
  source: `---\ntitle: T\ndek: D.\nauthor: demo-writer\nsources:\n  - name: S\npublishedAt: 2026-02-01T10:00:00+01:00\ntickers: [AMZN]\n---\n${body}\n`,
});

describe('the component-usage rule on <Ticker>', () => {
  it('reports a symbol no symbol rule allows as an error and an unlisted ticker as a warning, once each, at the symbol', () => {
    expect(check([{ path: FIXTURE, source: readFileSync(join(PROJECT_ROOT, FIXTURE), 'utf8') }])).toEqual([
      `${FIXTURE}:10:42: error: <Ticker symbol="nwfd!!"> is not a ticker symbol: use upper-case letters and digits, with an optional class suffix (AMZN, T, BRK.B)`,
      `${FIXTURE}:10:109: warning: <Ticker symbol="ZZZZ"> names a ticker no published briefing lists, so it will not link to a ticker page`,
    ]);
  });

  it('lets a listed ticker through, and holds a mention to the form of the tickers: field', () => {
    expect(check([withBody('<Ticker symbol="AMZN" /> and <Ticker symbol="AMZN">AMZN</Ticker>.')])).toEqual([]);
    expect(
      check([
        withBody('Shares of <Ticker symbol="amzn" />, <Ticker symbol=" AMZN" /> and <Ticker symbol="BRK.B.C" />.'),
      ]),
    ).toEqual([
      'b.mdx:10:19: error: <Ticker symbol="amzn"> is not a ticker symbol: use upper-case letters and digits, with an optional class suffix (AMZN, T, BRK.B)',
      'b.mdx:10:45: error: <Ticker symbol=" AMZN"> is not a ticker symbol: use upper-case letters and digits, with an optional class suffix (AMZN, T, BRK.B)',
      'b.mdx:10:75: error: <Ticker symbol="BRK.B.C"> is not a ticker symbol: use upper-case letters and digits, with an optional class suffix (AMZN, T, BRK.B)',
    ]);
  });

  it('reports a missing symbol at the element, and a symbol written as code once, as code', () => {
    expect(check([withBody('<Ticker /> and <Ticker symbol={"AMZN"} />')])).toEqual([
      'b.mdx:10:1: error: <Ticker> needs its symbol: symbol="AMZN"',
      expect.stringMatching(/^b\.mdx:10:24: error: <Ticker symbol=\{…\}> is an expression, which is not allowed/),
    ]);
  });
});
