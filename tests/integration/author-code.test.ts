/**
 * A briefing cannot run code on the build machine, nor publish what it would read there: not through the
 * build (the content check stops it, at the line), and not through Astro run without the check (the
 * pipeline's guard and the loader refuse it before anything is evaluated). Bytes that are not text and
 * components that cannot be drawn fail the same way, each naming the briefing, line and column.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/build/build-cache.ts';
import {
  buildSite,
  childEnv,
  makeContentDir,
  PROJECT_ROOT,
  TEST_BUILD_TIME,
  writeBriefing,
} from '../helpers/site-build.ts';

const run = promisify(execFile);
const FRONTMATTER =
  '---\ntitle: A briefing\ndek: It tries.\nauthor: demo-writer\nsources:\n  - name: Fixture\npublishedAt: 2026-02-01T10:00:00+01:00\n---\n\n';

/** A secret in the build's environment and one in a file it can read, which no page may ever show. */
const SECRET_ENV = `env-${randomUUID()}`;
const SECRET_FILE = join(mkdtempSync(join(tmpdir(), 'tickerpress-secret-')), 'secret.txt');
const SECRET_TEXT = `file-${randomUUID()}`;
writeFileSync(SECRET_FILE, SECRET_TEXT);

/** Runs `astro build` itself, without the content check that `npm run build` runs first. */
async function astroWithoutCheck(contentDir: string, outDir: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
      {
        cwd: PROJECT_ROOT,
        env: childEnv({
          CONTENT_DIR: contentDir,
          TICKERPRESS_CACHE_DIR: join(contentDir, '.cache'),
          BUILD_TIME: TEST_BUILD_TIME,
          TICKERPRESS_TEST_SECRET: SECRET_ENV,
        }),
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return { ok: false, output: (failure.stdout ?? '') + (failure.stderr ?? '') };
  }
}

/** Every file written under `dir` that holds either secret. */
function secretsUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return filesUnder(dir).filter((file) => {
    const text = readFileSync(file, 'latin1');
    return text.includes(SECRET_ENV) || text.includes(SECRET_TEXT);
  });
}

const LEAKS = {
  'env.mdx': `The desk's model is saved at {process.env.TICKERPRESS_TEST_SECRET}/models/model.xlsx.\n`,
  'file.mdx': `import { readFileSync } from 'node:fs';\n\nThe host is {readFileSync(${JSON.stringify(SECRET_FILE)}, 'utf8')}.\n`,
};

describe('a briefing that tries to run code', () => {
  it('stops npm run build at each line, publishes nothing and leaves the previous site', async () => {
    const contentDir = makeContentDir(['amazon.mdx']);
    const outDir = join(mkdtempSync(join(tmpdir(), 'tickerpress-code-')), 'dist');
    expect((await buildSite(contentDir, outDir)).ok).toBe(true);
    const before = readFileSync(join(outDir, 'index.html'), 'utf8');
    for (const [name, body] of Object.entries(LEAKS)) writeBriefing(contentDir, name, FRONTMATTER + body);
    writeBriefing(contentDir, 'spread.mdx', `${FRONTMATTER}A <Ticker {...{ symbol: 'AMZN' }} /> mention.\n`);
    writeBriefing(contentDir, 'export.mdx', `${FRONTMATTER}export const secret = process.env;\n\nText.\n`);
    const result = await buildSite(contentDir, outDir);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/briefings\/env\.mdx:10:30: error: \{…\} is an MDX expression, which is not allowed/);
    expect(result.output).toMatch(/briefings\/file\.mdx:10:1: error: import is not allowed in a briefing/);
    expect(result.output).toMatch(/briefings\/file\.mdx:12:13: error: \{…\} is an MDX expression/);
    expect(result.output).toMatch(/briefings\/spread\.mdx:10:11: error: <Ticker \{…\}> spreads attributes/);
    expect(result.output).toMatch(/briefings\/export\.mdx:10:1: error: export is not allowed in a briefing/);
    expect(result.output).toContain("a briefing's code would run on the build machine");
    expect(result.output).toContain('Build stopped: the content has errors');
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toBe(before);
    expect(secretsUnder(outDir)).toEqual([]);
  }, 180_000);

  it.each(Object.entries(LEAKS))(
    'is refused by Astro run without the check (%s), at its line, and nothing of the machine is written',
    async (name, body) => {
      const contentDir = makeContentDir(['amazon.mdx']);
      writeBriefing(contentDir, name, FRONTMATTER + body);
      const outDir = join(contentDir, 'dist');
      const result = await astroWithoutCheck(contentDir, outDir);
      expect(result.ok).toBe(false);
      expect(result.output).toContain(`briefings/${name}:10:`);
      expect(result.output).toMatch(/error: (?:\{…\} is an MDX expression|import is not allowed)/);
      expect(result.output).not.toContain(SECRET_ENV);
      expect(result.output).not.toContain(SECRET_TEXT);
      expect(secretsUnder(outDir)).toEqual([]);
      expect(secretsUnder(join(contentDir, '.cache'))).toEqual([]);
    },
    120_000,
  );
});

describe('bytes and components the build cannot use', () => {
  const cases = {
    'nul.mdx': [Buffer.from(`${FRONTMATTER}A paragraph with a \u0000 NUL byte.\n`), '10:20: error: a NUL character'],
    'latin1.mdx': [
      Buffer.concat([Buffer.from(`${FRONTMATTER}Caf`), Buffer.from([0xe9]), Buffer.from(' au lait.\n')]),
      '10:4: error: the byte 0xE9 is not UTF-8 text',
    ],
    'chart-range.mdx': [
      Buffer.from(`${FRONTMATTER}<PriceChart ticker="AMZN" from="2020-01-01" to="2020-02-01" />\n`),
      '10:27: error: <PriceChart ticker="AMZN"> has no market data from 2020-01-01 to 2020-02-01',
    ],
  } as const;

  it('are reported by npm run build at their line and column, once each', async () => {
    const contentDir = makeContentDir(['amazon.mdx']);
    for (const [name, [bytes]] of Object.entries(cases)) writeFileSync(join(contentDir, 'briefings', name), bytes);
    const result = await buildSite(contentDir, join(contentDir, 'dist'));
    expect(result.ok).toBe(false);
    for (const [name, [, finding]] of Object.entries(cases)) {
      expect(result.output.split(`briefings/${name}:`).length - 1, name).toBe(1);
      expect(result.output).toContain(`briefings/${name}:${finding}`);
    }
    expect(existsSync(join(contentDir, 'dist'))).toBe(false);
  }, 120_000);

  it.each(Object.entries(cases))(
    'are refused by Astro run without the check (%s), naming the briefing and line',
    async (name, [bytes, finding]) => {
      const contentDir = makeContentDir(['amazon.mdx']);
      writeFileSync(join(contentDir, 'briefings', name), bytes);
      const result = await astroWithoutCheck(contentDir, join(contentDir, 'dist'));
      expect(result.ok).toBe(false);
      // Where the briefing is rendered (a chart's data), its place comes from the build's guard.
      const place = name === 'chart-range.mdx' ? finding.replace('10:27', '10:1') : finding;
      expect(result.output).toContain(`briefings/${name}:${place}`);
      expect(result.output).not.toContain('content-modules.mjs');
    },
    120_000,
  );
});
