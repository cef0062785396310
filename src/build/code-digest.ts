/**
 * Digests of the code that pages depend on but that Astro cannot see in their module graphs: the MDX
 * pipeline and the card renderer run in worker threads loaded by path. A page's incremental-build key
 * includes the digest of what drew it (`src/site/page-keys.ts`), so an edit there re-renders it.
 */
import { createHash } from 'node:crypto';
import { hashCacheSources } from './build-cache.ts';
import { buildProjectRoot } from './build-globals.ts';
import { CACHE_SOURCES } from './project-files.ts';

const digests = new Map<keyof typeof CACHE_SOURCES, string>();

/** The digest of one cache's code (`CACHE_SOURCES`), computed once per process. */
export function codeDigest(name: keyof typeof CACHE_SOURCES): string {
  let known = digests.get(name);
  if (known === undefined) {
    known = hashCacheSources(createHash('sha256'), buildProjectRoot(), CACHE_SOURCES[name]).digest('base64url');
    digests.set(name, known);
  }
  return known;
}
