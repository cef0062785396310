import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/content/check/index.ts';
import { formatFinding } from '../../src/content/finding.ts';
import { parseMarketCsv } from '../../src/content/market-csv.ts';
import { readBriefingFrontmatter } from '../../src/content/frontmatter.ts';
import { routeOf } from '../../src/site/routes.ts';
import { childEnv, PROJECT_ROOT } from '../helpers/site-build.ts';

const run = promisify(execFile);

async function script(name: string, args: string[], contentDir: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(PROJECT_ROOT, 'scripts', name), ...args], {
      cwd: PROJECT_ROOT,
      env: childEnv({ CONTENT_DIR: contentDir }),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('npm run new', () => {
  it('writes a valid draft with the publish time in the site zone, and prints its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tickerpress-new-'));
    const result = await script(
      'new-briefing.ts',
      ['Amazon cuts 16,000 jobs', '--ticker', 'AMZN', '--tag', 'job-cuts'],
      dir,
    );
    expect(result.code).toBe(0);
    const [name] = readdirSync(join(dir, 'briefings'));
    expect(name).toMatch(/^\d{4}-\d{2}-\d{2}-amazon-cuts-16000-jobs\.mdx$/);
    expect(result.stdout.trim()).toBe(join(dir, 'briefings', name ?? ''));
    const source = readFileSync(join(dir, 'briefings', name ?? ''), 'utf8');
    const parsed = readBriefingFrontmatter(source, {
      file: name ?? '',
      authors: new Set(['markets-desk', 'demo-writer']),
    });
    if (!parsed.ok) throw new Error(parsed.findings.map(formatFinding).join('\n'));
    expect(parsed.frontmatter).toMatchObject({
      title: 'Amazon cuts 16,000 jobs',
      tickers: ['AMZN'],
      tags: ['job-cuts'],
      draft: true,
      author: 'markets-desk',
    });
    expect(parsed.frontmatter.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
    expect(Math.abs(Date.parse(parsed.frontmatter.publishedAt) - Date.now())).toBeLessThan(60_000);
  });

  it('refuses to overwrite and rejects a bad ticker with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tickerpress-new-'));
    expect((await script('new-briefing.ts', ['Same headline'], dir)).code).toBe(0);
    const again = await script('new-briefing.ts', ['Same headline'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    const bad = await script('new-briefing.ts', ['Another', '--ticker', 'amzn'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"amzn" is not a ticker symbol');
  });
});

