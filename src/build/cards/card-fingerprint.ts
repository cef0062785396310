/**
 * What makes a rendered card out of date besides its own data: the renderer's source, the fonts, the
 * libraries and the encoder settings. Part of every card's cache key.
 */
import { createHash } from 'node:crypto';
import { hashSources } from '../build-cache.ts';
import type { CardSpec } from '../../outputs/card/card-spec.ts';
import { fontsFingerprint } from '../../outputs/card/card-fonts.ts';
import { installedPackage } from '../installed-package.ts';
import { PNG_OPTIONS } from '../../outputs/card/render-card.ts';

/** The files whose code shapes a card, relative to the project root. */
export const RENDERER_SOURCES = [
  'src/outputs/card/card-spec.ts',
  'src/outputs/card/card-template.ts',
  'src/outputs/card/headline-fit.ts',
  'src/outputs/card/card-fonts.ts',
  'src/outputs/card/render-card.ts',
] as const;

export function rendererFingerprint(projectRoot: string): string {
  const hash = hashSources(createHash('sha256'), projectRoot, RENDERER_SOURCES);
  hash.update(fontsFingerprint());
  hash.update(`satori@${installedPackage('satori').version} sharp@${installedPackage('sharp').version}`);
  hash.update(JSON.stringify(PNG_OPTIONS));
  return hash.digest('hex');
}

/** The cache key of one card: its data and the renderer's fingerprint. */
export function cardKey(spec: CardSpec, fingerprint: string): string {
  return createHash('sha256').update(fingerprint).update(JSON.stringify(spec)).digest('hex').slice(0, 32);
}
