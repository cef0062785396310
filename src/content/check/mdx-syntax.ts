/**
 * Parses a briefing's body as the build will (MDX with GitHub extensions); a syntax error becomes one
 * finding at its line and column in the file, not in the body.
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

interface ParserError {
  readonly reason?: string;
  readonly place?: { line?: number; column?: number; start?: { line: number; column: number } };
}

export function parseBody(path: string, block: FrontmatterBlock): { tree: Root } | { error: Finding } {
  const lineOffset = block.bodyStartLine - 1;
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
