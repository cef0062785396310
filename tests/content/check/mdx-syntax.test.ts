import { describe, expect, it } from 'vitest';
import { MAX_EMPHASIS_MARKS, parseBody } from '../../../src/content/check/mdx-syntax.ts';
import type { FrontmatterBlock } from '../../../src/content/frontmatter.ts';

/** A body that starts on line 10 of its file. */
const parse = (body: string) => parseBody('briefing.mdx', { body, bodyStartLine: 10 } as FrontmatterBlock);

describe('parseBody', () => {
  it('reports a syntax error at its line in the file', () => {
    const result = parse('Fine.\n\n<Ticker symbol="AMZN"\n');
    expect('error' in result && result.error.line).toBeGreaterThanOrEqual(12);
  });

  it('refuses a block with more emphasis marks than the parser pairs in reasonable time, at its first line', () => {
    // 200,000 marks split by one letter: minutes of parsing if it were tried.
    const marks = '_'.repeat(100_000) + 'x' + '_'.repeat(100_000);
    const result = parse(`Intro.\n\nFirst line of the block\n${marks}\n\nAfter.\n`);
    expect('error' in result).toBe(true);
    if (!('error' in result)) return;
    expect(result.error).toMatchObject({ file: 'briefing.mdx', line: 12, column: 1, severity: 'error' });
    expect(result.error.message).toContain('200,000 * and _ marks');
  });

  it('counts marks per block: blank lines split them, and a long table of bold cells parses', () => {
    const half = '*a* '.repeat(MAX_EMPHASIS_MARKS / 4 + 1);
    expect('tree' in parse(`${half}\n\n${half}\n`)).toBe(true);
    expect('error' in parse(`${half}\n${half}\n`)).toBe(true);
    const table = `| Item | Note |\n|---|---|\n${'| **x** | _y_ |\n'.repeat(400)}`;
    expect('tree' in parse(table)).toBe(true);
  });
});
