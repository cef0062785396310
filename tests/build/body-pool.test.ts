import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BODY_POOL_THRESHOLD, pooledBodyRenderer, type PooledBodyRenderer } from '../../src/build/body-pool.ts';
import { contentPaths } from '../../src/content/content-folders.ts';
import { briefingBodyRenderer } from '../../src/site/briefing-body.ts';
import { PROJECT_ROOT } from '../helpers/site-build.ts';

const paths = contentPaths(PROJECT_ROOT);
const inThread = briefingBodyRenderer(paths, PROJECT_ROOT);
const amazonFile = join(PROJECT_ROOT, 'tests/fixtures/content/briefings/amazon.mdx');
const amazon = readFileSync(amazonFile, 'utf8');
const frontmatter = { title: 'Amazon in talks', dek: 'A test.' };
const short = (n: number) => `---\ntitle: Short ${n}\n---\n\nParagraph ${n} of a short briefing.\n`;

let renderer: PooledBodyRenderer | undefined;
afterEach(async () => {
  await renderer?.release();
  vi.unstubAllEnvs();
});

/** A renderer that has rendered enough short bodies in this thread to start its workers at the next one. */
async function warmedUp(): Promise<PooledBodyRenderer> {
  vi.stubEnv('BODY_WORKERS', '2');
  renderer = pooledBodyRenderer(PROJECT_ROOT, paths, inThread);
  renderer.beginLoad();
  for (let n = 1; n < BODY_POOL_THRESHOLD; n++) await renderer.render(short(n), amazonFile, frontmatter);
  expect(renderer.threads).toBe(0);
  return renderer;
}

describe('bodies rendered on worker threads', () => {
  it('start threads only once many bodies load, and render what this thread renders', async () => {
    const pooled = await warmedUp();
    const onThreads = await Promise.all([1, 2, 3].map(() => pooled.render(amazon, amazonFile, frontmatter)));
    expect(pooled.threads).toBe(2);
    const here = await inThread(amazon, amazonFile, frontmatter);
    for (const body of onThreads) expect(body).toEqual(here);
    expect(here.html).toContain('Amazon is in talks');
    expect(here.keyDevelopmentsBox).toBeTruthy();
    await pooled.release();
    expect(pooled.threads).toBe(0);
    // Outside a load (the dev server re-rendering a saved file), however many bodies, no thread starts.
    for (let n = 1; n <= BODY_POOL_THRESHOLD + 1; n++) await pooled.render(short(n), amazonFile, frontmatter);
    expect(pooled.threads).toBe(0);
  }, 60_000);

  it("report a briefing's error from a thread at its file, line and column", async () => {
    const pooled = await warmedUp();
    const broken = amazon.replace('\n\n', '\n\nThe build machine says {process.env.HOME}.\n\n');
    const failure = pooled.render(broken, amazonFile, frontmatter);
    await expect(failure).rejects.toThrow(/amazon\.mdx:\d+:\d+/);
    await expect(failure).rejects.toMatchObject({ name: 'ContentGuardError', line: expect.any(Number) as number });
    expect(pooled.threads).toBe(2);
  }, 60_000);
});
