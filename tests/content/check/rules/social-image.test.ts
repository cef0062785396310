import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentFile } from '../../../../src/content/check/index.ts';
import { formatFinding } from '../../../../src/content/finding.ts';
import { checkWithSite } from '../../../helpers/content-check.ts';
import { PROJECT_ROOT } from '../../../helpers/site-build.ts';

const FIXTURE = 'tests/fixtures/broken/missing-image.mdx';

/** Every finding, formatted, and every path the check looked up in `public/` (which holds `files`). */
function check(files: readonly ContentFile[], inPublic: readonly string[] = []) {
  const lookedUp: string[] = [];
  const findings = checkWithSite(files, {
    publicFileExists: (path) => {
      lookedUp.push(path);
      return inPublic.includes(path);
    },
  }).map(formatFinding);
  return { findings, lookedUp };
}

/** A valid briefing whose `image.src` line (line 9, the value at column 8) is `src: <src>`. */
const withImage = (src: string): ContentFile => ({
  path: 'b.mdx',
  source: `---\ntitle: T\ndek: D.\nauthor: demo-writer\nsources:\n  - name: S\npublishedAt: 2026-02-01T10:00:00+01:00\nimage:\n  src: ${src}\n  alt: A chart\n---\n\nBody.\n`,
});

describe('the social-image rule', () => {
  it('reports an image.src missing from public/ once, as an error at the line and column of its value', () => {
    const { findings } = check([{ path: FIXTURE, source: readFileSync(join(PROJECT_ROOT, FIXTURE), 'utf8') }]);
    expect(findings).toEqual([
      `${FIXTURE}:9:8: error: image.src "/images/missing-chart.png" is not a file in public/, so networks would show a broken image: add public/images/missing-chart.png, or use the path of a file there or an https:// address`,
    ]);
  });

  it('passes a file that is in public/, looked up as networks will ask for it', () => {
    for (const [src, path] of [
      ['/images/chart.png', '/images/chart.png'],
      ['"/images/chart.png?v=2#top"', '/images/chart.png'],
      ['/images/old/../chart.png', '/images/chart.png'],
      ['/images/my chart.png', '/images/my%20chart.png'],
      ['/images/my%20chart.png', '/images/my%20chart.png'],
    ] as const) {
      expect(check([withImage(src)], [path]), src).toEqual({ findings: [], lookedUp: [path] });
    }
  });

  it('looks up nothing for an image on another site', () => {
    for (const src of ['https://cdn.example/chart.png', '//cdn.example/chart.png', '"/\\\\cdn.example/chart.png"']) {
      expect(check([withImage(src)]), src).toEqual({ findings: [], lookedUp: [] });
    }
  });

  it('reports a folder and a malformed path once each, at the value', () => {
    expect(check([withImage('/images/')]).findings).toEqual([
      'b.mdx:9:8: error: image.src "/images/" names a folder: use the path of an image file in public/',
    ]);
    expect(check([withImage('/images/100%.png')]).findings).toEqual([
      'b.mdx:9:8: error: image.src "/images/100%.png" is not a valid path: write a % sign as %25',
    ]);
  });

  it('leaves a value the schema rejects to the schema, reported once', () => {
    expect(check([withImage('images/chart.png')]).findings).toEqual([
      'b.mdx:9:8: error: image.src must be an absolute http(s) URL or a path starting with /',
    ]);
    expect(check([withImage('https://exa mple.com/chart.png')]).findings).toEqual([
      'b.mdx:9:8: error: image.src must be an absolute http(s) URL or a path starting with /',
    ]);
  });
});
