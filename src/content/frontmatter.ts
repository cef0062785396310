/**
 * Reads a briefing's frontmatter from the file's own text, so that every problem can be reported with
 * the file, the line and column within the `.mdx` file, the field, and what was expected.
 *
 * YAML is parsed with the YAML 1.2 core schema: `2026-02-01T10:17:05` stays text (js-yaml would turn it
 * into a Date in UTC and lose the fact that no offset was written).
 */
import { isMap, isScalar, parseDocument, visit, type Document } from 'yaml';
import type { Finding } from './finding.ts';
import { normalizeSourceText } from './source-text.ts';
import {
  briefingFrontmatterSchema,
  SUPERSEDES_OTHER_ISSUES,
  unknownAuthor,
  type BriefingFrontmatter,
} from './schema/index.ts';

export interface FrontmatterBlock {
  /** The YAML between the `---` fences. */
  readonly yaml: string;
  /** 1-based line of the file on which the YAML starts. */
  readonly yamlStartLine: number;
  /** Everything after the closing fence. */
  readonly body: string;
  /** 1-based line of the file on which the body starts. */
  readonly bodyStartLine: number;
}

const FENCE = /^---[ \t]*$/;

/**
 * Splits `---\nyaml\n---\nbody`; undefined when the file does not open with a frontmatter fence. A
 * byte-order mark and `\r\n` line endings are normalised first (`source-text.ts`), so the block, and
 * every finding positioned in it, is the same as for the file saved with `\n` and no mark.
 */
export function splitFrontmatter(source: string): FrontmatterBlock | undefined {
  const lines = normalizeSourceText(source).split('\n');
  if (!FENCE.test(lines[0] ?? '')) return undefined;
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (close === -1) return undefined;
  return {
    yaml: lines.slice(1, close).join('\n'),
    yamlStartLine: 2,
    body: lines.slice(close + 1).join('\n'),
    bodyStartLine: close + 2,
  };
}

export type FrontmatterResult =
  | {
      readonly ok: true;
      /** The YAML as written, for Astro's own schema pass. */
      readonly raw: Record<string, unknown>;
      readonly frontmatter: BriefingFrontmatter;
      readonly block: FrontmatterBlock;
    }
  | { readonly ok: false; readonly findings: readonly Finding[] };

export interface ReadOptions {
  /** Path used in findings, relative to the repository root. */
  readonly file: string;
  /** Known author ids; when given, an unknown author is an error. */
  readonly authors?: ReadonlySet<string>;
}

export function readBriefingFrontmatter(source: string, options: ReadOptions): FrontmatterResult {
  const { file } = options;
  const block = splitFrontmatter(source);
  if (!block) {
    return {
      ok: false,
      findings: [
        {
          file,
          line: 1,
          column: 1,
          severity: 'error',
          message: 'expected the file to open with a frontmatter block between two "---" lines',
        },
      ],
    };
  }
  const { doc, at } = parseYaml(block);
  if (doc.errors.length > 0) {
    return {
      ok: false,
      findings: doc.errors.map((error) => ({
        file,
        ...at(error.pos[0]),
        severity: 'error' as const,
        message: `YAML syntax: ${firstLine(error.message)}`,
      })),
    };
  }
  let raw: unknown;
  try {
    raw = doc.toJS();
  } catch (error) {
    // An alias with no anchor before it (`*a`), or aliases that expand beyond yaml's limit, parse without
    // an error: yaml throws only when it builds the value, which stopped the whole check.
    return {
      ok: false,
      findings: [
        {
          file,
          ...at(failedAliasOffset(doc)),
          severity: 'error',
          message: `YAML: ${firstLine(error instanceof Error ? error.message : String(error))}`,
        },
      ],
    };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      findings: [
        { file, ...at(0), severity: 'error', message: 'expected the frontmatter to be a set of fields (key: value)' },
      ],
    };
  }
  const findings: Finding[] = [];
  // One finding per defect, so one per value: the first issue the schema raises about it (a 52-week
  // high below zero is not also reported as below the close); a list entry that repeats an earlier one
  // only as the repeat (it is to be removed, so whatever else is wrong with it does not matter); and an
  // unknown author once, below, with what to write instead (the schema's "is not an author id" would
  // repeat it).
  const author = (raw as Record<string, unknown>)['author'];
  const missingAuthor =
    options.authors && typeof author === 'string' && !options.authors.has(author) ? author : undefined;
  const parsed = briefingFrontmatterSchema.safeParse(raw);
  const issues = parsed.success ? [] : parsed.error.issues;
  const supersedes = (issue: (typeof issues)[number]) =>
    issue.code === 'custom' && issue.params?.[SUPERSEDES_OTHER_ISSUES] === true;
  const superseded = new Set(issues.filter(supersedes).map(pathKey));
  if (missingAuthor !== undefined) superseded.add(pathKey({ path: ['author'] }));
  const reported = new Set<string>();
  for (const issue of issues) {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        findings.push({
          file,
          ...at(keyOffsetOf(doc, path, key)),
          severity: 'error',
          field: formatPath([...path, key]),
          message: `is not a known field${path.length === 0 ? ' of a briefing' : ''} (check the spelling; unknown fields are rejected)`,
        });
      }
      continue;
    }
    const key = pathKey(issue);
    if (reported.has(key) || (superseded.has(key) && !supersedes(issue))) continue;
    reported.add(key);
    findings.push({
      file,
      ...at(offsetOf(doc, path)),
      severity: 'error',
      ...(path.length > 0 ? { field: formatPath(path) } : {}),
      message: issue.message,
    });
  }
  if (missingAuthor !== undefined) {
    findings.push({
      file,
      ...at(offsetOf(doc, ['author'])),
      severity: 'error',
      field: 'author',
      message: unknownAuthor(missingAuthor, [...(options.authors ?? [])].sort()),
    });
  }
  if (findings.length > 0 || !parsed.success) return { ok: false, findings: sortFindings(findings) };
  return { ok: true, raw: raw as Record<string, unknown>, frontmatter: parsed.data, block };
}

