/** Small helpers every rule of the content check shares: building findings and finding lines. */
import type { Finding, Severity } from '../finding.ts';

export function finding(file: string, line: number, column: number, severity: Severity, message: string): Finding {
  return { file, line, column, severity, message };
}

/** The 1-based line of the first line of `source` matching `pattern`; 1 when none does. */
export function lineOf(source: string, pattern: RegExp): number {
  const index = source.split(/\r?\n/).findIndex((line) => pattern.test(line));
  return index === -1 ? 1 : index + 1;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "a, b or c" */
export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
