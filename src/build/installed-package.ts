/** Where an installed npm package lives and which version it is, whatever its `exports` allow. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export interface InstalledPackage {
  readonly dir: string;
  readonly version: string;
}

const cache = new Map<string, InstalledPackage>();

export function installedPackage(name: string): InstalledPackage {
  const cached = cache.get(name);
  if (cached) return cached;
  // Not through `require.resolve`: packages such as sharp and pagefind do not export their package.json
  // (or anything `require` may load), so look where Node would look.
  for (const base of require.resolve.paths(name) ?? []) {
    const manifestFile = join(base, name, 'package.json');
    if (!existsSync(manifestFile)) continue;
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { version?: string };
    const found = { dir: dirname(manifestFile), version: manifest.version ?? '0.0.0' };
    cache.set(name, found);
    return found;
  }
  throw new Error(`Cannot find the installed package ${name}`);
}
