/**
 * Parses a briefing's body as the build will (MDX with GitHub extensions); a syntax error becomes one
 * finding at its line and column in the file, not in the body. A block of text the parser would take
 * minutes over is refused before parsing (see `MAX_EMPHASIS_MARKS`).
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Finding } from '../finding.ts';
import type { FrontmatterBlock } from '../frontmatter.ts';
import { finding } from './finding-helpers.ts';

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/**
 * The most emphasis marks (`*` and `_`) one block of text (lines between blank lines) may hold. The
 * Markdown parser pairs these marks in time that grows with the square of their number or worse: a block
 * of 16,000 `_` split by one letter took 13 s, 100,000 over 8 minutes, holding up the whole build. Real
 * paragraphs, tables and lists stay far below this, and at this count the worst case parses in about 1 s.
 */
export const MAX_EMPHASIS_MARKS = 5_000;

/** The first block of the body with more marks than the limit: its line in the body (from 1) and its count. */
function overmarkedBlock(body: string): { line: number; marks: number } | undefined {
  let line = 1;
  let blockLine = 1;
  let marks = 0;
  let lineBlank = true;
  for (let index = 0; index <= body.length; index++) {
    const char = body[index];
    if (char === '\n' || char === undefined) {
      const blockEnds = lineBlank || char === undefined;
      if (blockEnds && marks > MAX_EMPHASIS_MARKS) return { line: blockLine, marks };
      if (blockEnds) {
        marks = 0;
        blockLine = line + 1;
      }
      line += 1;
      lineBlank = true;
    } else if (char === '*' || char === '_') {
      marks += 1;
      lineBlank = false;
    } else if (char !== ' ' && char !== '\t') {
      lineBlank = false;
    }
  }
  return undefined;
}

interface ParserError {
  readonly reason?: string;
  readonly place?: { line?: number; column?: number; start?: { line: number; column: number } };
}

export function parseBody(path: string, block: FrontmatterBlock): { tree: Root } | { error: Finding } {
  const lineOffset = block.bodyStartLine - 1;
  const overmarked = overmarkedBlock(block.body);
  if (overmarked) {
    const count = new Intl.NumberFormat('en').format(overmarked.marks);
    const limit = new Intl.NumberFormat('en').format(MAX_EMPHASIS_MARKS);
    return {
      error: finding(
        path,
        overmarked.line + lineOffset,
        1,
        'error',
        `this block (the text up to the next blank line) holds ${count} * and _ marks, more than the ${limit} the Markdown parser pairs in reasonable time: split it with blank lines`,
      ),
    };
  }
  try {
    return { tree: processor.runSync(processor.parse(block.body)) as Root };
  } catch (error) {
    const { place, reason: given } = error as ParserError;
    // Positions in the parser's message count from the body: make them lines of the file.
    const reason = (given ?? String(error)).replace(
      /\((\d+):(\d+)-(\d+):(\d+)\)/g,
      (_, l1: string, c1: string, l2: string, c2: string) =>
        `(${Number(l1) + lineOffset}:${c1}-${Number(l2) + lineOffset}:${c2})`,
    );
    const opening = /\((\d+):(\d+)-/.exec(reason);
    const line = opening ? Number(opening[1]) : (place?.start?.line ?? place?.line ?? 1) + lineOffset;
    const column = opening ? Number(opening[2]) : (place?.start?.column ?? place?.column ?? 1);
    return { error: finding(path, line, column, 'error', `MDX syntax: ${reason}`) };
  }
}
