import { describe, expect, it } from 'vitest';
import { briefingFrontmatterSchema } from '../../src/content/schema/index.ts';
import { formatFinding } from '../../src/content/finding.ts';
import { formatPath, readBriefingFrontmatter, splitFrontmatter } from '../../src/content/frontmatter.ts';
import { normalizeSourceText } from '../../src/content/source-text.ts';

const FILE = 'content/briefings/test.mdx';
const authors = new Set(['markets-desk', 'demo-writer']);

const VALID_FIELDS = `title: Amazon in talks to invest up to $50 billion in OpenAI
dek: Amazon is spending heavily on AI while cutting corporate costs.
publishedAt: 2026-02-01T10:17:05+01:00
author: markets-desk
tickers: [AMZN, BRK.B, T]
tags: [ai, job-cuts]
sources:
  - name: The Wall Street Journal
  - name: CNBC
    url: https://www.cnbc.com/
market:
  symbol: AMZN
  close: 241.00
  currency: USD
  asOf: 2026-01-30T16:00:00-05:00
  high52Week: 247.43
events:
  - title: Amazon Q4 2025 results call
    kind: call
    start: 2026-02-05T14:00:00-08:00
    timeZone: America/Los_Angeles
corrections:
  - at: 2026-02-01T12:00:00+01:00
    text: Fixed a typo.`;

const file = (fields: string, body = '\nBody text.\n') => `---\n${fields}\n---\n${body}`;

/** Replaces the line starting with `key:` (or removes it when `line` is undefined). */
function withLine(key: string, line: string | undefined): string {
  const lines = VALID_FIELDS.split('\n');
  const index = lines.findIndex((l) => l.startsWith(`${key}:`));
  if (index === -1) throw new Error(`no ${key} line`);
  if (line === undefined) lines.splice(index, 1);
  else lines[index] = line;
  return lines.join('\n');
}

function findingsOf(source: string): string[] {
  const result = readBriefingFrontmatter(source, { file: FILE, authors });
  if (result.ok) throw new Error('expected the frontmatter to be rejected');
  return result.findings.map(formatFinding);
}

describe('a valid briefing', () => {
  it('is accepted with defaults filled in and values kept as written', () => {
    const result = readBriefingFrontmatter(file(VALID_FIELDS), { file: FILE, authors });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.frontmatter.publishedAt).toBe('2026-02-01T10:17:05+01:00');
    expect(result.frontmatter.tickers).toEqual(['AMZN', 'BRK.B', 'T']);
    expect(result.frontmatter.market?.close).toBe(241);
    expect(result.frontmatter.events[0]?.timeZone).toBe('America/Los_Angeles');
    expect(result.frontmatter.draft).toBe(false);
    expect(result.frontmatter.demo).toBe(false);
    expect(result.raw['publishedAt']).toBe('2026-02-01T10:17:05+01:00');
  });

  it('needs only the required fields', () => {
    const minimal = `title: T\ndek: D.\npublishedAt: 2026-02-01T10:17:05Z\nauthor: demo-writer\nsources:\n  - name: S`;
    const result = readBriefingFrontmatter(file(minimal), { file: FILE, authors });
    expect(result.ok && result.frontmatter).toMatchObject({ tickers: [], tags: [], events: [], corrections: [] });
  });
});

