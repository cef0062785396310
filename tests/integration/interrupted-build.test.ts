/**
 * A build killed outright (`kill -9` of its whole process tree, as a CI runner timing out or a machine
 * losing power would) leaves the published `dist/` as it was, and the next build succeeds from the caches
 * it left behind, producing the same bytes as a cold build.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../helpers/project-copy.ts';
import { buildSite, childEnv, makeContentDir, siteFiles, TEST_BUILD_TIME } from '../helpers/site-build.ts';

/** Stages of a build, as its log announces them: a kill lands somewhere after each. */
const STAGES = [
  'briefings checked',
  'Syncing content',
  'generating static routes',
  '/og/briefings/',
  'tickerpress-og-cards',
  'tickerpress-pagefind',
];

/** A fixed-seed generator (mulberry32), so that a failure can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Interruption {
  readonly stage: string;
  /** Whether the build was still running when it was killed (it may have finished in the meantime). */
  readonly killed: boolean;
  readonly dist: Map<string, string>;
  /** What the build printed before it was killed. */
  readonly log: string;
}

let project = '';
let contentDir = '';
let outDir = '';
let cacheDir = '';
let before = new Map<string, string>();
const interruptions: Interruption[] = [];

/** Starts a build and kills its process group `delay` ms after the log first shows `stage`. */
function buildKilledAfter(stage: string, delay: number): Promise<{ killed: boolean; log: string }> {
  // Astro runs every time: a build that finished before its kill would otherwise leave a site the next
  // one restores whole, and these kills are of Astro's build.
  const child = spawn(process.execPath, ['scripts/build.ts', '--outDir', outDir, '--rerender'], {
    cwd: project,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv({
      CONTENT_DIR: contentDir,
      NODE_ENV: 'development',
      TICKERPRESS_CACHE_DIR: cacheDir,
      BUILD_TIME: TEST_BUILD_TIME,
      OG_WORKERS: '2',
    }),
  });
  return new Promise((resolve, reject) => {
    let log = '';
    let exited = false;
    let timer: NodeJS.Timeout | undefined;
    const watch = (chunk: Buffer) => {
      log += chunk.toString();
      if (timer === undefined && log.includes(stage)) {
        timer = setTimeout(() => {
          if (!exited && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
          resolve({ killed: !exited, log });
        }, delay);
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('close', (code, signal) => {
      exited = true;
      if (timer === undefined) reject(new Error(`the build ended (${code ?? signal}) before "${stage}":\n${log}`));
    });
  });
}

beforeAll(async () => {
  project = copyProject({ site: true });
  contentDir = makeContentDir(['amazon.mdx', 'german.mdx']);
  outDir = join(project, 'dist');
  cacheDir = join(project, '.cache');
  const first = await buildSite(contentDir, outDir, cacheDir, project);
  expect(first.ok, first.output).toBe(true);
  before = siteFiles(outDir);

  // The next build has something to publish: a new headline.
  const briefing = join(contentDir, 'briefings', 'amazon.mdx');
  writeFileSync(briefing, readFileSync(briefing, 'utf8').replace(/^title: .*$/m, 'title: Amazon rewrites its plans'));
  const random = seededRandom(20261202);
  for (const stage of STAGES) {
    const { killed, log } = await buildKilledAfter(stage, Math.floor(random() * 250));
    interruptions.push({
      stage,
      killed,
      log,
      dist: siteFiles(outDir),
    });
  }
  // Last, a kill while pages are certainly being rendered: the log names a page as it starts it.
  const { killed, log } = await buildKilledAfter('/archive/index.html', 0);
  interruptions.push({ stage: 'rendering', killed, log, dist: siteFiles(outDir) });
}, 600_000);

describe('a build killed with SIGKILL', () => {
  it('leaves the previous dist/ in place when killed before the swap', () => {
    // Until the pages are rendered and indexed, the new site exists only in the staging folder; the
    // first route alone takes longer than the kill's delay.
    const early = interruptions.filter(
      ({ stage }) => STAGES.includes(stage) && STAGES.indexOf(stage) <= STAGES.indexOf('generating static routes'),
    );
    expect(early).toHaveLength(3);
    for (const { stage, killed, dist } of early) {
      expect(killed, `killed past "${stage}"`).toBe(true);
      expect(dist, `after a kill past "${stage}"`).toEqual(before);
    }
  });

  it('lets the next build succeed from the caches it left, with the bytes of a cold build', async () => {
    const warm = await buildSite(contentDir, outDir, cacheDir, project, {}, ['--rerender']);
    expect(warm.ok, warm.output).toBe(true);
    const cold = await buildSite(contentDir, join(project, 'dist-cold'), join(project, '.cache-cold'), project);
    expect(cold.ok, cold.output).toBe(true);
    const warmFiles = siteFiles(outDir);
    expect(warmFiles).toEqual(siteFiles(join(project, 'dist-cold')));
    expect(warmFiles).not.toEqual(before);
    // Killed anywhere, even while the new site was being swapped in, dist/ held one whole site or the other.
    for (const { stage, dist } of interruptions) {
      expect([before, warmFiles], `after a kill past "${stage}"`).toContainEqual(dist);
    }
  }, 300_000);

  it('puts back a dist/ left under its .previous name by a kill between the two renames of the swap', async () => {
    const published = siteFiles(outDir);
    renameSync(outDir, `${outDir}.previous`);
    // Even a build that then fails brings it back.
    const briefing = join(contentDir, 'briefings', 'amazon.mdx');
    writeFileSync(briefing, readFileSync(briefing, 'utf8').replace(/^publishedAt: .*$/m, 'publishedAt: 31.02.2026'));
    const failed = await buildSite(contentDir, outDir, cacheDir, project);
    expect(failed.ok).toBe(false);
    expect(failed.output).toContain('restored: an earlier build was stopped while swapping it in');
    expect(siteFiles(outDir)).toEqual(published);
    expect(existsSync(`${outDir}.previous`)).toBe(false);
  }, 120_000);

  it('was killed while rendering pages, the last time', () => {
    expect(interruptions.at(-1)?.killed).toBe(true);
  });
});
