/**
 * Property-based fuzzing of the content check: valid briefings, damaged the ways hand-edited or broken
 * files are (YAML keys, values and indentation, unclosed JSX, stray `---`, binary bytes, very long
 * lines, lost or repeated lines, cut-off files, other line endings), must never make the check throw,
 * and every finding must point into the file it names, so that an author can go to it.
 *
 * Positions are those of the text every reader sees (`normalizeSourceText`): lines count from 1 and are
 * split at `\n`; a column counts UTF-16 code units from 1 and may be one past the end of its line (the
 * end of the file, or of an unclosed construct).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { briefingId, checkContent, type CheckContext, type ContentFile } from '../../src/content/check/index.ts';
import { formatFinding, type Finding } from '../../src/content/finding.ts';
import { parseMarketCsv } from '../../src/content/market-csv.ts';
import { normalizeSourceText } from '../../src/content/source-text.ts';
import { routeOf } from '../../src/site/routes.ts';
import { PROJECT_ROOT } from '../helpers/site-build.ts';

/** Fixed, so that every run tries the same inputs and a failure can be replayed. */
const SEED = 20_260_201;

const FIXTURE_DIR = 'tests/fixtures/content/briefings';
const FIXTURES: readonly ContentFile[] = readdirSync(join(PROJECT_ROOT, FIXTURE_DIR))
  .filter((name) => name.endsWith('.mdx'))
  .sort()
  .map((name) => ({
    path: `${FIXTURE_DIR}/${name}`,
    source: readFileSync(join(PROJECT_ROOT, FIXTURE_DIR, name), 'utf8'),
  }));

const MARKET_FILE = 'content/market/AMZN.csv';
const amznSeries = parseMarketCsv(readFileSync(join(PROJECT_ROOT, MARKET_FILE), 'utf8'), MARKET_FILE).rows;

/** Everything the fixtures refer to exists, so that the unmutated fixtures pass. */
const CONTEXT: CheckContext = {
  authors: new Set(['markets-desk', 'demo-writer', 'hostile-author']),
  tickers: new Set(['AMZN', 'BRK.B', 'T']),
  publicFileExists: (path) => path === '/favicon.svg',
  routeOf,
  series: (symbol) => (symbol === 'AMZN' ? amznSeries : undefined),
};

const FENCE = /^---[ \t]*$/;

// ---------------------------------------------------------------------------------------------------
// Mutations. Each is plain data (a long line is described, not spelt out), so that a counterexample
// fast-check prints is short enough to read. `at` is any natural number, taken modulo what it picks
// from: a key, a line or a place in the part of the file the mutation damages (its region).

type Mutation =
  | { readonly kind: 'renameKey'; readonly at: number; readonly name: string }
  | { readonly kind: 'deleteKey'; readonly at: number }
  | { readonly kind: 'duplicateKey'; readonly at: number }
  | { readonly kind: 'replaceValue'; readonly at: number; readonly value: string }
  | { readonly kind: 'reindent'; readonly at: number; readonly indent: string }
  | { readonly kind: 'insertLine'; readonly at: number; readonly text: string }
  | { readonly kind: 'insertText'; readonly at: number; readonly text: string }
  | { readonly kind: 'insertLongLine'; readonly at: number; readonly unit: string; readonly length: number }
  | { readonly kind: 'deleteLine'; readonly at: number }
  | { readonly kind: 'duplicateLine'; readonly at: number }
  | { readonly kind: 'truncate'; readonly at: number };

/**
 * The part of the file a mutation damages: the frontmatter with its fences, or the body after them.
 * Damage to both at once mostly stops at the frontmatter (the body is parsed only after valid
 * frontmatter), so each property damages one; a file that has lost its block is damaged anywhere.
 */
type Region = 'frontmatter' | 'body';

/** How the mutated file is saved: as is, with Windows or old Mac line endings, with a byte-order mark. */
type Endings = 'lf' | 'crlf' | 'cr' | 'bom' | 'bom-crlf';

