import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentFile } from '../../../../src/content/check/index.ts';
import { hostileScheme } from '../../../../src/content/check/rules/hostile-markup.ts';
import { checkWithSite } from '../../../helpers/content-check.ts';
import { PROJECT_ROOT } from '../../../helpers/site-build.ts';

const FIXTURE = 'tests/fixtures/broken/hostile-markup.mdx';

const check = (files: readonly ContentFile[]) => checkWithSite(files);

/** `line:column message` of every finding on a briefing with this body (which starts on line 8). */
function findingsOf(body: string): string[] {
  const source = `---\ntitle: T\ndek: D.\nauthor: demo-writer\nsources:\n  - name: S\npublishedAt: 2026-02-01T10:00:00+01:00\n---\n${body}\n`;
  return check([{ path: 'b.mdx', source }]).map((finding) => `${finding.line}:${finding.column} ${finding.message}`);
}

describe('the hostile-markup rule', () => {
  it('reports each defect of the hostile fixture once, as an error at its own line and column', () => {
    const findings = check([{ path: FIXTURE, source: readFileSync(join(PROJECT_ROOT, FIXTURE), 'utf8') }]);
    expect(findings.every((finding) => finding.file === FIXTURE && finding.severity === 'error')).toBe(true);
    expect(findings.map((finding) => [`${finding.line}:${finding.column}`, finding.message])).toEqual([
      [
        '10:97',
        expect.stringMatching(/^link to "javascript:alert\(1\)" uses the javascript: scheme, .*: use an https/),
      ],
      ['12:3', expect.stringMatching(/^link to "java\\tscript:alert\(1\)" uses the javascript: scheme/)],
      ['12:48', expect.stringMatching(/^link to "JaVaScRiPt:alert\(1\)" uses the javascript: scheme/)],
      [
        '14:1',
        expect.stringMatching(/^image "data:image\/png;base64,\w+…" is a data: URL, .*: put the file in public\//),
      ],
      ['16:50', "onerror on <img> is an event handler, which runs code in the reader's browser: remove the attribute"],
      ['18:4', expect.stringMatching(/^href of <a> "javascript:alert\(3\)" uses the javascript: scheme/)],
      ['20:1', "<script> is not allowed in a briefing: it runs code in the reader's browser: remove it"],
      ['22:1', expect.stringMatching(/^<style> is not allowed in a briefing: it restyles the whole page/)],
      ['22:8', expect.stringMatching(/^\{…\} is an MDX expression, which is not allowed in a briefing/)],
      ['24:1', expect.stringMatching(/^<iframe> is not allowed in a briefing: it embeds another site/)],
      ['26:1', expect.stringMatching(/^<form> is not allowed in a briefing: it sends readers' input/)],
      ['28:1', expect.stringMatching(/^<object> is not allowed in a briefing/)],
      ['28:46', expect.stringMatching(/^<embed> is not allowed in a briefing/)],
      // Code is reported once, as code, however hostile what it holds (the code rule, `author-code.ts`).
      ['30:7', expect.stringMatching(/^<span onClick=\{…\}> is an expression, which is not allowed in a briefing/)],
      ['32:1', expect.stringMatching(/^\{…\} is an MDX expression, which is not allowed in a briefing/)],
      ['34:1', expect.stringMatching(/^link definition "vbscript:msgbox\(7\)" uses the vbscript: scheme/)],
    ]);
  });

  it('finds hostile markup in srcset lists and SVG, and reports markup inside code once, as code', () => {
    expect(
      findingsOf(
        [
          '<a href={"javascript:alert(1)"}>expression</a> <a href="JAVASCRIPT:x" onClick="alert(1)">both</a>',
          '<img alt="set" srcset="/a.png 1x, data:image/png;base64,AAA 2x" />',
          '<svg><a href="#x"><set attributeName="href" to="javascript:alert(1)" /></a></svg>',
          '<div {...{ onclick: "alert(1)" }}>spread</div>',
          'export const Evil = () => <iframe src="https://evil.example/" />',
          '{<a href="vbscript:x" onMouseOver="alert(1)">in an expression</a>}',
        ].join('\n\n'),
      ),
    ).toEqual([
      expect.stringMatching(/^9:4 <a href=\{…\}> is an expression, which is not allowed in a briefing/),
      expect.stringMatching(/^9:51 href of <a> "JAVASCRIPT:x" uses the javascript: scheme/),
      expect.stringMatching(/^9:71 onClick on <a> is an event handler/),
      expect.stringMatching(/^11:16 srcset of <img> "data:image\/png;base64" is a data: URL/),
      expect.stringMatching(/^13:19 <set> is not allowed in a briefing: it can rewrite a link of an SVG into a script/),
      expect.stringMatching(/^15:6 <div \{…\}> spreads attributes from an expression, which is not allowed/),
      expect.stringMatching(/^17:1 export is not allowed in a briefing/),
      expect.stringMatching(/^19:1 \{…\} is an MDX expression, which is not allowed in a briefing/),
    ]);
  });

  it('lets ordinary links, images, attributes and text about schemes through', () => {
    expect(
      findingsOf(
        [
          '[A page](https://example.com/javascript:x) [mail](mailto:desk@t.example) [rel](javascript-guide/)',
          '![A chart](/images/chart.png) <img src="/a.png" alt="javascript: a language" title="data: the plural" />',
          'Writing javascript: in prose is fine, as is `<script>` in code.',
          '```html\n<script>alert(1)</script>\n```',
          '<abbr title="Online">ONL</abbr> <data value="1.5">1.5</data> <time dateTime="2026-02-01">today</time>',
        ].join('\n\n'),
      ),
    ).toEqual([]);
  });

  it('sees a refused scheme however it is spelt', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      'vbscript:msgbox',
      'DATA:text/html,<script>alert(1)</script>',
    ]) {
      expect(hostileScheme(url), JSON.stringify(url)).toMatch(/^(?:javascript|vbscript|data)$/);
    }
    for (const url of [
      'https://example.com/',
      '/javascript:x',
      'mailto:a@b.example',
      '#data:x',
      'javascript-guide/',
      '',
    ]) {
      expect(hostileScheme(url), JSON.stringify(url)).toBeUndefined();
    }
  });
});
