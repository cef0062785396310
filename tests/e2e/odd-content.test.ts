/**
 * Odd but valid briefings (#19): a briefing saved with Windows line endings and a UTF-8 byte-order mark
 * builds exactly as the same file with `\n` and no mark, and its page, task list included, passes axe
 * (WCAG 2.1 AA) in light and dark. The odd bytes are written here, so git keeps no CRLF file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'cheerio';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tools/chromium.ts';
import { headersFor, parseHeadersFile } from '../../tools/headers-file.ts';
import { serveDirectory, type StaticServer } from '../../tools/static-server.ts';
import { wcagViolations } from '../helpers/browser.ts';
import { buildSite, makeContentDir, PROJECT_ROOT, writeBriefing, type BuildResult } from '../helpers/site-build.ts';

const NAME = 'odd-content.mdx';
const PAGE = '/briefings/odd-content/';
const lf = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/content/briefings', NAME), 'utf8');
const windows = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;

/** Every file of a built site, by path: the two builds must write the same files with the same bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

const sites: Record<'lf' | 'windows', { dir: string; build?: BuildResult }> = {
  lf: { dir: '' },
  windows: { dir: '' },
};

beforeAll(async () => {
  expect(lf).not.toContain('\r');
  expect(windows.startsWith('\uFEFF---\r\n')).toBe(true);
  // One after the other: two builds of one project at once would share its `.astro/` folder.
  for (const variant of ['lf', 'windows'] as const) {
    const contentDir = makeContentDir();
    writeBriefing(contentDir, NAME, variant === 'lf' ? lf : windows);
    const dir = join(contentDir, 'dist');
    sites[variant] = { dir, build: await buildSite(contentDir, dir) };
  }
});

describe('a briefing saved with \\r\\n line endings and a byte-order mark', () => {
  it('builds', () => {
    expect(sites.lf.build?.ok, sites.lf.build?.output).toBe(true);
    expect(sites.windows.build?.ok, sites.windows.build?.output).toBe(true);
  });

  it('builds the same page, and the same site, as the file with \\n and no mark', () => {
    const page = (dir: string) => readFileSync(join(dir, PAGE, 'index.html'), 'utf8');
    const plain = page(sites.lf.dir);
    expect(plain).not.toContain('\r');
    expect(plain).not.toContain('\uFEFF');
    expect(page(sites.windows.dir)).toBe(plain);
    const expected = filesOf(sites.lf.dir);
    const actual = filesOf(sites.windows.dir);
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    const differing = [...expected].filter(([path, bytes]) => !actual.get(path)?.equals(bytes)).map(([path]) => path);
    expect(differing).toEqual([]);
  });

  it('renders the task list with a named, disabled checkbox per item', () => {
    const $ = load(readFileSync(join(sites.windows.dir, PAGE, 'index.html'), 'utf8'));
    const boxes = $('main li.task-list-item > input[type=checkbox]').toArray();
    expect(boxes.map((box) => box.attribs['aria-label'])).toEqual([
      'Read the third-quarter release',
      'Note the guidance for the quarter',
      'Listen to the conference call',
      'Questions on cloud growth',
      'Questions on the job cuts',
      'Compare revenue with the guidance',
    ]);
    expect(boxes.every((box) => 'disabled' in box.attribs)).toBe(true);
    expect(boxes.filter((box) => 'checked' in box.attribs)).toHaveLength(2);
  });
});

describe('the odd briefing in Chromium, with the CSP applied', () => {
  const rules = parseHeadersFile(readFileSync(join(PROJECT_ROOT, 'public/_headers'), 'utf8'));
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveDirectory(sites.windows.dir, (path) => headersFor(rules, path));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(['light', 'dark'] as const)('has no WCAG 2.1 AA violation in %s', async (scheme) => {
    const page = await browser.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${server.url}${PAGE}`);
    expect(await wcagViolations(page)).toEqual([]);
    await page.close();
  });
});
