/** A problem found in a content file, and the one way findings are printed. */
import { isAbsolute, relative } from 'node:path';

export type Severity = 'error' | 'warning';

/** One problem found in a content file. */
export interface Finding {
  /** Path relative to the repository root. */
  readonly file: string;
  /** 1-based line in the file (not in the frontmatter block). */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  readonly severity: Severity;
  /** Dotted field path, e.g. `events[0].start`, when the problem is in one field. */
  readonly field?: string;
  readonly message: string;
}

/** `content/briefings/x.mdx:4:14: error: publishedAt "…" has no UTC offset …` */
export function formatFinding(finding: Finding): string {
  const subject = finding.field ? `${finding.field} ` : '';
  return `${finding.file}:${finding.line}:${finding.column}: ${finding.severity}: ${subject}${finding.message}`;
}

/** A file as findings name it: relative to `root` (the project) when inside it, else its absolute path. */
export function displayPath(root: string, path: string): string {
  const inside = relative(root, path);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}
