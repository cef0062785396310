/**
 * The project's own modules that a piece of code runs: its entry files and every file they import with a
 * relative specifier, transitively. Build caches hash these files, so that editing code a cached result
 * came from invalidates it and editing any other file (a page component, the corpus generator) does not.
 * Type-only imports run nothing and are not followed; packages are not followed either, as
 * `package-lock.json` stands for them in every key.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, relative, resolve } from 'node:path';
import { initSync, parse } from 'es-module-lexer';

initSync();

/** Files whose imports are read; others reached by an import (JSON, CSS) are hashed but not parsed. */
const SCRIPT_EXTENSIONS = new Set(['.ts', '.mts', '.js', '.mjs']);
const TYPE_ONLY = /^(?:import|export)\s+type[\s{]/;

/** The specifiers a module imports at run time (static and literal dynamic imports; type-only ones aside). */
export function runtimeSpecifiers(source: string, file: string): string[] {
  const [imports] = parse(source, file);
  return imports
    .filter((found) => found.n !== undefined && !(found.d === -1 && TYPE_ONLY.test(source.slice(found.ss, found.se))))
    .map((found) => found.n as string);
}

/** Relative paths (sorted) of the entries and every project module they import at run time. */
export function moduleGraph(projectRoot: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const pending = entries.map((entry) => ({ file: resolve(projectRoot, entry), importer: 'the cache key' }));
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { file, importer } = next;
    if (seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`${importer} imports ${relative(projectRoot, file)}, which does not exist`);
    seen.add(file);
    if (!SCRIPT_EXTENSIONS.has(extname(file))) continue;
    for (const specifier of runtimeSpecifiers(readFileSync(file, 'utf8'), file)) {
      if (specifier.startsWith('.')) {
        pending.push({ file: resolve(dirname(file), specifier), importer: relative(projectRoot, file) });
      }
    }
  }
  return [...seen].map((file) => relative(projectRoot, file)).sort();
}
