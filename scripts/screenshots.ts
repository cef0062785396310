/**
 * `npm run screenshots -- [--out DIR]`: builds the sample site (`content/`) at a fixed build time into a
 * temporary folder, serves it on localhost, and writes the pictures the README shows: the Amazon
 * briefing in light and dark, the search page with results, and that briefing's social card.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCommand } from '../tools/command-line.ts';

const { values } = parseCommand({
  name: 'screenshots',
  usage: 'npm run screenshots -- [--out DIR]',
  description:
    "Builds the sample site in content/ into a temporary folder (with its own build cache, at BUILD_TIME 2026-05-01T12:00:00+02:00, so the same code and content give the same site), serves it on localhost and, in Chromium, writes briefing.png and briefing-dark.png (the Amazon briefing in the light and dark colour schemes), search.png (the search page with 'billion' typed and its results shown), and card.png (the Amazon briefing's social card, copied from the build).",
  options: {
    out: { type: 'string', value: 'DIR', default: 'docs/images', description: 'the folder to write the images into' },
  },
  notes:
    'Each screenshot is the top 1280×800 pixels of its page (a 1280×800 viewport, device scale 1); the card is 1200×630. CHROMIUM_PATH names another Chromium than /usr/bin/chromium.',
});

/** The sample briefing the pictures show, and the moment the sample site is built at (after every sample briefing). */
const BRIEFING = '2026-02-01-amazon-openai-talks-job-cuts';
const BUILD_TIME = '2026-05-01T12:00:00+02:00';
const SEARCH_QUERY = 'billion';
const VIEWPORT = { width: 1280, height: 800 };

// The site's routes, the server and Playwright load only once the command line is read: `--help` answers without them.
const { routes, cardRoutes } = await import('../src/site/routes.ts');
const { serveDirectory } = await import('../tools/static-server.ts');
const { launchChromium } = await import('../tools/chromium.ts');

const projectRoot = resolve(import.meta.dirname, '..');
const out = resolve(values.out);
const work = mkdtempSync(join(tmpdir(), 'tickerpress-screenshots-'));
const dist = join(work, 'dist');

/** Runs `npm run build` on the sample content into `dist`; its log is printed only when it fails. */
async function buildSampleSite(): Promise<void> {
  const child = spawn(process.execPath, [join(projectRoot, 'scripts/build.ts'), '--outDir', dist], {
    cwd: projectRoot,
    env: {
      ...process.env,
      CONTENT_DIR: join(projectRoot, 'content'),
      TICKERPRESS_CACHE_DIR: join(work, 'cache'),
      BUILD_TIME,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const code = await new Promise<number>((done) => child.on('close', (status) => done(status ?? 1)));
  if (code !== 0) throw new Error(`${log}\nThe sample site did not build (exit status ${code}).`);
}

try {
  console.log(`Building the sample site at ${BUILD_TIME}…`);
  await buildSampleSite();
  mkdirSync(out, { recursive: true });
  const server = await serveDirectory(dist);
  const browser = await launchChromium();
  try {
    const open = async (path: string, colorScheme: 'light' | 'dark') => {
      const page = await browser.newPage({
        viewport: VIEWPORT,
        deviceScaleFactor: 1,
        colorScheme,
        reducedMotion: 'reduce',
      });
      const response = await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      if (!response?.ok()) throw new Error(`${path} answered ${response?.status() ?? 'nothing'}`);
      await page.evaluate(() => document.fonts.ready);
      return page;
    };
    const shoot = async (page: Awaited<ReturnType<typeof open>>, name: string) => {
      await page.screenshot({ path: join(out, name), animations: 'disabled', caret: 'hide' });
      await page.close();
      console.log(join(values.out, name));
    };

    await shoot(await open(routes.briefing(BRIEFING), 'light'), 'briefing.png');
    await shoot(await open(routes.briefing(BRIEFING), 'dark'), 'briefing-dark.png');

    // The box listens once Pagefind has loaded, which the status line says; then the query is typed as a reader would.
    const search = await open(routes.search(), 'light');
    await search.locator('#search-status').filter({ hasText: /^Type/ }).waitFor();
    await search.locator('#search-input').pressSequentially(SEARCH_QUERY);
    await search
      .locator('#search-status')
      .filter({ hasText: /^\d+ briefings? for/ })
      .waitFor();
    await search.waitForLoadState('networkidle');
    await shoot(search, 'search.png');
  } finally {
    await browser.close();
    await server.close();
  }
  copyFileSync(join(dist, cardRoutes.briefing(BRIEFING)), join(out, 'card.png'));
  console.log(join(values.out, 'card.png'));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
