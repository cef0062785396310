/**
 * The tree reads as the flow (content → engine → markdown → site → outputs, build plumbing apart): each
 * layer imports only what it may at run time, no two source files share a name, and tests mirror `src/`.
 * Type-only imports are not counted: they run nothing and key no cache.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { parse as parseImports } from 'es-module-lexer';
import { describe, expect, it } from 'vitest';
import { runtimeSpecifiers } from '../src/build/module-graph.ts';
import { PROJECT_ROOT } from './helpers/site-build.ts';

function filesUnder(dir: string): string[] {
  const absolute = join(PROJECT_ROOT, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(PROJECT_ROOT, path)).isDirectory() ? filesUnder(path) : [path];
  });
}

const sources = [...filesUnder('src'), ...filesUnder('scripts'), ...filesUnder('tools')].filter((path) =>
  /\.(?:ts|astro|mjs)$/.test(path),
);

/** Page code: no layer below the site imports it. */
const PRESENTATION = ['src/components/', 'src/pages/', 'src/layouts/', 'src/client/'];

/** What each layer must not import at run time (folders under src/, and tools/). */
const FORBIDDEN: Record<string, readonly string[]> = {
  'src/engine/': [
    'src/content/',
    'src/markdown/',
    'src/site/',
    'src/outputs/',
    'src/build/',
    ...PRESENTATION,
    'src/site.config.ts',
  ],
  'src/content/': ['src/markdown/', 'src/site/', 'src/outputs/', 'src/build/', ...PRESENTATION],
  'src/markdown/': ['src/site/', 'src/outputs/', ...PRESENTATION],
  'src/outputs/': ['src/site/', 'src/markdown/', ...PRESENTATION],
  'src/site/': ['src/components/page/', 'src/pages/', 'src/layouts/', 'src/client/'],
  'src/build/': ['src/site/', ...PRESENTATION],
  'src/': ['tools/', 'tests/', 'scripts/'],
};

/** Relative imports of a TypeScript module, resolved to project paths. */
function localImports(path: string): string[] {
  const specifiers = runtimeSpecifiers(readFileSync(join(PROJECT_ROOT, path), 'utf8'), path);
  return specifiers
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => relative(PROJECT_ROOT, resolve(PROJECT_ROOT, dirname(path), specifier)));
}

describe('the layout', () => {
  it('keeps each layer to what it may import', () => {
    const violations = sources
      .filter((path) => extname(path) === '.ts')
      .flatMap((path) =>
        localImports(path)
          .filter((target) =>
            Object.entries(FORBIDDEN).some(
              ([layer, forbidden]) => path.startsWith(layer) && forbidden.some((prefix) => target.startsWith(prefix)),
            ),
          )
          .map((target) => `${path} imports ${target}`),
      );
    expect(violations).toEqual([]);
  });

  it('has no circle of imports among the TypeScript modules, type-only imports included', () => {
    const modules = sources.filter((path) => extname(path) === '.ts');
    // The registry of the build's shared state names the shape of each piece it holds: its type-only
    // imports of those pieces are declarations, not dependencies.
    const REGISTRY = 'src/build/build-globals.ts';
    const importsOf = new Map(
      modules.map((path) => {
        if (path === REGISTRY) return [path, localImports(path)] as const;
        const [found] = parseImports(readFileSync(join(PROJECT_ROOT, path), 'utf8'), path);
        const targets = found
          .map((entry) => entry.n)
          .filter((specifier): specifier is string => specifier?.startsWith('.') === true)
          .map((specifier) => relative(PROJECT_ROOT, resolve(PROJECT_ROOT, dirname(path), specifier)));
        return [path, targets] as const;
      }),
    );
    // Depth first: a module met again while still on the path closes a circle.
    const circles: string[] = [];
    const done = new Set<string>();
    const visit = (path: string, trail: readonly string[]) => {
      const open = trail.indexOf(path);
      if (open >= 0) circles.push([...trail.slice(open), path].join(' → '));
      if (open >= 0 || done.has(path)) return;
      for (const target of importsOf.get(path) ?? []) visit(target, [...trail, path]);
      done.add(path);
    };
    for (const path of modules) visit(path, []);
    expect(circles).toEqual([]);
  });

  it('declares in package.json every package the code imports at run time', () => {
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string> | undefined
    >;
    const declared = new Set([
      ...Object.keys(manifest['dependencies'] ?? {}),
      ...Object.keys(manifest['devDependencies'] ?? {}),
    ]);
    const undeclared = new Set<string>();
    for (const path of [...sources, 'astro.config.mjs']) {
      const text = readFileSync(join(PROJECT_ROOT, path), 'utf8');
      // An Astro component's imports are in its frontmatter.
      const script = path.endsWith('.astro') ? (/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') : text;
      for (const specifier of runtimeSpecifiers(script, path)) {
        if (/^(?:\.|\/|node:|astro:|virtual:)/.test(specifier)) continue;
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
        if (name && !declared.has(name)) undeclared.add(`${name} (${path})`);
      }
    }
    expect([...undeclared]).toEqual([]);
  });

  it('keeps the engine free of Astro and the file system', () => {
    const engine = sources.filter((path) => path.startsWith('src/engine/'));
    const found = engine.flatMap((path) =>
      runtimeSpecifiers(readFileSync(join(PROJECT_ROOT, path), 'utf8'), path)
        .filter((specifier) => /^(?:astro(?:$|[:/])|(?:node:)?fs(?:$|\/))/.test(specifier))
        .map((specifier) => `${path} imports ${specifier}`),
    );
    expect(engine.length).toBeGreaterThan(10);
    expect(found).toEqual([]);
  });

  it('gives no two source files the same name (index and route files aside)', () => {
    const byName = new Map<string, string[]>();
    for (const path of sources) {
      const name = basename(path, extname(path));
      if (name === 'index' || path.startsWith('src/pages/')) continue;
      byName.set(name, [...(byName.get(name) ?? []), path]);
    }
    expect([...byName.values()].filter((paths) => paths.length > 1)).toEqual([]);
  });

  it('mirrors src/ and tools/ in tests/: each test sits where the module or folder it tests is', () => {
    const misplaced = filesUnder('tests')
      .filter((path) => path.endsWith('.test.ts'))
      .filter((path) => !/^tests\/(?:integration|e2e)\//.test(path) && path !== 'tests/layout.test.ts')
      .filter((path) => {
        const name = basename(path, '.test.ts');
        const folder = dirname(path).replace(/^tests\/?/, '');
        const base = folder.startsWith('tools') ? folder : join('src', folder);
        const candidates = filesUnder(base).map((file) => basename(file, extname(file)));
        const folders = filesUnder(base).map((file) => relative(base, dirname(file)).split('/'));
        return !candidates.includes(name) && !folders.some((parts) => parts.includes(name));
      });
    expect(misplaced).toEqual([]);
  });
});
