import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleGraph, runtimeSpecifiers } from '../../src/build/module-graph.ts';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'tickerpress-graph-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('moduleGraph', () => {
  it('follows relative imports transitively, and neither packages nor type-only imports', () => {
    const root = project({
      'src/entry.ts': "import { a } from './a.ts';\nimport type { T } from './types.ts';\nimport { z } from 'zod';\n",
      'src/a.ts': "export { b } from './deep/b.ts';\nimport data from '../data.json' with { type: 'json' };\n",
      'src/deep/b.ts': "import { type T, c } from '../c.ts';\nexport const b = async () => import('./lazy.ts');\n",
      'src/c.ts': 'export const c = 1;',
      'src/deep/lazy.ts': 'export const lazy = 1;',
      'src/types.ts': 'export type T = 1;',
      'src/unrelated.ts': "import { a } from './a.ts';",
      'data.json': '{}',
    });
    expect(moduleGraph(root, ['src/entry.ts'])).toEqual([
      'data.json',
      'src/a.ts',
      'src/c.ts',
      'src/deep/b.ts',
      'src/deep/lazy.ts',
      'src/entry.ts',
    ]);
  });

  it('names the importer of a module that does not exist', () => {
    const root = project({ 'src/entry.ts': "import './gone.ts';" });
    expect(() => moduleGraph(root, ['src/entry.ts'])).toThrow('src/entry.ts imports src/gone.ts, which does not exist');
  });

  it('reads TypeScript syntax', () => {
    const source =
      'import { x } from "./x.ts";\nconst f = <T,>(value: T): T => value;\nexport type { Y } from "./y.ts";\n';
    expect(runtimeSpecifiers(source, 'f.ts')).toEqual(['./x.ts']);
  });
});