/** `  - name: value`: the indentation (with a list dash), the key, and what follows the colon. */
const KEY_LINE = /^([ \t]*(?:- +)?)([^\s:#][^:]*):((?:[ \t].*)?)$/;

/** The region's lines, `first` to before `end`. */
function regionLines(lines: readonly string[], region: Region): { first: number; end: number } {
  const close = FENCE.test(lines[0] ?? '') ? lines.findIndex((line, index) => index > 0 && FENCE.test(line)) : -1;
  if (close === -1) return { first: 0, end: lines.length };
  return region === 'frontmatter' ? { first: 0, end: close + 1 } : { first: close + 1, end: lines.length };
}

/** Replaces line `index` by `replacement` (none: deletes it). */
function withLines(lines: readonly string[], index: number, ...replacement: string[]): string {
  return [...lines.slice(0, index), ...replacement, ...lines.slice(index + 1)].join('\n');
}

function applyMutation(source: string, mutation: Mutation, region: Region): string {
  const lines = source.split('\n');
  const { first, end } = regionLines(lines, region);
  /** A line of the region; undefined when it has none. */
  const line = end > first ? first + (mutation.at % (end - first)) : undefined;
  const keyLines =
    region === 'frontmatter' ? lines.flatMap((text, i) => (i < end && KEY_LINE.test(text) ? [i] : [])) : [];
  const keyLine = keyLines.length > 0 ? keyLines[mutation.at % keyLines.length] : undefined;
  const keyParts = keyLine === undefined ? undefined : KEY_LINE.exec(lines[keyLine] ?? '');
  /** A place in the region's text, from the start of its first line to the end of its last. */
  const offset = () => {
    const start = lines.slice(0, first).reduce((sum, text) => sum + text.length + 1, 0);
    const stop = lines.slice(0, end).reduce((sum, text) => sum + text.length + 1, 0) - 1;
    return Math.min(start + (mutation.at % (Math.max(stop, start) - start + 1)), source.length);
  };
  switch (mutation.kind) {
    case 'renameKey':
      if (keyLine === undefined || !keyParts) return source;
      return withLines(lines, keyLine, `${keyParts[1]}${mutation.name}:${keyParts[3]}`);
    case 'deleteKey':
      return keyLine === undefined ? source : withLines(lines, keyLine);
    case 'duplicateKey':
      return keyLine === undefined ? source : withLines(lines, keyLine, lines[keyLine] ?? '', lines[keyLine] ?? '');
    case 'replaceValue':
      if (keyLine === undefined || !keyParts) return source;
      return withLines(lines, keyLine, `${keyParts[1]}${keyParts[2]}: ${mutation.value}`);
    case 'reindent':
      if (line === undefined) return source;
      return withLines(lines, line, `${mutation.indent}${(lines[line] ?? '').trimStart()}`);
    case 'insertLine':
    case 'insertLongLine': {
      const text =
        mutation.kind === 'insertLine'
          ? mutation.text
          : mutation.unit.repeat(Math.ceil(mutation.length / mutation.unit.length)).slice(0, mutation.length);
      const before = first + (mutation.at % (end - first + 1));
      return [...lines.slice(0, before), text, ...lines.slice(before)].join('\n');
    }
    case 'insertText': {
      const place = offset();
      return source.slice(0, place) + mutation.text + source.slice(place);
    }
    case 'deleteLine':
      return line === undefined ? source : withLines(lines, line);
    case 'duplicateLine':
      return line === undefined ? source : withLines(lines, line, lines[line] ?? '', lines[line] ?? '');
    case 'truncate':
      return source.slice(0, offset());
  }
}

function saveWith(source: string, endings: Endings): string {
  const crlf = source.replace(/\n/g, '\r\n');
  switch (endings) {
    case 'lf':
      return source;
    case 'crlf':
      return crlf;
    case 'cr':
      return source.replace(/\n/g, '\r');
    case 'bom':
      return `\uFEFF${source}`;
    case 'bom-crlf':
      return `\uFEFF${crlf}`;
  }
}

// ---------------------------------------------------------------------------------------------------
// What the mutations write.

const KEY_NAMES = [
  'title',
  'Title',
  'titel',
  'dek',
  'publishedAt',
  'published_at',
  'author',
  'authors',
  'tickers',
  'tags',
  'sources',
  'market',
  'events',
  'draft',
  'keyDevelopments',
  'image',
  'src',
  'name',
  '-',
  '?',
  '"title"',
  "'dek'",
  '[a]',
  '{b}',
  '&a title',
  '*a',
  '!x title',
  '<<',
  '__proto__',
  'constructor',
];

/** YAML's own node syntax: anchors and aliases, tags, flow and block collections and scalars. */
const YAML_NODE_SYNTAX = [
  '&a',
  '&a value',
  '*a',
  '*undefined',
  '&a [*a, *a, *a]',
  '!!str',
  '!!int x',
  '!!binary aGk=',
  '!tag x',
  '? x',
  '{a: 1',
  '[1, 2',
  '|',
  '>-',
];

/** Values that mean something other than text, or break the line they are on. */
const YAML_VALUES = [
  '',
  '"',
  "'",
  '""',
  ':',
  ': :',
  'a: b',
  '{',
  '}',
  '[',
  ']',
  '[AMZN, amzn, ""]',
  '- x',
  '#',
  '# a comment',
  '~',
  'null',
  'true',
  'no',
  '0x1F',
  '1e400',
  '-.inf',
  '.nan',
  '2026-02-30T10:00:00+01:00',
  '2026-02-01T10:17:05',
  '"\\u12"',
  "'it''s'",
  '`x`',
  '%YAML 1.2',
  '@x',
  '---',
  '...',
  'https://',
  'https://[::1',
  '/images/x.png',
  '/%',
  '//',
  '/a b',
  'AMZN',
  '日本株',
  '🇩🇪',
  'e\u0301',
  '\u202e',
  '\u2028',
];

/** Markup an author leaves half-written: it fails the MDX parse, unless something later closes it. */
const UNCLOSED_MARKUP = [
  '<Ticker symbol="X"',
  '<Ticker>',
  '<Ticker symbol=',
  '<div>',
  '</div>',
  '<div',
  '<>',
  '<',
  '</',
  '{',
  '}',
  '{/*',
  '{a +',
  '<Sponsored>',
  'import {',
  'export',
  '<!-- comment',
  '```',
  '~~~',
];

/** Well-formed markup that the body's rules read (components, code, embedded documents, notes, tables). */
const MARKUP = [
  '<Sponsored sponsor="">x</Sponsored>',
  '<img src="/x.png">',
  '<script>alert(1)</script>',
  '<a href="java&#x09;script:x" onClick={f}>x</a>',
  '<svg><set attributeName="href" to="javascript:x" /></svg>',
  '<div {...props} />',
  '{<iframe src="https://example.com" />}',
  'import X from "./missing.js"',
  'import { A, B as C } from "./here.js"',
  "import { readFileSync } from 'node:fs'",
  'export const frontmatter = 1',
  'export default 1',
  'export const secret = process.env',
  'The path is {process.env.HOME}/x.',
  "{readFileSync('/etc/hostname', 'utf8')}",
  '<Ticker symbol={process.env.USER} />',
  '<Ticker {...props} />',
  'A {/* note */} and a \\{ brace.',
  '<PriceChart ticker="AMZN" from="2026-13-01" to="2026-01-30" />',
  '<PriceChart ticker="AMZN" from="2026-01-30" to="2025-01-30" />',
  '<BarChart title="S" unit="$bn" labels="Q1|Q2|Q3" values="1.2|abc|3" />',
  '<BarChart title="S" labels="Q1" values="1" colour="red" />',
  '[^1]',
  '[^1]: note',
  '    indented code',
  '| a | b |',
  '| - |',
  '- [ ] task',
  '> quote',
  '# Heading',
  '-->',
  '\\',
  '`',
  '&#0;',
  '&#x110000;',
];

/** A URL as a link, image or attribute gives it: within the site or not, with `%` escapes good and bad. */
const url = fc
  .tuple(
    fc.constantFrom(
      '#',
      '#',
      '/',
      '/briefings/',
      '/tickers/',
      '/tags/',
      '/images/',
      'https://',
      'javascript:',
      'data:',
    ),
    fc.string({ unit: fc.constantFrom('%', '%', 'E', '0', 'a', '-', '/', '#', '?', 'ü', ' '), maxLength: 8 }),
  )
  .map(([start, rest]) => start + rest);

const symbol = fc.oneof(
  fc.constantFrom('AMZN', 'BRK.B', 'ZZZZ', 'amzn', ''),
  fc.string({ unit: fc.constantFrom('A', 'Z', '.', '1', 'a', '-'), maxLength: 6 }),
);

/** Markup each body rule reads, with the values it checks generated. */
const markup = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 3, arbitrary: url.map((to) => `[link](${to})`) },
  { weight: 1, arbitrary: url.map((to) => `![alt](${to})`) },
  { weight: 1, arbitrary: url.map((to) => `![](${to})`) },
  { weight: 1, arbitrary: url.map((to) => `[ref]: ${to}`) },
  { weight: 1, arbitrary: url.map((to) => `<a href="${to}">x</a>`) },
  { weight: 1, arbitrary: url.map((to) => `<img src="${to}" alt="" />`) },
  { weight: 1, arbitrary: symbol.map((name) => `<Ticker symbol="${name}" />`) },
  { weight: 1, arbitrary: symbol.map((name) => `<PriceChart ticker="${name}" />`) },
);