/** The YAML document of a block, and a function from an offset in it to a line and column of the file. */
function parseYaml(block: FrontmatterBlock) {
  const doc = parseDocument(block.yaml, { schema: 'core', prettyErrors: false, uniqueKeys: true });
  // Lines are counted in the text itself, not with yaml's LineCounter: that learns of a line only as its
  // parser reads it, and misses the line breaks of a multi-line scalar read after a syntax error, which
  // put such errors at a column past the end of an earlier line.
  const lineStarts = [0];
  for (let end = block.yaml.indexOf('\n'); end !== -1; end = block.yaml.indexOf('\n', end + 1)) {
    lineStarts.push(end + 1);
  }
  const at = (offset: number) => {
    const line = lineStarts.findLastIndex((start) => start <= offset);
    return { line: line + block.yamlStartLine, column: offset - (lineStarts[line] ?? 0) + 1 };
  };
  return { doc, at };
}

/**
 * Where the value of a field is written, as line and column of the file, e.g. `['image', 'src']`: for
 * rules that report on valid frontmatter. Parses the YAML again, so call it only to report a finding.
 */
export function fieldPosition(
  block: FrontmatterBlock,
  path: readonly (string | number)[],
): { line: number; column: number } {
  const { doc, at } = parseYaml(block);
  return at(offsetOf(doc, path));
}

/** Identifies an issue's field, to compare the fields of two issues. */
function pathKey(issue: { readonly path: readonly PropertyKey[] }): string {
  return JSON.stringify(issue.path.filter((key) => typeof key !== 'symbol'));
}

/** Offset of the deepest node that exists on the path, so a missing field points at its parent. */
function offsetOf(doc: Document, path: readonly (string | number)[]): number {
  for (let depth = path.length; depth > 0; depth--) {
    const node: unknown = doc.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return range[0];
  }
  return (doc.contents as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
}

/** Offset of a key itself within the group at `parentPath`: where an unknown field is written. */
function keyOffsetOf(doc: Document, parentPath: readonly (string | number)[], key: string): number {
  const parent: unknown = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
    const range = isScalar(pair?.key) ? pair.key.range : undefined;
    if (range) return range[0];
  }
  return offsetOf(doc, [...parentPath, key]);
}

/** Offset of the alias that stopped the YAML from being read: the first with no anchor before it, else the first. */
function failedAliasOffset(doc: Document): number {
  let first: number | undefined;
  let unresolved: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      first ??= alias.range?.[0];
      if (alias.resolve(doc)) return undefined;
      unresolved = alias.range?.[0];
      return visit.BREAK;
    },
  });
  return unresolved ?? first ?? 0;
}

/** `events[0].start` */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`)).join('');
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
