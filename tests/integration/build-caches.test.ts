/**
 * Build caches keyed by the code they depend on, and the site configuration checked at load: real
 * builds of a copy of the project whose source files the tests edit.
 */
import { appendFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../helpers/project-copy.ts';
import { buildSite } from '../helpers/site-build.ts';

let project = '';
let cache = '';
const build = () => buildSite(join(project, 'content'), join(project, 'dist'), cache, project);
/** Bodies rendered and taken from the build cache, as the build log says. */
const bodiesLine = (output: string) => /bodies: (\d+) rendered, (\d+) from the cache/.exec(output)?.slice(1, 3);

/** Adds a comment to the script part of an Astro component, which changes no output. */
function touchComponent(path: string): void {
  const file = join(project, path);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, '---\n// edited by a test\n'));
}

beforeAll(async () => {
  project = copyProject({ site: true });
  cache = mkdtempSync(join(tmpdir(), 'tickerpress-cache-'));
  const first = await build();
  expect(first.ok).toBe(true);
});

describe('the rendered bodies', () => {
  it('keeps every rendered body when code the renderer does not run changes', async () => {
    const briefings = 9;
    appendFileSync(join(project, 'src/outputs/card/card-template.ts'), '\n// a design change\n');
    appendFileSync(join(project, 'tools/corpus.ts'), '\n// a generator change\n');
    touchComponent('src/components/page/BriefingList.astro');
    const result = await build();
    expect(result.ok).toBe(true);
    // The data store keeps every briefing as it loaded: none is read or rendered again.
    expect(bodiesLine(result.output)).toEqual(['0', '0']);
    expect(result.output).toContain(`${briefings} briefings loaded`);
    expect(result.output).toMatch(/briefings loaded in [\d.]+ s \(0 read, the rest unchanged\)/);
    // The card template did change: every card is rendered again.
    expect(result.output).toMatch(/cards: \d+ rendered, 0 from the cache/);
  });

  it("takes every body from the build cache when Astro's data store is gone", async () => {
    rmSync(join(cache, 'astro'), { recursive: true, force: true });
    const result = await buildSite(join(project, 'content'), join(project, 'dist'), cache, project, {}, ['--rerender']);
    expect(result.ok).toBe(true);
    expect(bodiesLine(result.output)).toEqual(['0', '9']);
  });

  it('renders every body again when the figure parser changes', async () => {
    appendFileSync(join(project, 'src/engine/text/figures.ts'), '\n// a parser change\n');
    const result = await build();
    expect(result.ok).toBe(true);
    expect(bodiesLine(result.output)).toEqual(['9', '0']);
  });
});

describe('the site configuration', () => {
  it('stops the build naming each wrong field, once, without a stack trace, and leaves dist/ as it was', async () => {
    const before = readFileSync(join(project, 'dist/index.html'), 'utf8');
    const config = join(project, 'src/site.config.ts');
    writeFileSync(
      config,
      readFileSync(config, 'utf8')
        .replace('keyDevelopmentsCount: 3', 'keyDevelopmentsCount: 7')
        .replace("|| 'https://tickerpress.example'", "|| 'https://tickerpress.example/'")
        .replace("timeZone: 'Europe/Berlin'", "timeZone: 'Mars/Olympus'"),
    );
    const result = await build();
    expect(result.ok).toBe(false);
    const lines = result.output.split('\n');
    expect(lines.filter((line) => line.startsWith('src/site.config.ts:'))).toEqual([
      'src/site.config.ts: url must not end with "/" (write https://news.example.com)',
      'src/site.config.ts: timeZone "Mars/Olympus" is not an IANA time zone such as Europe/Berlin',
      'src/site.config.ts: keyDevelopmentsCount must be at most 5 (bullets per box)',
    ]);
    expect(result.output).not.toMatch(/^\s+at /m);
    expect(readFileSync(join(project, 'dist/index.html'), 'utf8')).toBe(before);
  });
});

describe('a built project moved to another folder', () => {
  it('keeps every cache: the site restored, and with --rerender nothing compiled, checked or drawn again', async () => {
    const before = copyProject({ site: true });
    const buildIn = (root: string, args: readonly string[] = []) =>
      buildSite(join(root, 'content'), join(root, 'dist'), join(root, '.cache'), root, {}, args);
    expect((await buildIn(before)).ok).toBe(true);
    // As a second clone, a renamed folder or a CI runner's checkout path would have it, with .cache/ along.
    const moved = join(mkdtempSync(join(tmpdir(), 'tickerpress-moved-')), 'elsewhere');
    renameSync(before, moved);

    const restored = await buildIn(moved);
    expect(restored.ok).toBe(true);
    expect(restored.output).toMatch(/Nothing changed since the last build .*: its \d+ files restored/);
    expect(restored.output).toMatch(/(\d+) briefings checked in \d+ ms \(\1 unchanged, from the cache\)/);

    const rerendered = await buildIn(moved, ['--rerender']);
    expect(rerendered.ok).toBe(true);
    // No body is rendered again: each is kept as it loaded, in Astro's data store or the build cache.
    expect(bodiesLine(rerendered.output)?.[0]).toBe('0');
    expect(rerendered.output).toMatch(/\d+ cards: 0 rendered, \d+ from the cache/);
    expect(rerendered.output).toMatch(
      /search index: \d+ pages in [\d.]+ s \((\d+) bundles?, 0 indexed, \1 from the cache\)/,
    );
  }, 300_000);
});
