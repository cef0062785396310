/**
 * What makes a rendered card out of date besides its own data: the renderer's source, the fonts, the
 * libraries and the encoder settings. Part of every card's cache key.
 */
import { createHash } from 'node:crypto';
import { hashCacheSources } from '../build-cache.ts';
import { CACHE_SOURCES } from '../project-files.ts';
import type { CardSpec } from '../../outputs/card/card-spec.ts';
import { fontsFingerprint } from '../../outputs/card/card-fonts.ts';
import { installedPackage } from '../installed-package.ts';
import { PNG_OPTIONS } from '../../outputs/card/render-card.ts';

export function rendererFingerprint(projectRoot: string): string {
  const hash = hashCacheSources(createHash('sha256'), projectRoot, CACHE_SOURCES.cards);
  hash.update(fontsFingerprint());
  hash.update(
    ['satori', 'sharp', '@resvg/resvg-js'].map((name) => `${name}@${installedPackage(name).version}`).join(' '),
  );
  hash.update(JSON.stringify(PNG_OPTIONS));
  return hash.digest('hex');
}

/** The cache key of one card: its data and the renderer's fingerprint. */
export function cardKey(spec: CardSpec, fingerprint: string): string {
  return createHash('sha256').update(fingerprint).update(JSON.stringify(spec)).digest('hex').slice(0, 32);
}