describe('npm run check', () => {
  it('passes the project content, printing the summary', async () => {
    const result = await script('check-content.ts', [], join(PROJECT_ROOT, 'content'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/briefings checked in \d+ ms \(\d+ unchanged, from the cache\): 0 errors/);
  });

  it('reports each broken briefing as path:line:column with the field or line and what was expected', async () => {
    const dir = join(PROJECT_ROOT, 'tests/fixtures/broken');
    const files = readdirSync(dir)
      .sort()
      .map((name) => ({ path: `broken/${name}`, source: readFileSync(join(dir, name), 'utf8') }));
    const amazonPrices = parseMarketCsv(
      readFileSync(join(PROJECT_ROOT, 'content/market/AMZN.csv'), 'utf8'),
      'AMZN.csv',
    ).rows;
    const lines = checkContent(files, {
      authors: new Set(['demo-writer']),
      tickers: new Set(['AMZN']),
      publicFileExists: () => false,
      routeOf,
      series: (symbol) => (symbol === 'AMZN' ? amazonPrices : undefined),
    }).map(formatFinding);
    expect(lines).toEqual([
      "broken/author-code.mdx:10:1: error: import is not allowed in a briefing: a briefing's code would run on the build machine while the site is built. The components <Ticker>, <PriceChart>, <BarChart> and <Sponsored> need no import",
      "broken/author-code.mdx:12:1: error: export is not allowed in a briefing: a briefing's code would run on the build machine while the site is built. Frontmatter holds a briefing's data",
      "broken/author-code.mdx:14:30: error: {…} is an MDX expression, which is not allowed in a briefing: a briefing's code would run on the build machine while the site is built. Write the text itself, and write \\{ for a literal brace",
      "broken/author-code.mdx:16:1: error: {…} is an MDX expression, which is not allowed in a briefing: a briefing's code would run on the build machine while the site is built. Write the text itself, and write \\{ for a literal brace",
      'broken/author-code.mdx:18:36: error: <Ticker symbol={…}> is an expression, which is not allowed in a briefing: a briefing\'s code would run on the build machine while the site is built. Write the attribute as symbol="text"',
      'broken/author-code.mdx:18:90: error: <Ticker {…}> spreads attributes from an expression, which is not allowed in a briefing: a briefing\'s code would run on the build machine while the site is built. Write each attribute as name="text"',
      'broken/bad-yaml.mdx:8:15: error: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'broken/component-props.mdx:10:27: error: <PriceChart from="2026-13-01"> is not a day that exists: write YYYY-MM-DD, e.g. 2026-01-30',
      'broken/component-props.mdx:12:45: error: <PriceChart from="2026-01-30" to="2025-02-01"> ends before it starts: "to" must be on or after "from"',
      'broken/component-props.mdx:14:27: error: <PriceChart ticker="AMZN"> has no market data from 2020-01-01 to 2020-02-01: content/market/AMZN.csv runs from 2025-01-30 to 2026-01-30',
      'broken/component-props.mdx:16:13: error: <PriceChart ticker="MSFT"> has no market data: add content/market/MSFT.csv',
      'broken/component-props.mdx:18:54: error: <BarChart> values: "abc" (for "Q2") is not a number as charts write them: digits with an optional "." and "-", such as 4.31 or -0.4 (no thousands separators or units)',
      'broken/component-props.mdx:20:54: error: <BarChart> labels and values: 3 labels but 2 values: give one value per label, each list separated by "|"',
      'broken/component-props.mdx:22:1: error: <BarChart> needs unit="$bn"',
      'broken/component-props.mdx:22:40: error: <BarChart> values: "1,200" (for "Q1") is not a number as charts write them: digits with an optional "." and "-", such as 4.31 or -0.4 (no thousands separators or units)',
      'broken/component-props.mdx:22:57: error: <BarChart> has no attribute "colour": it takes title="", unit="", labels="", values=""',
      'broken/hostile-markup.mdx:10:97: error: link to "javascript:alert(1)" uses the javascript: scheme, which runs code in the reader\'s browser instead of leading to a page: use an https:// address or a path of the site',
      'broken/hostile-markup.mdx:12:3: error: link to "java\\tscript:alert(1)" uses the javascript: scheme, which runs code in the reader\'s browser instead of leading to a page: use an https:// address or a path of the site',
      'broken/hostile-markup.mdx:12:48: error: link to "JaVaScRiPt:alert(1)" uses the javascript: scheme, which runs code in the reader\'s browser instead of leading to a page: use an https:// address or a path of the site',
      'broken/hostile-markup.mdx:14:1: error: image "data:image/png;base64,iVBORw0KGgoAAAANSUhEU…" is a data: URL, a whole file (or page) inside the briefing that no check sees: put the file in public/ and use its path (/images/…)',
      "broken/hostile-markup.mdx:16:50: error: onerror on <img> is an event handler, which runs code in the reader's browser: remove the attribute",
      'broken/hostile-markup.mdx:18:4: error: href of <a> "javascript:alert(3)" uses the javascript: scheme, which runs code in the reader\'s browser instead of leading to a page: use an https:// address or a path of the site',
      "broken/hostile-markup.mdx:20:1: error: <script> is not allowed in a briefing: it runs code in the reader's browser: remove it",
      'broken/hostile-markup.mdx:22:1: error: <style> is not allowed in a briefing: it restyles the whole page, not just the briefing: remove it (the site stylesheet styles briefings)',
      "broken/hostile-markup.mdx:22:8: error: {…} is an MDX expression, which is not allowed in a briefing: a briefing's code would run on the build machine while the site is built. Write the text itself, and write \\{ for a literal brace",
      'broken/hostile-markup.mdx:24:1: error: <iframe> is not allowed in a briefing: it embeds another site into the page: remove it and link to the page instead',
      "broken/hostile-markup.mdx:26:1: error: <form> is not allowed in a briefing: it sends readers' input to another address: remove it and link to the form instead",
      'broken/hostile-markup.mdx:28:1: error: <object> is not allowed in a briefing: it embeds a plugin or another document: remove it and link to the file instead',
      'broken/hostile-markup.mdx:28:46: error: <embed> is not allowed in a briefing: it embeds a plugin or another document: remove it and link to the file instead',
      'broken/hostile-markup.mdx:30:7: error: <span onClick={…}> is an expression, which is not allowed in a briefing: a briefing\'s code would run on the build machine while the site is built. Write the attribute as onClick="text"',
      "broken/hostile-markup.mdx:32:1: error: {…} is an MDX expression, which is not allowed in a briefing: a briefing's code would run on the build machine while the site is built. Write the text itself, and write \\{ for a literal brace",
      'broken/hostile-markup.mdx:34:1: error: link definition "vbscript:msgbox(7)" uses the vbscript: scheme, which runs code in the reader\'s browser instead of leading to a page: use an https:// address or a path of the site',
      'broken/impossible-date.mdx:7:14: error: publishedAt "2026-02-30T10:00:00+01:00" names a day that does not exist (2026-02-30)',
      'broken/keydev-figure-missing.mdx:8:1: warning: keyDevelopments[0] "$4.2 billion" does not appear in the body: readers cannot check it',
      'broken/links-and-images.mdx:10:10: error: image /images/chart.png has no alt text: write ![what it shows](/images/chart.png)',
      'broken/links-and-images.mdx:10:10: error: image /images/chart.png does not exist in public/',
      'broken/links-and-images.mdx:12:5: error: link to /briefings/no-such-briefing/: there is no briefing "no-such-briefing"',
      'broken/links-and-images.mdx:12:60: error: link to #no-such-section: no heading or paragraph on this page has that id',
      'broken/long-headline.mdx:2:8: warning: title has 220 characters: search results and social networks cut a headline after about 110, so readers there may not see its end (shorten it, or move detail to the dek)',
      'broken/malformed-symbol.mdx:8:17: error: tickers[1] "amzn.b" is not a ticker symbol: use upper-case letters and digits, with an optional class suffix (AMZN, T, BRK.B)',
      'broken/missing-image.mdx:9:8: error: image.src "/images/missing-chart.png" is not a file in public/, so networks would show a broken image: add public/images/missing-chart.png, or use the path of a file there or an https:// address',
      'broken/missing-offset.mdx:7:14: error: publishedAt "2026-02-01T10:00:00" has no UTC offset, so its moment is ambiguous: add one, e.g. 2026-02-01T10:17:05+01:00',
      'broken/sponsored-without-label.mdx:12:1: error: <Sponsored> needs its label: sponsor="Who paid for it", shown next to "Ad"',
      'broken/ticker-mentions.mdx:10:42: error: <Ticker symbol="nwfd!!"> is not a ticker symbol: use upper-case letters and digits, with an optional class suffix (AMZN, T, BRK.B)',
      'broken/ticker-mentions.mdx:10:109: warning: <Ticker symbol="ZZZZ"> names a ticker no published briefing lists, so it will not link to a ticker page',
      'broken/tickers-as-string.mdx:8:10: error: tickers expected a list such as [AMZN, MSFT], got the text "AMZN, MSFT" (write one item per entry, not a comma-separated string)',
      'broken/unclosed-jsx.mdx:12:1: error: MDX syntax: Expected a closing tag for `<Sponsored>` (12:1-12:24)',
      'broken/unknown-author.mdx:4:9: error: author "Jane Doe" is not an author id: write jane-doe and add content/authors/jane-doe.yaml, or use one of demo-writer',
      'broken/unknown-component.mdx:12:1: error: <PriceWidget> is not a component briefings can use: use <Sponsored>, <Ticker>, <PriceChart> or <BarChart>',
    ]);
  });

  it('re-checks only changed files on the next run, with the same findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tickerpress-check-cache-'));
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(join(dir, 'briefings'));
    for (const name of ['amazon.mdx', 'keydev-override.mdx', 'keydev-off.mdx']) {
      writeFileSync(
        join(dir, 'briefings', name),
        readFileSync(join(PROJECT_ROOT, 'tests/fixtures/content/briefings', name), 'utf8'),
      );
    }
    const first = await script('check-content.ts', [], dir);
    const second = await script('check-content.ts', [], dir);
    expect(first.stdout).toMatch(/3 briefings checked in \d+ ms \(0 unchanged/);
    expect(second.stdout).toMatch(/3 briefings checked in \d+ ms \(3 unchanged/);
    expect(second.stdout.split('\n').slice(0, -2)).toEqual(first.stdout.split('\n').slice(0, -2));
    const edited = join(dir, 'briefings', 'keydev-off.mdx');
    writeFileSync(
      edited,
      readFileSync(edited, 'utf8').replace(
        'publishedAt: 2026-07-09T09:00:00+02:00',
        'publishedAt: 2026-07-09T09:00:00',
      ),
    );
    const third = await script('check-content.ts', [], dir);
    expect(third.code).toBe(1);
    expect(third.stdout).toMatch(/3 briefings checked in \d+ ms \(2 unchanged/);
    expect(third.stdout).toContain('keydev-off.mdx:4:14: error: publishedAt "2026-07-09T09:00:00" has no UTC offset');
  });

  it('finds duplicate slugs and unknown tickers, exits non-zero on errors and speaks JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tickerpress-check-'));
    const briefings = join(dir, 'briefings');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(join(briefings, 'sub'), { recursive: true });
    const valid = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/content/briefings/keydev-override.mdx'), 'utf8');
    writeFileSync(
      join(briefings, 'Same-Name.mdx'),
      valid.replace('tags: [testing]', 'tickers: [ZZZZ]\ntags: [testing]'),
    );
    writeFileSync(join(briefings, 'same-name.mdx'), valid);
    writeFileSync(
      join(briefings, 'broken.mdx'),
      readFileSync(join(PROJECT_ROOT, 'tests/fixtures/broken/missing-offset.mdx'), 'utf8'),
    );
    const result = await script('check-content.ts', ['--json'], dir);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      errors: number;
      warnings: number;
      findings: { message: string; severity: string }[];
    };
    expect(report.errors).toBe(2);
    expect(report.findings.map((finding) => finding.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/has the same URL slug "same-name" as/),
        expect.stringMatching(/"ZZZZ" is not in content\/tickers.yaml/),
        expect.stringMatching(/has no UTC offset/),
      ]),
    );
  });
});
