/**
 * The site's icons, drawn from its one SVG icon (`public/favicon.svg`): PNGs for home screens and the
 * web manifest, and `favicon.ico` for the browsers and tools that ask for nothing else.
 */
import icoEndec from 'ico-endec';
import sharp from 'sharp';

/** The sizes `favicon.ico` carries: tabs, taskbars, high-density tabs. */
export const FAVICON_SIZES = [16, 32, 48] as const;
/** iOS home-screen icon. */
export const APPLE_TOUCH_SIZE = 180;
/** The manifest's icons: Android's home screen and splash screen. */
export const MANIFEST_SIZES = [192, 512] as const;

/** The icon as a square PNG of `size` pixels, rasterised at that size (not scaled up from a small one). */
export async function pngIcon(svg: string, size: number): Promise<Buffer> {
  const source = Buffer.from(svg);
  const { width = size } = await sharp(source).metadata();
  return sharp(source, { density: Math.ceil((72 * size) / width) })
    .resize(size, size)
    .png()
    .toBuffer();
}

/** A multi-size `favicon.ico` with PNG images inside, as every current browser reads it. */
export async function faviconIco(svg: string): Promise<Buffer> {
  return icoEndec.encode(await Promise.all(FAVICON_SIZES.map((size) => pngIcon(svg, size))));
}

export interface ManifestIdentity {
  readonly name: string;
  readonly themeColor: string;
  /** Path of the PNG icon of a size: `/icon-192.png`. */
  readonly iconPath: (size: number) => string;
  /** Path of the SVG icon. */
  readonly svgPath: string;
}

/** The web app manifest: what a phone shows when the site is added to its home screen. */
export function webManifest(identity: ManifestIdentity): string {
  return `${JSON.stringify(
    {
      name: identity.name,
      short_name: identity.name,
      start_url: '/',
      display: 'browser',
      background_color: '#ffffff',
      theme_color: identity.themeColor,
      icons: [
        ...MANIFEST_SIZES.map((size) => ({
          src: identity.iconPath(size),
          sizes: `${size}x${size}`,
          type: 'image/png',
        })),
        { src: identity.svgPath, sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    null,
    2,
  )}\n`;
}
