import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashSources, pruneCache, writeFileAtomically } from '../../src/build/build-cache.ts';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'tickerpress-build-cache-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const digest = (root: string, paths: string[]) => hashSources(createHash('sha256'), root, paths).digest('hex');

describe('hashSources', () => {
  it('changes when a listed file, or a file in a listed folder, changes', () => {
    const root = project({ 'src/a.ts': 'a', 'src/lib/b.ts': 'b' });
    const before = digest(root, ['src/a.ts', 'src/lib']);
    expect(digest(root, ['src/a.ts', 'src/lib'])).toBe(before);
    writeFileSync(join(root, 'src/lib/b.ts'), 'b changed');
    expect(digest(root, ['src/a.ts', 'src/lib'])).not.toBe(before);
  });

  it('refuses a listed path that does not exist, naming it, instead of leaving it out of the key', () => {
    const root = project({ 'src/a.ts': 'a' });
    expect(() => digest(root, ['src/a.ts', 'src/renamed.ts'])).toThrow(
      'The cache key lists src/renamed.ts, which does not exist',
    );
  });
});

describe('pruneCache', () => {
  it('removes entries the build did not use and temporary files abandoned over an hour ago', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tickerpress-prune-'));
    writeFileAtomically(join(dir, 'used.json'), '{}');
    writeFileAtomically(join(dir, 'stale.json'), '{}');
    writeFileSync(join(dir, 'stale.json.123.abc.tmp'), 'half');
    writeFileSync(join(dir, 'current.json.456.def.tmp'), 'being written');
    const now = Date.now();
    const twoHoursAgo = new Date(now - 2 * 60 * 60 * 1000);
    utimesSync(join(dir, 'stale.json.123.abc.tmp'), twoHoursAgo, twoHoursAgo);

    expect(pruneCache(dir, new Set(['used.json']), now)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['current.json.456.def.tmp', 'used.json']);
  });
});
