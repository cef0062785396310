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
  // Packages such as sharp do not export their package.json, so start from a file they do export.
  let entry: string;
  try {
    entry = require.resolve(`${name}/package.json`);
  } catch {
    entry = require.resolve(name);
  }
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const manifestFile = join(dir, 'package.json');
    if (!existsSync(manifestFile)) continue;
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { name?: string; version?: string };
    if (manifest.name === name) {
      const found = { dir, version: manifest.version ?? '0.0.0' };
      cache.set(name, found);
      return found;
    }
  }
  throw new Error(`Cannot find the installed package ${name}`);
}