/** Bytes as a file read as UTF-8 holds them: invalid sequences become U+FFFD, control bytes stay. */
const binaryText = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 48 }).map((bytes) => Buffer.from(bytes).toString('utf8')),
  fc.uint8Array({ minLength: 1, maxLength: 48 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  // Lone surrogates, which no valid UTF-8 decodes to but a JavaScript string can hold.
  fc
    .array(fc.integer({ min: 0xd800, max: 0xdfff }), { minLength: 1, maxLength: 4 })
    .map((codes) => String.fromCharCode(...codes)),
  fc.constantFrom('\u0000', '\u0000\u0000\u0000', '\uFFFE', '\uFEFF', '\r', '\u000b\u000c', '\u0085'),
);

const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

const yamlValue = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...YAML_NODE_SYNTAX) },
  { weight: 2, arbitrary: fc.constantFrom(...YAML_VALUES) },
  { weight: 1, arbitrary: anyText },
  { weight: 1, arbitrary: binaryText },
);
const lineText = fc.oneof(
  { weight: 4, arbitrary: markup },
  { weight: 2, arbitrary: fc.constantFrom(...UNCLOSED_MARKUP) },
  { weight: 1, arbitrary: fc.constantFrom('---', '--- ', '---\t', '...') },
  { weight: 2, arbitrary: binaryText },
  { weight: 1, arbitrary: fc.constantFrom(...YAML_VALUES, ...YAML_NODE_SYNTAX) },
  { weight: 1, arbitrary: anyText },
);

