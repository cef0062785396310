/**
 * `npm run build`: builds the site into a staging folder and swaps it in for the output folder only
 * when the build succeeded, so a failed build never leaves a half-written or empty `dist/`.
 *
 * Usage: node scripts/build.ts [--outDir DIR] [other astro build flags]; `--help` for the details.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseCommand } from '../tools/command-line.ts';

// `--outDir DIR` (or `--outDir=DIR`) is the build's own; every other argument goes on to `astro build`.
const { values, positionals: passThrough } = parseCommand({
  name: 'build',
  usage: 'npm run build -- [--outDir DIR] [astro build flags…]',
  description:
    'Checks the content and builds the site with `astro build` side by side, indexes it for search, and swaps the result in for DIR only when everything succeeded, so a failed build never leaves a half-written or empty DIR. Content errors are printed first, with their file and line, and stop the build.',
  options: {
    outDir: { type: 'string', value: 'DIR', default: 'dist', description: 'the folder to write the site into' },
  },
  passThrough: 'Every other flag or argument goes on to `astro build` as it is.',
  notes: 'Exit status: 0 built, 2 wrong usage, otherwise that of the step that failed (1 for content errors).',
});
const outDir = resolve(values.outDir);
// Loaded once the command line is read, so that `--help` builds and loads nothing.
const { SiteConfigError } = await import('../src/content/schema/site-config.ts');
const { INDEX_AFTER_ASTRO } = await import('../src/build/integrations/pagefind-integration.ts');
const { indexSite } = await import('../src/build/search-index/pagefind-index.ts');
const { discardInterruptedState } = await import('../src/build/incremental-state.ts');

const staging = `${outDir}.staging`;
const outputUntouched = () =>
  existsSync(outDir) ? `${outDir} was left as it was.` : `Nothing was written to ${outDir}.`;
const previous = `${outDir}.previous`;
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');

/** Resolves with the exit code of `child` once it has ended. */
function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((resolveExit) => child.on('close', (code) => resolveExit(code ?? 1)));
}

// A wrong setting would otherwise fail every process below with the same error: report it once, here.
try {
  await import('../src/site.config.ts');
} catch (error) {
  if (!(error instanceof SiteConfigError)) throw error;
  console.error(`${error.message}\n\nBuild stopped: ${outputUntouched()}`);
  process.exit(1);
}

// A build killed between the two renames of the swap below left the site under its `.previous` name:
// put it back before anything else, so the output folder is never lost.
if (!existsSync(outDir) && existsSync(previous)) {
  renameSync(previous, outDir);
  console.log(`${outDir} restored: an earlier build was stopped while swapping it in.`);
}

if (discardInterruptedState(resolve(import.meta.dirname, '..'))) {
  console.log('An earlier build was stopped while rendering: every page is rendered again this time.');
}

// The content check and Astro run side by side (the check is one core's work, and Astro's start is
// mostly another's), but Astro's log is held back until the check has printed its findings, so every
// content problem is reported with its file and line first, and a failed check stops the build.
rmSync(staging, { recursive: true, force: true });
const astro = spawn(process.execPath, [astroBin, 'build', '--outDir', staging, ...passThrough], {
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}), ...process.env, [INDEX_AFTER_ASTRO]: '1' },
});
const held: [NodeJS.WriteStream, Buffer][] = [];
let holding = true;
for (const [from, to] of [
  [astro.stdout, process.stdout],
  [astro.stderr, process.stderr],
] as const) {
  from.on('data', (chunk: Buffer) => (holding ? held.push([to, chunk]) : to.write(chunk)));
}
const astroExit = exitOf(astro);
const check = spawn(process.execPath, [join(import.meta.dirname, 'check-content.ts')], { stdio: 'inherit' });
const checkStatus = await exitOf(check);

if (checkStatus !== 0) {
  astro.kill();
  await astroExit;
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild stopped: the content has errors (listed above). ${outputUntouched()}`);
  process.exit(checkStatus);
}
holding = false;
for (const [to, chunk] of held) to.write(chunk);
const status = await astroExit;

if (status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild failed: ${outputUntouched()}`);
  process.exit(status);
}

// The search index, now that Astro's process and its memory are gone.
try {
  console.log(`[tickerpress-pagefind] ${await indexSite(staging, resolve(import.meta.dirname, '..'))}`);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(error);
  console.error(`\nBuild failed while indexing the site for search: ${outputUntouched()}`);
  process.exit(1);
}

rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
console.log(`Site written to ${outDir}`);