describe('invalid briefings name the file, line, field and what was expected', () => {
  it('a missing title', () => {
    expect(findingsOf(file(withLine('title', undefined)))).toEqual([
      `${FILE}:2:1: error: title is required (a headline)`,
    ]);
  });

  it('an empty title', () => {
    expect(findingsOf(file(withLine('title', 'title: ""')))).toEqual([
      `${FILE}:2:8: error: title must not be empty (a headline)`,
    ]);
  });

  it('a date-time without offset', () => {
    expect(findingsOf(file(withLine('publishedAt', 'publishedAt: 2026-02-01T10:17:05')))).toEqual([
      `${FILE}:4:14: error: publishedAt "2026-02-01T10:17:05" has no UTC offset, so its moment is ambiguous: add one, e.g. 2026-02-01T10:17:05+01:00`,
    ]);
  });

  it('an impossible date (31 February)', () => {
    expect(findingsOf(file(withLine('publishedAt', 'publishedAt: 2026-02-31T10:17:05+01:00')))).toEqual([
      `${FILE}:4:14: error: publishedAt "2026-02-31T10:17:05+01:00" names a day that does not exist (2026-02-31)`,
    ]);
  });

  it('tickers given as a comma-separated string', () => {
    expect(findingsOf(file(withLine('tickers', 'tickers: AMZN, MSFT')))).toEqual([
      `${FILE}:6:10: error: tickers expected a list such as [AMZN, MSFT], got the text "AMZN, MSFT" (write one item per entry, not a comma-separated string)`,
    ]);
  });

  it('a malformed ticker symbol, pointing at the item', () => {
    expect(findingsOf(file(withLine('tickers', 'tickers: [AMZN, amzn]')))).toEqual([
      `${FILE}:6:17: error: tickers[1] "amzn" is not a ticker symbol: use upper-case letters and digits, with an optional class suffix (AMZN, T, BRK.B)`,
    ]);
  });

  it('a ticker listed twice', () => {
    expect(findingsOf(file(withLine('tickers', 'tickers: [AMZN, AMZN]')))).toEqual([
      `${FILE}:6:17: error: tickers[1] lists "AMZN" twice`,
    ]);
  });

  it('a malformed ticker and tag listed twice: the repeat once, as a repeat (it is to be removed, not corrected)', () => {
    const fields = withLine('tickers', 'tickers: [amzn, amzn]').replace('tags: [ai, job-cuts]', 'tags: [AI, AI]');
    expect(findingsOf(file(fields))).toEqual([
      `${FILE}:6:11: error: tickers[0] "amzn" is not a ticker symbol: use upper-case letters and digits, with an optional class suffix (AMZN, T, BRK.B)`,
      `${FILE}:6:17: error: tickers[1] lists "amzn" twice`,
      `${FILE}:7:8: error: tags[0] "AI" is not a tag: use lower-case words of any script joined by hyphens (job-cuts, börse, 日本株)`,
      `${FILE}:7:12: error: tags[1] lists "AI" twice`,
    ]);
  });

  it('a value with two problems, once: a 52-week high below zero is not also reported as below the close', () => {
    const fields = VALID_FIELDS.replace('high52Week: 247.43', 'high52Week: -1');
    expect(findingsOf(file(fields))).toEqual([`${FILE}:17:15: error: market.high52Week must be above zero`]);
  });

  it('an image size that is not a whole number of pixels', () => {
    const fields = `${VALID_FIELDS}\nimage:\n  src: /favicon.svg\n  alt: The icon\n  width: -1.5\n  height: 0`;
    expect(findingsOf(file(fields))).toEqual([
      `${FILE}:29:10: error: image.width must be a whole number (a width in pixels such as 1200)`,
      `${FILE}:30:11: error: image.height must be above zero`,
    ]);
  });

  it('an unknown field, so typos never pass silently', () => {
    expect(findingsOf(file(`${VALID_FIELDS}\npublshedAt: 2026-02-01T10:17:05+01:00`))).toEqual([
      `${FILE}:26:1: error: publshedAt is not a known field of a briefing (check the spelling; unknown fields are rejected)`,
    ]);
  });

  it('an unknown field inside a nested group', () => {
    const fields = VALID_FIELDS.replace('  high52Week: 247.43', '  high52Week: 247.43\n  low52Week: 160');
    expect(findingsOf(file(fields))).toEqual([
      `${FILE}:18:3: error: market.low52Week is not a known field (check the spelling; unknown fields are rejected)`,
    ]);
  });

  it('an author without a file in content/authors', () => {
    expect(findingsOf(file(withLine('author', 'author: nobody')))).toEqual([
      `${FILE}:5:9: error: author "nobody" is not an author: add content/authors/nobody.yaml or use one of demo-writer, markets-desk`,
    ]);
  });

  it('an author written as a name, once, with the id to write (not also "is not an author id")', () => {
    expect(findingsOf(file(withLine('author', 'author: José Núñez')))).toEqual([
      `${FILE}:5:9: error: author "José Núñez" is not an author id: write jose-nunez and add content/authors/jose-nunez.yaml, or use one of demo-writer, markets-desk`,
    ]);
    expect(findingsOf(file(withLine('author', 'author: Markets Desk')))).toEqual([
      `${FILE}:5:9: error: author "Markets Desk" is not an author id: write markets-desk`,
    ]);
    expect(findingsOf(file(withLine('author', 'author: 张伟')))).toEqual([
      `${FILE}:5:9: error: author "张伟" is not an author id (lower-case letters, digits and hyphens, such as jane-doe): add content/authors/<id>.yaml and write its id, or use one of demo-writer, markets-desk`,
    ]);
  });

  it('an author that is not an id, without the list of authors: the schema says so, once', () => {
    const result = readBriefingFrontmatter(file(withLine('author', 'author: Jane Doe')), { file: FILE });
    expect(!result.ok && result.findings.map(formatFinding)).toEqual([
      `${FILE}:5:9: error: author "Jane Doe" is not an author id (the file name in content/authors/)`,
    ]);
  });

  it('a close above the 52-week high', () => {
    const fields = VALID_FIELDS.replace('close: 241.00', 'close: 250.00');
    expect(findingsOf(file(fields))).toEqual([
      `${FILE}:17:15: error: market.high52Week (247.43) is below the close (250): a 52-week high includes the close`,
    ]);
  });

  it('a currency that is not an ISO 4217 code', () => {
    const fields = VALID_FIELDS.replace('currency: USD', 'currency: $');
    expect(findingsOf(file(fields))).toEqual([
      `${FILE}:15:13: error: market.currency "$" is not an ISO 4217 currency code such as USD or EUR`,
    ]);
  });

  it('an event with an unknown kind and an invalid zone', () => {
    const fields = VALID_FIELDS.replace('kind: call', 'kind: webinar').replace(
      'timeZone: America/Los_Angeles',
      'timeZone: Pacific',
    );
    expect(findingsOf(file(fields))).toEqual([
      `${FILE}:20:11: error: events[0].kind expected one of earnings, call, dividend, meeting, economic-data, product, other, got the text "webinar"`,
      `${FILE}:22:15: error: events[0].timeZone "Pacific" is not an IANA time zone such as America/New_York`,
    ]);
  });

  it('an update before publication', () => {
    const fields = `${VALID_FIELDS}\nupdatedAt: 2026-02-01T09:00:00+01:00`;
    expect(findingsOf(file(fields))).toEqual([
      `${FILE}:26:12: error: updatedAt ("2026-02-01T09:00:00+01:00") is before publishedAt: an update comes after publication`,
    ]);
  });

  it('a source URL that is not absolute', () => {
    const fields = VALID_FIELDS.replace('url: https://www.cnbc.com/', 'url: cnbc.com');
    expect(findingsOf(file(fields))[0]).toMatch(/:11:10: error: sources\[1\]\.url expected an absolute http\(s\) URL/);
  });

  it('no sources', () => {
    const fields = VALID_FIELDS.replace(/sources:\n(?: {2}.*\n)+/, 'sources: []\n');
    expect(findingsOf(file(fields))).toEqual([`${FILE}:8:10: error: sources must name at least one source`]);
  });

  it('draft written as yes (YAML 1.2 reads it as text)', () => {
    expect(findingsOf(file(`${VALID_FIELDS}\ndraft: yes`))).toEqual([
      `${FILE}:26:8: error: draft expected true or false, got the text "yes"`,
    ]);
  });

  it('bad YAML syntax, with the line in the .mdx file', () => {
    const [finding] = findingsOf(file(withLine('dek', 'dek: [unclosed')));
    expect(finding).toMatch(new RegExp(`^${FILE}:\\d+:\\d+: error: YAML syntax: `));
    expect(Number(finding?.split(':')[1])).toBeGreaterThanOrEqual(3);
  });

  it('a duplicated key', () => {
    expect(findingsOf(file(`${VALID_FIELDS}\ntitle: Again`))[0]).toMatch(
      /:26:1: error: YAML syntax: Map keys must be unique/,
    );
  });

  it('an alias with no anchor before it, at the alias: yaml parses it and throws only when it builds the values', () => {
    // Found by the fuzz test: the ReferenceError from yaml stopped the whole check.
    expect(findingsOf(file(withLine('dek', 'dek: *summary')))).toEqual([
      `${FILE}:3:6: error: YAML: Unresolved alias (the anchor must be set before the alias): summary`,
    ]);
    expect(findingsOf(file(`${withLine('dek', 'dek: *summary')}\nx: &summary D.`))).toEqual([
      `${FILE}:3:6: error: YAML: Unresolved alias (the anchor must be set before the alias): summary`,
    ]);
  });

  it('aliases that expand beyond what yaml allows, at the first alias', () => {
    const expanding = [
      'x0: &a [x, x, x, x, x, x, x, x, x, x]',
      'x1: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'x2: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'x3: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ];
    expect(findingsOf(file(`${VALID_FIELDS}\n${expanding.join('\n')}`))).toEqual([
      `${FILE}:27:9: error: YAML: Excessive alias count indicates a resource exhaustion attack`,
    ]);
  });

  it('YAML errors after a value that runs on to the next line stay on the lines they are on', () => {
    // Found by the fuzz test: yaml's LineCounter misses the line breaks of a scalar it reads after an
    // error, which put the ":" of line 4 at line 3, column 17, past the end of "dek: D.".
    const source = file('title: ]\ndek: D.\n  author: demo-writer');
    const findings = findingsOf(source);
    expect(findings).toContain(`${FILE}:4:9: error: YAML syntax: Unexpected map-value-ind token in YAML stream: ":"`);
    const lines = source.split('\n');
    for (const finding of findings) {
      const [, line = 0, column = 0] = finding.split(':').map(Number);
      expect(column, finding).toBeLessThanOrEqual((lines[line - 1]?.length ?? 0) + 1);
    }
  });

  it('no frontmatter at all', () => {
    expect(findingsOf('# Just a heading\n')).toEqual([
      `${FILE}:1:1: error: expected the file to open with a frontmatter block between two "---" lines`,
    ]);
  });

  it('several problems at once, in line order', () => {
    const fields = withLine('title', undefined).replace('tickers: [AMZN, BRK.B, T]', 'tickers: AMZN');
    const findings = findingsOf(file(fields));
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatch(/:2:1: error: title is required/);
    expect(findings[1]).toMatch(/:5:10: error: tickers expected a list/);
  });
});

describe('helpers', () => {
  it('splits frontmatter and reports where the body starts', () => {
    expect(splitFrontmatter('---\na: 1\nb: 2\n---\nBody')).toEqual({
      yaml: 'a: 1\nb: 2',
      yamlStartLine: 2,
      body: 'Body',
      bodyStartLine: 5,
    });
    expect(splitFrontmatter('no fence')).toBeUndefined();
  });

  it('formats field paths', () => {
    expect(formatPath(['events', 0, 'start'])).toBe('events[0].start');
  });

  it('the schema alone rejects a value that is not a list of symbols', () => {
    const result = briefingFrontmatterSchema.safeParse({ tickers: 5 });
    expect(result.success).toBe(false);
  });
});

describe('a file saved with Windows line endings and a byte-order mark', () => {
  /** The same text as an editor on Windows may save it. */
  const windows = (source: string) => `\uFEFF${source.replace(/\n/g, '\r\n')}`;

  it('reads as the same frontmatter and body as with \\n and no mark', () => {
    const source = file(VALID_FIELDS, '\nFirst line\nof a paragraph.\n\n- [x] done\n');
    const plain = readBriefingFrontmatter(source, { file: FILE, authors });
    expect(plain.ok).toBe(true);
    for (const odd of [windows(source), `\uFEFF${source}`, source.replace(/\n/g, '\r\n')]) {
      expect(readBriefingFrontmatter(odd, { file: FILE, authors })).toEqual(plain);
    }
    expect(splitFrontmatter(windows(source))?.body).toBe('\nFirst line\nof a paragraph.\n\n- [x] done\n');
  });

  it('gives the same findings, at the same lines and columns', () => {
    const invalid = [
      file(withLine('publishedAt', 'publishedAt: 2026-02-01T10:17:05')),
      file(withLine('tickers', 'tickers: [AMZN, amzn!]')),
      file(`${VALID_FIELDS}\nauthorr: x`),
      file(withLine('dek', 'dek: [unclosed')),
      'no frontmatter\n',
    ];
    for (const source of invalid) {
      const expected = findingsOf(source);
      expect(expected.length).toBeGreaterThan(0);
      expect(findingsOf(windows(source))).toEqual(expected);
    }
  });

  it('normalises the mark and every \\r\\n (or lone \\r) and nothing else', () => {
    expect(normalizeSourceText('\uFEFF---\r\na: 1\r\n---\rBody\n')).toBe('---\na: 1\n---\nBody\n');
    // A mark anywhere but at the start is text.
    expect(normalizeSourceText('a\uFEFFb')).toBe('a\uFEFFb');
  });
});
