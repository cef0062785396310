import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, makeContentDir, PROJECT_ROOT, TEST_BUILD_TIME } from '../helpers/site-build.ts';

let server: ChildProcess;
let origin = '';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === 'object' && address ? address.port : 4321;
}

beforeAll(async () => {
  const contentDir = makeContentDir(['amazon.mdx', 'draft.mdx', 'scheduled.mdx']);
  const port = await freePort();
  server = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: PROJECT_ROOT,
      env: childEnv({ CONTENT_DIR: contentDir, BUILD_TIME: TEST_BUILD_TIME, NODE_ENV: 'development' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  origin = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`dev server did not start:\n${output}`)), 60_000);
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`:${port}`)) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    });
  });
}, 90_000);

/** The dev server answers before its routes are ready; ask until it serves the page. */
async function fetchPage(path: string): Promise<string> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const response = await fetch(`${origin}${path}`);
    if (response.ok) return response.text();
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${path} never answered 200`);
}

afterAll(() => {
  server?.kill();
});

describe('the dev server preview', () => {
  it('shows drafts and scheduled briefings with visible badges', async () => {
    const home = load(await fetchPage('/'));
    const badges = home('.briefing-list__item')
      .map(
        (_, item) => `${home(item).find('.briefing-list__title').text()} [${home(item).find('.badge--draft').text()}]`,
      )
      .get();
    expect(badges).toEqual(
      expect.arrayContaining([
        'Fixture draft that must not be published [Draft]',
        'Fixture scheduled for after the build time [Scheduled]',
      ]),
    );
    const page = load(await fetchPage('/briefings/scheduled/'));
    expect(page('.badge--draft').text()).toBe('Scheduled');
    expect(page('meta[name=robots]').attr('content')).toBe('noindex');
  }, 60_000);
});