const at = fc.nat();
const reindent = fc.record({
  kind: fc.constant('reindent'),
  at,
  indent: fc.string({ unit: fc.constantFrom(' ', '\t'), maxLength: 6 }),
});
/** Damage to any part of a file: lines and text. */
const lineMutations = [
  reindent,
  fc.record({ kind: fc.constant('insertLine'), at, text: lineText }),
  fc.record({ kind: fc.constant('insertText'), at, text: fc.oneof(lineText, yamlValue) }),
  fc.record({
    kind: fc.constant('insertLongLine'),
    at,
    // Runs of `*` and `_`, which the Markdown parser pairs in quadratic time, are refused before parsing
    // beyond `MAX_EMPHASIS_MARKS` a block. Not runs of `[`: 100,000 of them take the parser seconds.
    unit: fc.constantFrom(
      'x',
      'word ',
      '1,200 ',
      '$4.2 billion, up 13% ',
      '<',
      '{',
      '`',
      '|',
      ' ',
      '-',
      '#',
      '_',
      '*x_ ',
    ),
    length: fc.constantFrom(2_000, 100_000),
  }),
  fc.record({ kind: fc.constant('deleteLine'), at }),
  fc.record({ kind: fc.constant('duplicateLine'), at }),
  fc.record({ kind: fc.constant('truncate'), at }),
] as const;
const bodyMutation = fc.oneof(...lineMutations) as fc.Arbitrary<Mutation>;
/** Markup the body's rules read, written on a line of its own or within one. */
const markupMutation = fc.oneof(
  fc.record({ kind: fc.constant('insertLine'), at, text: markup }),
  fc.record({ kind: fc.constant('insertText'), at, text: markup }),
) as fc.Arbitrary<Mutation>;
/** Keys and values most of all, as a YAML error reported first hides every later problem. */
const frontmatterMutation = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replaceValue'), at, value: yamlValue }) },
  fc.record({ kind: fc.constant('renameKey'), at, name: fc.oneof(fc.constantFrom(...KEY_NAMES), anyText) }),
  fc.record({ kind: fc.constant('deleteKey'), at }),
  fc.record({ kind: fc.constant('duplicateKey'), at }),
  { weight: 2, arbitrary: reindent },
  ...lineMutations,
) as fc.Arbitrary<Mutation>;

const endings = fc.constantFrom<Endings>('lf', 'lf', 'crlf', 'cr', 'bom', 'bom-crlf');

const fixtureIndex = fc.nat({ max: FIXTURES.length - 1 });

