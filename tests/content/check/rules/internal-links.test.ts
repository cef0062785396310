import { describe, expect, it } from 'vitest';
import type { ContentFile } from '../../../../src/content/check/index.ts';
import { formatFinding } from '../../../../src/content/finding.ts';
import { checkWithSite } from '../../../helpers/content-check.ts';

const check = (files: readonly ContentFile[]) =>
  checkWithSite(files, { publicFileExists: () => false }).map(formatFinding);

/** A valid briefing whose body starts on line 9 with `body`. */
const withBody = (body: string): ContentFile => ({
  path: 'b.mdx',
  source: `---\ntitle: T\ndek: D.\nauthor: demo-writer\nsources:\n  - name: S\npublishedAt: 2026-02-01T10:00:00+01:00\n---\n${body}\n`,
});

describe('the internal-links rule on links to an anchor of the page', () => {
  it('finds a heading by its percent-encoded id, and reports an id no heading has', () => {
    expect(check([withBody('## Über uns\n\n[up](#%C3%BCber-uns) and [down](#nowhere)')])).toEqual([
      'b.mdx:11:26: error: link to #nowhere: no heading or paragraph on this page has that id',
    ]);
  });

  it('reports an anchor whose % escapes do not decode as leading nowhere, instead of stopping the check', () => {
    // Found by the fuzz test: decodeURIComponent threw a URIError out of checkContent.
    expect(check([withBody('[a](#%) [b](#50%-off) [c](#%E0%A4%A)')])).toEqual([
      'b.mdx:9:1: error: link to #%: no heading or paragraph on this page has that id',
      'b.mdx:9:9: error: link to #50%-off: no heading or paragraph on this page has that id',
      'b.mdx:9:23: error: link to #%E0%A4%A: no heading or paragraph on this page has that id',
    ]);
  });
});
