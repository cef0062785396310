/**
 * Rendering a briefing's body is most of what loading it costs. This keeps each rendered body in the
 * build cache (`bodies/`), keyed by the file's project-relative path and text (frontmatter included) and
 * by the renderer's code (`CACHE_SOURCES.bodies`), and checks on reading it that the market series it
 * charts are unchanged.
 * Astro's data store keeps bodies between builds too, but starts empty when the project moves or its
 * configuration changes; this cache does not.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BriefingBody, RenderBriefingBody } from '../content/rendered-body.ts';
import { cacheDir, hashCacheSources, writeFileAtomically } from './build-cache.ts';
import { buildGlobals } from './build-globals.ts';
import { CACHE_SOURCES } from './project-files.ts';

/** Counts for the build log, and the entries this build used: the rest are pruned when it ends. */
export interface BodyCacheRuntime {
  rendered: number;
  cached: number;
  cacheDir: string;
  used: Set<string>;
}

/** The digest of the renderer's code: a change renders every body again. */
export function bodyRendererDigest(projectRoot: string): string {
  return hashCacheSources(createHash('sha256'), projectRoot, CACHE_SOURCES.bodies).digest('base64url');
}

/**
 * `render` with the build cache in front of it; `renderer` is its code's digest (`bodyRendererDigest`). `seriesDigest` says what a symbol's market data is now,
 * so that a body whose chart was drawn from older data is rendered again.
 */
export function cachedBodyRenderer(
  projectRoot: string,
  renderer: string,
  render: RenderBriefingBody,
  seriesDigest: (symbol: string) => string,
): RenderBriefingBody {
  return async (source, filePath, frontmatter) => {
    const runtime = bodyRuntime(projectRoot);
    const key = createHash('sha256')
      .update(`${renderer}\0${relative(projectRoot, filePath)}\0`)
      .update(source)
      .digest('base64url');
    const file = join(runtime.cacheDir, `${key}.json`);
    runtime.used.add(`${key}.json`);
    try {
      const cached = JSON.parse(readFileSync(file, 'utf8')) as BriefingBody;
      if (cached.charted.every(({ symbol, digest }) => seriesDigest(symbol) === digest)) {
        runtime.cached += 1;
        return cached;
      }
    } catch {
      // Not cached, or unreadable: rendered below.
    }
    const body = { ...(await render(source, filePath, frontmatter)), cacheKey: key };
    runtime.rendered += 1;
    writeFileAtomically(file, JSON.stringify(body));
    return body;
  };
}

function bodyRuntime(projectRoot: string): BodyCacheRuntime {
  return (buildGlobals().bodies ??= {
    rendered: 0,
    cached: 0,
    cacheDir: cacheDir(projectRoot, 'bodies'),
    used: new Set(),
  });
}

/** Notes the bodies every loaded briefing uses (including those the data store kept): the cache keeps them. */
export function noteBodiesInUse(projectRoot: string, cacheKeys: ReadonlySet<string>): void {
  const { used } = bodyRuntime(projectRoot);
  for (const key of cacheKeys) used.add(`${key}.json`);
}
