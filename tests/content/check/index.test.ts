import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, type ContentFile } from '../../../src/content/check/index.ts';
import { formatFinding } from '../../../src/content/finding.ts';
import { routeOf } from '../../../src/site/routes.ts';
import { PROJECT_ROOT } from '../../helpers/site-build.ts';

const check = (files: readonly ContentFile[]) =>
  checkContent(files, {
    authors: new Set(['markets-desk', 'demo-writer']),
    tickers: new Set(['AMZN', 'NWFD']),
    publicFileExists: () => false,
    routeOf,
  }).map(formatFinding);

describe('checkContent on a file saved with Windows line endings and a byte-order mark', () => {
  it('reports every broken fixture exactly as the file with \\n and no mark: same findings, lines and columns', () => {
    const dir = 'tests/fixtures/broken';
    const files = readdirSync(join(PROJECT_ROOT, dir))
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => ({ path: `${dir}/${name}`, source: readFileSync(join(PROJECT_ROOT, dir, name), 'utf8') }));
    const plain = check(files);
    expect(plain.length).toBeGreaterThan(files.length);
    const windows = files.map((file) => ({ ...file, source: `\uFEFF${file.source.replace(/\n/g, '\r\n')}` }));
    expect(check(windows)).toEqual(plain);
  });
});
