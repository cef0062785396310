/**
 * The text of a briefing as every reader of it sees it, whatever editor saved it: a UTF-8 byte-order
 * mark at the start is dropped and Windows (`\r\n`) and old Mac (`\r`) line endings become `\n`.
 *
 * This is the one normalisation, applied where a briefing's text first enters each path, before anything
 * splits, parses, hashes or positions it:
 * - `splitFrontmatter` (`frontmatter.ts`), which the content check and the collection loader both read
 *   the frontmatter through;
 * - `checkContent` (`check/index.ts`), so that rules reading the whole file see the same text;
 * - the collection loader (`loaders/briefing-loader.ts`), for what it reads of the file itself;
 * - the MDX compiler (`src/markdown/mdx-compiler.ts`), for the body Astro hands it (which keeps the
 *   mark and every `\r`, and would otherwise put them into the page).
 * Neither change moves a line or a column that a finding reports: a `\r` ends a line as the `\n` after
 * it (or instead of it) does, and the mark is only ever before the opening `---`.
 */
export function normalizeSourceText(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