interface Damage {
  readonly index: number;
  readonly region: Region;
  readonly edits: readonly Mutation[];
  readonly saved: Endings;
}

/** One to `maxEdits` edits of one region of a fixture, saved one way. */
const damage = (region: Region, edit: fc.Arbitrary<Mutation>, maxEdits: number): fc.Arbitrary<Damage> =>
  fc.record({
    index: fixtureIndex,
    region: fc.constant(region),
    edits: fc.array(edit, { minLength: 1, maxLength: maxEdits }),
    saved: endings,
  });

function damaged({ index, region, edits, saved }: Damage, path?: string): ContentFile {
  const fixture = FIXTURES[index] ?? FIXTURES[0];
  if (!fixture) throw new Error(`no fixtures in ${FIXTURE_DIR}`);
  const source = edits.reduce((text, edit) => applyMutation(text, edit, region), fixture.source);
  return { path: path ?? fixture.path, source: saveWith(source, saved) };
}

// ---------------------------------------------------------------------------------------------------
// The properties.

/** What is wrong with the findings, as readable lines: each must name a given file and a place in it. */
function findingProblems(findings: readonly Finding[], files: readonly ContentFile[]): string[] {
  const linesOf = new Map(files.map((file) => [file.path, normalizeSourceText(file.source).split('\n')]));
  return findings.flatMap((finding): string[] => {
    const printed = formatFinding(finding).slice(0, 300);
    const lines = linesOf.get(finding.file);
    if (!lines) return [`names a file that was not checked: ${printed}`];
    const problems: string[] = [];
    if (!Number.isInteger(finding.line) || finding.line < 1 || finding.line > lines.length) {
      problems.push(`line ${finding.line} is not a line of the file (1 to ${lines.length}): ${printed}`);
    } else {
      const length = lines[finding.line - 1]?.length ?? 0;
      if (!Number.isInteger(finding.column) || finding.column < 1 || finding.column > length + 1) {
        problems.push(`column ${finding.column} is outside line ${finding.line} (1 to ${length + 1}): ${printed}`);
      }
    }
    if (finding.severity !== 'error' && finding.severity !== 'warning') {
      problems.push(`severity ${String(finding.severity)}: ${printed}`);
    }
    if (typeof finding.message !== 'string' || finding.message.trim() === '') {
      problems.push(`no message: ${printed}`);
    }
    return problems;
  });
}

/** Errors the file certainly has, whatever else the mutations did: no frontmatter block at all. */
function certainlyBroken(file: ContentFile): boolean {
  const lines = normalizeSourceText(file.source).split('\n');
  return !FENCE.test(lines[0] ?? '') || !lines.some((line, index) => index > 0 && FENCE.test(line));
}

const errorsOf = (findings: readonly Finding[], path: string) =>
  findings.filter((finding) => finding.file === path && finding.severity === 'error');

