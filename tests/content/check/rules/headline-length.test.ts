import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentFile } from '../../../../src/content/check/index.ts';
import { formatFinding } from '../../../../src/content/finding.ts';
import { checkWithSite } from '../../../helpers/content-check.ts';
import { PROJECT_ROOT } from '../../../helpers/site-build.ts';

const FIXTURE = 'tests/fixtures/broken/long-headline.mdx';

const check = (files: readonly ContentFile[]) => checkWithSite(files).map(formatFinding);

/** A valid briefing whose headline (line 2, the value at column 8) is `title`. */
const withTitle = (title: string): ContentFile => ({
  path: 'b.mdx',
  source: `---\ntitle: ${title}\ndek: D.\nauthor: demo-writer\nsources:\n  - name: S\npublishedAt: 2026-02-01T10:00:00+01:00\n---\n\nBody.\n`,
});

const warning = (length: number) =>
  `b.mdx:2:8: warning: title has ${length} characters: search results and social networks cut a headline after about 110, so readers there may not see its end (shorten it, or move detail to the dek)`;

describe('the headline-length rule', () => {
  it('warns once about a 220-character headline, at its value, and does not stop the build', () => {
    expect(check([{ path: FIXTURE, source: readFileSync(join(PROJECT_ROOT, FIXTURE), 'utf8') }])).toEqual([
      `${FIXTURE}:2:8: warning: title has 220 characters: search results and social networks cut a headline after about 110, so readers there may not see its end (shorten it, or move detail to the dek)`,
    ]);
  });

  it('warns above 110 characters as readers count them, up to 1,000', () => {
    expect(check([withTitle('x'.repeat(110))])).toEqual([]);
    expect(check([withTitle('x'.repeat(111))])).toEqual([warning(111)]);
    expect(check([withTitle(`"  ${'x'.repeat(110)}  "`)])).toEqual([]);
    // 110 letters with a combining accent (220 code units), and 110 flags (440): 110 characters each.
    expect(check([withTitle('e\u0301'.repeat(110))])).toEqual([]);
    expect(check([withTitle('🇩🇪'.repeat(110))])).toEqual([]);
    expect(check([withTitle('股'.repeat(111))])).toEqual([warning(111)]);
    expect(check([withTitle('x'.repeat(1000))])).toEqual([warning(1000)]);
  });

  it('leaves a headline of more than 1,000 characters to the schema: one error, no warning', () => {
    expect(check([withTitle('x'.repeat(1001))])).toEqual([
      'b.mdx:2:8: error: title is longer than 1000 characters: that is a paragraph, not a headline (move the rest into the body)',
    ]);
  });
});
