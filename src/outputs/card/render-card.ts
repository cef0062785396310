/** Renders a card: Satori lays the element tree out as SVG, resvg rasterises it, sharp encodes the PNG. */
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';
import type { CardSpec } from './card-spec.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardElement } from './card-template.ts';
import { emojiImage, selectFonts, withoutMissing } from './card-fonts.ts';

/**
 * PNG encoder settings, measured on 1200×630 cards (one core, `npm run bench:cards`): on top of the
 * rasterising, zlib level 2 without adaptive filtering adds about 1 ms for 65–85 KB, the default (level 6,
 * adaptive) ~25 ms for ~70 KB, and a 256-colour palette ~30 ms for ~35 KB. Cards are cached, but a cold
 * build of thousands pays this per card, so speed wins.
 */
export const PNG_OPTIONS = { compressionLevel: 2, adaptiveFiltering: false } as const;

export interface RenderedSvg {
  readonly svg: string;
  /** Characters left out because no font covers them. */
  readonly missing: readonly string[];
}

function cardText(spec: CardSpec): string {
  return [spec.siteName, spec.kicker, spec.headline, spec.dateLabel ?? '', spec.stat ?? '', ...spec.chips].join(' ');
}

export async function renderCardSvg(spec: CardSpec): Promise<RenderedSvg> {
  const { fonts, fontFamily, missing } = selectFonts(cardText(spec));
  const clean = (text: string) => withoutMissing(text, missing);
  const drawable: CardSpec = {
    ...spec,
    siteName: clean(spec.siteName),
    kicker: clean(spec.kicker),
    headline: clean(spec.headline) || spec.siteName,
    dateLabel: spec.dateLabel === undefined ? undefined : clean(spec.dateLabel),
    stat: spec.stat === undefined ? undefined : clean(spec.stat),
    chips: spec.chips.map(clean),
  };
  // Satori's types expect React elements; the plain element tree is what React elements are at runtime.
  const svg = await satori(cardElement(drawable, fontFamily) as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
    loadAdditionalAsset: async (code: string, segment: string) => (code === 'emoji' ? (emojiImage(segment) ?? '') : []),
  });
  return { svg, missing };
}

/**
 * Rasterises Satori's SVG with resvg and encodes it as PNG with sharp. resvg draws a card in about half
 * the time librsvg (sharp's own SVG input) takes (5 ms against 11 ms here), and sharp's encoder is faster
 * than resvg's. Satori draws text as paths, so resvg needs no fonts.
 */
export function encodeCardPng(svg: string): Promise<Buffer> {
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
    .png(PNG_OPTIONS)
    .toBuffer();
}

export async function renderCardPng(spec: CardSpec): Promise<Buffer> {
  const { svg } = await renderCardSvg(spec);
  return encodeCardPng(svg);
}