describe('the content check on damaged briefings (property-based)', () => {
  it('passes every unmutated fixture, the valid briefings the fuzzing starts from', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(5);
    const findings = checkContent(FIXTURES, CONTEXT);
    expect(findings.filter((finding) => finding.severity === 'error').map(formatFinding)).toEqual([]);
    expect(findingProblems(findings, FIXTURES)).toEqual([]);
  });

  it.each([
    { damaged: 'frontmatter', damages: damage('frontmatter', frontmatterMutation, 3), numRuns: 400 },
    { damaged: 'body', damages: damage('body', bodyMutation, 3), numRuns: 200 },
    { damaged: 'markup of the body', damages: damage('body', markupMutation, 3), numRuns: 300 },
  ])('never throws on damage to the $damaged, and reports every finding inside the file it names', (property) => {
    fc.assert(
      fc.property(property.damages, (damages) => {
        const file = damaged(damages);
        const findings = checkContent([file], CONTEXT);
        expect(findingProblems(findings, [file])).toEqual([]);
        if (certainlyBroken(file)) expect(errorsOf(findings, file.path).length).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: property.numRuns },
    );
  });

  it('reports bytes that are not UTF-8 as an error inside the file, wherever they are and however it was saved', () => {
    const INVALID = [[0xff], [0xe9], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0x00]];
    fc.assert(
      fc.property(fixtureIndex, fc.nat(), fc.constantFrom(...INVALID), endings, (index, at, bad, saved) => {
        const fixture = FIXTURES[index];
        if (!fixture) throw new Error(`no fixture ${index}`);
        const bytes = Buffer.from(saveWith(fixture.source, saved), 'utf8');
        const place = at % (bytes.length + 1);
        const source = Buffer.concat([bytes.subarray(0, place), Buffer.from(bad), bytes.subarray(place)]);
        const findings = checkContent([{ path: fixture.path, source }], CONTEXT);
        const asText = { path: fixture.path, source: new TextDecoder().decode(source) };
        expect(findingProblems(findings, [asText])).toEqual([]);
        expect(errorsOf(findings, fixture.path).map(formatFinding)).toEqual([
          expect.stringMatching(/: error: (?:the byte 0x[0-9A-F]{2} is not UTF-8 text|a NUL character)/),
        ]);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('reports an error for each damage that certainly breaks a briefing', () => {
    const REQUIRED = ['title', 'dek', 'publishedAt', 'author', 'sources'];
    const certainDamage = fc.oneof(
      fc.record({ kind: fc.constant('deleteRequired'), key: fc.constantFrom(...REQUIRED) }),
      // A top-level key written twice: YAML forbids it, whatever the value.
      fc.record({ kind: fc.constant('duplicateTopLevel'), at }),
      fc.record({
        kind: fc.constant('dropFence'),
        which: fc.constantFrom<'opening' | 'closing'>('opening', 'closing'),
      }),
      // Markup left open at the end of the body, where nothing can close it.
      fc.record({ kind: fc.constant('unclosedAtEnd'), text: fc.constantFrom('<Ticker symbol="X"', '<div>', '{') }),
    );
    fc.assert(
      fc.property(fixtureIndex, certainDamage, endings, (index, broken, saved) => {
        const fixture = FIXTURES[index];
        if (!fixture) throw new Error(`no fixture ${index}`);
        const lines = fixture.source.split('\n');
        const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
        const topLevelKeys = lines.slice(1, close).flatMap((line, i) => (/^[A-Za-z]\w*:/.test(line) ? [i + 1] : []));
        let source: string;
        switch (broken.kind) {
          case 'deleteRequired': {
            const keyIndex = lines.findIndex((line, i) => i < close && line.startsWith(`${broken.key}:`));
            expect(keyIndex).toBeGreaterThan(0);
            source = withLines(lines, keyIndex);
            break;
          }
          case 'duplicateTopLevel': {
            const keyIndex = topLevelKeys[broken.at % topLevelKeys.length] ?? 1;
            source = withLines(lines, keyIndex, lines[keyIndex] ?? '', lines[keyIndex] ?? '');
            break;
          }
          case 'dropFence':
            source = withLines(lines, broken.which === 'opening' ? 0 : close);
            break;
          case 'unclosedAtEnd':
            source = `${fixture.source.trimEnd()}\n\n${broken.text}\n`;
            break;
        }
        const file = { path: fixture.path, source: saveWith(source, saved) };
        const findings = checkContent([file], CONTEXT);
        expect(findingProblems(findings, [file])).toEqual([]);
        expect(errorsOf(findings, file.path).map(formatFinding)).not.toEqual([]);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('checks several damaged files at once: findings stay with their file, and a shared URL slug is an error', () => {
    // Names that differ as files but may give the same slug (case, punctuation), in one folder or two.
    const NAMES = ['amazon', 'Amazon', 'AMAZON!', 'draft', 'Draft', 'sub/draft', 'sub/Draft', 'x', 'x y', 'x-y'];
    const file = fc.record({
      name: fc.constantFrom(...NAMES),
      damages: fc.oneof(damage('frontmatter', frontmatterMutation, 2), damage('body', bodyMutation, 2)),
    });
    fc.assert(
      fc.property(fc.uniqueArray(file, { minLength: 2, maxLength: 4, selector: (f) => f.name }), (specs) => {
        const files = specs.map(({ name, damages }) => damaged(damages, `content/briefings/${name}.mdx`));
        const findings = checkContent(files, CONTEXT);
        expect(findingProblems(findings, files)).toEqual([]);
        for (const file of files.filter(certainlyBroken)) {
          expect(errorsOf(findings, file.path).length).toBeGreaterThan(0);
        }
        const ids = files.map((f) => briefingId(f.path.replace(/^content\/briefings\//, '')));
        const slugErrors = findings.filter((f) => f.severity === 'error' && f.message.includes('same URL slug'));
        expect(slugErrors.length).toBe(ids.length - new Set(ids).size);
      }),
      { seed: SEED, numRuns: 60 },
    );
  });
});
