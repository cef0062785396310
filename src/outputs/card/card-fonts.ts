/**
 * Fonts for social cards, from npm packages (@fontsource WOFF files and Twemoji SVGs). Inter covers
 * Latin, Greek and Cyrillic and is always loaded; Noto fonts for Japanese, Chinese, Korean, Arabic and
 * Hebrew are loaded only for the unicode-range subsets a card's text needs. Every file is read once per
 * process.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installedPackage } from '../../build/installed-package.ts';

export interface FontFace {
  /** Absolute path of the WOFF file. */
  readonly file: string;
  /** Inclusive code point ranges the file covers. */
  readonly ranges: readonly (readonly [number, number])[];
}

/** Reads the `@font-face` blocks of a Fontsource stylesheet: each WOFF file with its unicode-range. */
export function parseFontFaces(css: string, baseDir: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const woff = /url\(\.\/(files\/[^)]+\.woff)\)\s*format\('woff'\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!woff || !range) continue;
    const ranges = range.split(',').map((part): [number, number] => {
      const [from = '0', to] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from, 16), parseInt(to ?? from, 16)];
    });
    faces.push({ file: join(baseDir, woff), ranges });
  }
  return faces;
}

export function covers(face: FontFace, codePoint: number): boolean {
  return face.ranges.some(([from, to]) => codePoint >= from && codePoint <= to);
}

export type FontWeight = 400 | 700;

/** A font as Satori receives it: one entry per WOFF subset file and weight. */
export interface SatoriFont {
  readonly name: string;
  readonly data: Buffer;
  readonly weight: FontWeight;
  readonly style: 'normal';
}

interface Family {
  /** The family's name, for people reading this list. */
  readonly name: string;
  /** npm package holding `<weight>.css` and `files/`. */
  readonly packageName: string;
}

/** Always loaded: covers Latin (with accents and German), Greek, Cyrillic and Vietnamese. */
export const PRIMARY_FAMILY: Family = { name: 'Inter', packageName: '@fontsource/inter' };

/** Loaded per card for what Inter lacks, in this order. Japanese comes before Chinese for shared Han. */
export const FALLBACK_FAMILIES: readonly Family[] = [
  { name: 'Noto Sans JP', packageName: '@fontsource/noto-sans-jp' },
  { name: 'Noto Sans SC', packageName: '@fontsource/noto-sans-sc' },
  { name: 'Noto Sans KR', packageName: '@fontsource/noto-sans-kr' },
  { name: 'Noto Sans Arabic', packageName: '@fontsource/noto-sans-arabic' },
  { name: 'Noto Sans Hebrew', packageName: '@fontsource/noto-sans-hebrew' },
];

const facesCache = new Map<string, FontFace[]>();
const dataCache = new Map<string, Buffer>();

function packageDir(packageName: string): string {
  return installedPackage(packageName).dir;
}

export function facesOf(family: Family, weight: FontWeight): FontFace[] {
  const key = `${family.packageName}@${weight}`;
  let faces = facesCache.get(key);
  if (!faces) {
    const dir = packageDir(family.packageName);
    faces = parseFontFaces(readFileSync(join(dir, `${weight}.css`), 'utf8'), dir);
    facesCache.set(key, faces);
  }
  return faces;
}

function fontData(file: string): Buffer {
  let data = dataCache.get(file);
  if (!data) {
    data = readFileSync(file);
    dataCache.set(file, data);
  }
  return data;
}

const WEIGHTS: readonly FontWeight[] = [400, 700];

const satoriFonts = new Map<string, SatoriFont>();
const fontLists = new Map<string, SatoriFont[]>();

/** One object per subset and weight for the whole process: Satori caches parsed fonts by identity. */
function satoriFont(name: string, boldFile: string, weight: FontWeight): SatoriFont {
  const file = weight === 700 ? boldFile : boldFile.replace('-700-normal.woff', `-${weight}-normal.woff`);
  let font = satoriFonts.get(file);
  if (!font) {
    font = { name, data: fontData(file), weight, style: 'normal' };
    satoriFonts.set(file, font);
  }
  return font;
}

/** Emoji are drawn as Twemoji pictures, not glyphs. */
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
/** Joiners, variation selectors, skin-tone modifiers and tags: parts of emoji, no glyph of their own. */
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2064],
  [0xfe00, 0xfe0f],
  [0x1f3fb, 0x1f3ff],
  [0xe0020, 0xe007f],
];

