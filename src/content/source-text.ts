/**
 * The text of a briefing as every reader of it sees it, whatever editor saved it: a UTF-8 byte-order
 * mark at the start is dropped and Windows (`\r\n`) and old Mac (`\r`) line endings become `\n`.
 *
 * This is the one normalisation, applied where a briefing's text first enters each path, before anything
 * splits, parses, hashes or positions it:
 * - `splitFrontmatter` (`frontmatter.ts`), which the content check and the collection loader both read
 *   the frontmatter through;
 * - `checkContent` (`check/index.ts`), so that rules reading the whole file see the same text;
 * - the collection loader (`loaders/briefing-loader.ts`), for what it reads of the file itself and the
 *   body it renders (Astro's reading keeps the mark and every `\r`, which would otherwise reach the page).
 * Neither change moves a line or a column that a finding reports: a `\r` ends a line as the `\n` after
 * it (or instead of it) does, and the mark is only ever before the opening `---`.
 *
 * It is also where bytes that are not text are refused (`readSourceText`): a briefing is UTF-8 text, and
 * a NUL or another control character would reach the page, the feeds and the bundler (which fails on it
 * far from the file).
 */
export function normalizeSourceText(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Where a briefing's bytes stop being text, and what is there. */
export interface TextProblem {
  /** 1-based line in the file. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units as editors count them. */
  readonly column: number;
  readonly message: string;
}

/**
 * Characters no briefing holds: C0 controls but tab and newline (`\r` is gone once normalised), DEL and
 * the C1 controls, and halves of a surrogate pair (which a string can hold but no UTF-8 file decodes to).
 */
const NOT_TEXT =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

function placeAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let index = before.indexOf('\n'); index !== -1; index = before.indexOf('\n', index + 1)) line += 1;
  return { line, column: offset - lineStart + 1 };
}

/** The first character of normalised text that is not text, with how many there are; undefined when none. */
export function notTextProblem(text: string): TextProblem | undefined {
  const found = [...text.matchAll(NOT_TEXT)];
  const first = found[0];
  if (!first) return undefined;
  const char = first[0];
  const what =
    char === '\u0000'
      ? 'a NUL character (U+0000)'
      : /[\uD800-\uDFFF]/.test(char)
        ? `half of a character (${codePoint(char)})`
        : `the control character ${codePoint(char)}`;
  const more = found.length > 1 ? ` (${found.length - 1} more in this file)` : '';
  return {
    ...placeAt(text, first.index),
    message: `${what} is not text, and would reach the page and the feeds: remove it${more}. An editor's "show invisibles" finds it`,
  };
}

/**
 * Well-formed UTF-8 sequences of two to four bytes (the Unicode standard's table 3-7): the range of the
 * lead byte, the sequence's length and the range of its second byte; every later byte is 0x80–0xBF.
 */
const WELL_FORMED: readonly { lead: [number, number]; length: number; second: [number, number] }[] = [
  { lead: [0xc2, 0xdf], length: 2, second: [0x80, 0xbf] },
  { lead: [0xe0, 0xe0], length: 3, second: [0xa0, 0xbf] },
  { lead: [0xe1, 0xec], length: 3, second: [0x80, 0xbf] },
  { lead: [0xed, 0xed], length: 3, second: [0x80, 0x9f] },
  { lead: [0xee, 0xef], length: 3, second: [0x80, 0xbf] },
  { lead: [0xf0, 0xf0], length: 4, second: [0x90, 0xbf] },
  { lead: [0xf1, 0xf3], length: 4, second: [0x80, 0xbf] },
  { lead: [0xf4, 0xf4], length: 4, second: [0x80, 0x8f] },
];

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence; -1 when all do. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const sequence = WELL_FORMED.find((form) => lead >= form.lead[0] && lead <= form.lead[1]);
    if (!sequence) return index;
    const [length, low, high] = [sequence.length, ...sequence.second];
    const second = bytes[index + 1] ?? -1;
    if (second < low || second > high) return index;
    for (let next = 2; next < length; next++) {
      const byte = bytes[index + next] ?? -1;
      if (byte < 0x80 || byte > 0xbf) return index;
    }
    index += length;
  }
  return -1;
}

const lenient = new TextDecoder('utf-8');

/**
 * A briefing's text from its bytes (or from a string already decoded), normalised, with the first place
 * where it is not text: bytes that are not UTF-8, or a character no text holds. The text stays usable
 * either way (invalid bytes become U+FFFD), so a caller can still name the file's slug.
 */
export function readSourceText(source: string | Uint8Array): { text: string; problem: TextProblem | undefined } {
  if (typeof source === 'string') {
    const text = normalizeSourceText(source);
    return { text, problem: notTextProblem(text) };
  }
  const text = normalizeSourceText(lenient.decode(source));
  const invalid = firstInvalidUtf8(source);
  if (invalid === -1) return { text, problem: notTextProblem(text) };
  const valid = normalizeSourceText(lenient.decode(source.subarray(0, invalid)));
  const byte = `0x${(source[invalid] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
  return {
    text,
    problem: {
      ...placeAt(valid, valid.length),
      message: `the byte ${byte} is not UTF-8 text here: save the file as UTF-8 (an editor's "reopen with encoding" shows what it was saved as)`,
    },
  };
}
