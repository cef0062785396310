/**
 * Fits a headline into the card's headline box: the largest font size at which the estimated lines fit,
 * and an ellipsis only when even the smallest size cannot hold the whole text.
 */

export interface FitOptions {
  /** Width of the headline box in pixels. */
  readonly width: number;
  /** Height of the headline box in pixels. */
  readonly height: number;
  /** Candidate font sizes, largest first. */
  readonly sizes: readonly number[];
  readonly lineHeight: number;
}

export interface FittedHeadline {
  readonly text: string;
  readonly fontSize: number;
  readonly lines: number;
  readonly truncated: boolean;
}

/** Advance width of a character in em for a bold grotesque like Inter, rounded up to stay on the safe side. */
function charWidth(char: string): number {
  const codePoint = char.codePointAt(0) ?? 0;
  if (
    codePoint >= 0x1100 &&
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u.test(char)
  ) {
    return 1.02;
  }
  if (/\p{Extended_Pictographic}/u.test(char)) return 1.2;
  if (char === ' ') return 0.28;
  if (/[il.,:;'!|Ijtf()[\]]/.test(char)) return 0.34;
  if (/[mwMW@%]/.test(char)) return 0.96;
  if (/[A-Z]/.test(char)) return 0.74;
  if (/[0-9$€£]/.test(char)) return 0.66;
  return 0.62;
}

/** Units that may not be split across lines: words, or single characters of scripts written without spaces. */
function breakUnits(text: string): string[] {
  return (
    text.match(
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|\s+/gu,
    ) ?? []
  );
}

/** Lines a text takes at `fontSize` in a box `width` wide, wrapping greedily. */
export function estimateLines(text: string, fontSize: number, width: number): number {
  let lines = 1;
  let lineWidth = 0;
  for (const unit of breakUnits(text)) {
    const unitWidth = [...unit].reduce((sum, char) => sum + charWidth(char), 0) * fontSize;
    if (/^\s+$/.test(unit)) {
      lineWidth += unitWidth;
      continue;
    }
    if (lineWidth > 0 && lineWidth + unitWidth > width) {
      lines += 1;
      lineWidth = 0;
    }
    // A unit wider than the whole line breaks inside itself.
    lines += Math.max(0, Math.ceil(unitWidth / width) - 1);
    lineWidth += unitWidth % width || (unitWidth > 0 ? width : 0);
  }
  return lines;
}

export function fitHeadline(headline: string, options: FitOptions): FittedHeadline {
  const text = headline.replace(/\s+/g, ' ').trim();
  const maxLines = (size: number) => Math.max(1, Math.floor(options.height / (size * options.lineHeight)));
  for (const size of options.sizes) {
    const lines = estimateLines(text, size, options.width);
    if (lines <= maxLines(size)) return { text, fontSize: size, lines, truncated: false };
  }
  const smallest = options.sizes.at(-1) ?? 32;
  const limit = maxLines(smallest);
  const words = text.split(' ');
  while (words.length > 1 && estimateLines(`${words.join(' ')}…`, smallest, options.width) > limit) words.pop();
  let truncatedText = `${words.join(' ')}…`;
  while (truncatedText.length > 2 && estimateLines(truncatedText, smallest, options.width) > limit) {
    truncatedText = `${[...truncatedText].slice(0, -2).join('')}…`;
  }
  return { text: truncatedText, fontSize: smallest, lines: limit, truncated: true };
}