function isInvisible(codePoint: number): boolean {
  return INVISIBLE_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to);
}

export interface FontSelection {
  readonly fonts: SatoriFont[];
  /** The CSS font-family list naming every selected subset, in fallback order. */
  readonly fontFamily: string;
  /** Characters no available font covers: the card leaves them out rather than draw empty boxes. */
  readonly missing: string[];
}

const faceByCodePoint = new Map<number, FontFace | null>();

/** The first face, in fallback order, that covers `codePoint` (remembered: each lookup scans hundreds of subsets). */
function faceFor(codePoint: number): FontFace | undefined {
  let face = faceByCodePoint.get(codePoint);
  if (face === undefined) {
    face = null;
    for (const family of [PRIMARY_FAMILY, ...FALLBACK_FAMILIES]) {
      const found = facesOf(family, 700).find((candidate) => covers(candidate, codePoint));
      if (found) {
        face = found;
        break;
      }
    }
    faceByCodePoint.set(codePoint, face);
  }
  return face ?? undefined;
}

/**
 * The fonts a card needs for `text`: the subsets (each under a name of its own, since Satori treats
 * faces sharing a name as one font and would not fall back between them) that cover its characters.
 * Inter's Latin subset always comes first.
 */
export function selectFonts(text: string): FontSelection {
  const selected = new Map<string, { name: string; file: string }>();
  const select = (face: FontFace) => {
    if (selected.has(face.file)) return;
    // "inter-latin", "noto-sans-jp-12": the subset's file name, unique across families.
    const subset = face.file.replace(/^.*\/files\//, '').replace(/-700-normal\.woff$/, '');
    selected.set(face.file, { name: subset, file: face.file });
  };
  const primaryFaces = facesOf(PRIMARY_FAMILY, 700);
  const latin = primaryFaces.find((face) => covers(face, 'a'.codePointAt(0) ?? 0));
  if (latin) select(latin);

  const missing: string[] = [];
  for (const char of new Set(text)) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (codePoint < 0x20 || EMOJI.test(char) || isInvisible(codePoint)) continue;
    const face = faceFor(codePoint);
    if (face) select(face);
    else missing.push(char);
  }
  const fontFamily = [...selected.values()].map(({ name }) => `"${name}"`).join(', ');
  // The same selection gets the same array: Satori keeps parsed fonts per fonts array.
  let fonts = fontLists.get(fontFamily);
  if (!fonts) {
    fonts = [...selected.values()].flatMap(({ name, file }) => WEIGHTS.map((weight) => satoriFont(name, file, weight)));
    fontLists.set(fontFamily, fonts);
  }
  return { fonts, fontFamily, missing };
}

/** Removes characters no font can draw, so a card never shows empty boxes. */
export function withoutMissing(text: string, missing: readonly string[]): string {
  if (missing.length === 0) return text;
  const drop = new Set(missing);
  return [...text]
    .filter((char) => !drop.has(char))
    .join('')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** A Twemoji SVG as a data URI for an emoji grapheme, or undefined when Twemoji has none. */
export function emojiImage(grapheme: string): string | undefined {
  const codePoints = [...grapheme].map((char) => (char.codePointAt(0) ?? 0).toString(16));
  const dir = join(packageDir('@twemoji/svg'));
  const candidates = [codePoints.join('-'), codePoints.filter((point) => point !== 'fe0f').join('-')];
  for (const name of candidates) {
    const file = join(dir, `${name}.svg`);
    if (existsSync(file)) return `data:image/svg+xml;base64,${fontData(file).toString('base64')}`;
  }
  return undefined;
}

/**
 * Identifies every font and emoji file the renderer may use, so that changing a font package
 * invalidates cached cards. A published npm version never changes, so name and version stand for the
 * bytes without reading 200 MB of fonts.
 */
export function fontsFingerprint(): string {
  const hash = createHash('sha256');
  for (const family of [PRIMARY_FAMILY, ...FALLBACK_FAMILIES, { name: 'Twemoji', packageName: '@twemoji/svg' }]) {
    hash.update(`${family.packageName}@${installedPackage(family.packageName).version}\n`);
  }
  return hash.digest('hex');
}
