/**
 * `npm run build`: builds the site into a staging folder and swaps it in for the output folder only
 * when the build succeeded, so a failed build never leaves a half-written or empty `dist/`.
 *
 * Usage: node scripts/build.ts [--outDir DIR] [other astro build flags]; `--help` for the details.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { parseCommand } from '../tools/command-line.ts';
import type { BuildFacts } from '../src/build/site-snapshot.ts';

// `--outDir DIR` (or `--outDir=DIR`) is the build's own; every other argument goes on to `astro build`.
const { values, positionals: passThrough } = parseCommand({
  name: 'build',
  usage: 'npm run build -- [--outDir DIR] [astro build flags…]',
  description:
    'Checks the content and builds the site with `astro build` side by side, indexes it for search, and swaps the result in for DIR only when everything succeeded, so a failed build never leaves a half-written or empty DIR. Content errors are printed first, with their file and line, and stop the build. When the code, content, settings and public briefings are all as they were at the last build, its site is restored from the build cache instead of being built again.',
  options: {
    outDir: { type: 'string', value: 'DIR', default: 'dist', description: 'the folder to write the site into' },
    rerender: {
      type: 'boolean',
      description:
        "run Astro even when nothing changed since the last build, instead of restoring that build's site from the cache (pages whose keys are unchanged are still carried over from it)",
    },
  },
  passThrough: 'Every other flag or argument goes on to `astro build` as it is.',
  notes: 'Exit status: 0 built, 2 wrong usage, otherwise that of the step that failed (1 for content errors).',
});
const outDir = resolve(values.outDir);
// Loaded once the command line is read, so that `--help` builds and loads nothing.
const { SiteConfigError } = await import('../src/content/schema/site-config.ts');
const { INDEX_AFTER_ASTRO } = await import('../src/build/integrations/pagefind-integration.ts');
const { indexSite } = await import('../src/build/search-index/pagefind-index.ts');
const { EarlyIndex } = await import('../src/build/search-index/early-index.ts');
const { ANNOUNCE_BRIEFINGS_READ, briefingsReadIn } = await import('../src/build/briefings-read.ts');
const { BUILD_FACTS_FILE, SiteSnapshot, siteCodeKey, siteInputsKey } = await import('../src/build/site-snapshot.ts');
const { buildFilesOf, CARRY_FROM, removeFilesOfStoppedBuilds } = await import('../src/build/carried-pages.ts');
const { cacheDir } = await import('../src/build/build-cache.ts');
const { contentPaths } = await import('../src/content/content-folders.ts');
const { buildClock } = await import('../src/engine/listing.ts');

const projectRoot = resolve(import.meta.dirname, '..');
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
let siteUrl = '';
try {
  siteUrl = (await import('../src/site.config.ts')).site.url;
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

/** The build cache's folder for the kept site and the files this script shares with Astro. */
const siteCache = cacheDir(projectRoot, 'site');
const snapshot = new SiteSnapshot(siteCache);
// Taken before Astro reads anything: an input edited during the build then only makes the next build run.
// Content is found from the working folder, as Astro's content config finds it.
const codeKey = siteCodeKey(projectRoot, { siteUrl, astroArgs: passThrough });
const inputsKey = siteInputsKey(codeKey, contentPaths(process.cwd()));
const checkContent = () =>
  spawn(process.execPath, [join(import.meta.dirname, 'check-content.ts')], { stdio: 'inherit' });

// A replaced site is set aside in the build cache, and removed by the next build that runs Astro while
// Astro works (the 23,000 files of a site of 10,000 briefings take about a second to remove).
const replacedSites = join(siteCache, 'replaced');
const setAside = existsSync(replacedSites) ? readdirSync(replacedSites).map((name) => join(replacedSites, name)) : [];
/** Removes the sites earlier builds set aside. */
const removeSetAside = () =>
  Promise.all(setAside.map((path) => rm(path, { recursive: true, force: true }))).catch(() => undefined);

/** Swaps the staging folder in for the output folder: the old site is set aside only once the new one is in place. */
function publish(): void {
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  try {
    mkdirSync(replacedSites, { recursive: true });
    renameSync(previous, join(replacedSites, `${process.pid}-${Date.now()}`));
  } catch {
    // On another file system than the build cache (or none to set aside): removed now.
    rmSync(previous, { recursive: true, force: true });
  }
}

function unchangedSite() {
  // `--force` asks Astro to ignore its caches: the kept site is one of them.
  if (values.rerender || passThrough.includes('--force')) return undefined;
  try {
    return snapshot.matching(inputsKey, buildClock(process.env['BUILD_TIME']));
  } catch {
    // A malformed BUILD_TIME: Astro's build reports it, naming the variable.
    return undefined;
  }
}

rmSync(staging, { recursive: true, force: true });
const unchanged = unchangedSite();
if (unchanged) {
  // The content is what the last build checked, but its warnings are printed again, as every build does;
  // the site is restored into the staging folder meanwhile, and published only if the check passes.
  const check = exitOf(checkContent());
  snapshot.restoreInto(unchanged, staging);
  const checkStatus = await check;
  if (checkStatus !== 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`\nBuild stopped: the content has errors (listed above). ${outputUntouched()}`);
    process.exit(checkStatus);
  }
  publish();
  console.log(
    `Nothing changed since the last build (code, content, settings and public briefings): its ${unchanged.files.length} files restored from the build cache.`,
  );
  console.log(`pages: 0 rendered, ${unchanged.facts.pages} reused`);
  console.log(`Site written to ${outDir}`);
  // Sites set aside by earlier builds are left to the next build that runs Astro.
  process.exit(0);
}

removeFilesOfStoppedBuilds(siteCache);
const { carry: carryFile, facts: factsFile } = buildFilesOf(siteCache, process.pid);
rmSync(factsFile, { force: true });
// The pages Astro need not render: those the kept site holds for the keys they have now. `--force` asks
// Astro to ignore its caches, and the kept site is one of them.
const carriable = passThrough.includes('--force') ? {} : snapshot.carriable(codeKey);
writeFileSync(carryFile, JSON.stringify({ keys: carriable }));

// The content check and Astro run side by side (the check is one core's work, and Astro's start is
// mostly another's), but Astro's log is held back until the check has printed its findings, so every
// content problem is reported with its file and line first, and a failed check stops the build.
const astro = spawn(process.execPath, [astroBin, 'build', '--outDir', staging, ...passThrough], {
  stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  env: {
    ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}),
    ...process.env,
    [INDEX_AFTER_ASTRO]: '1',
    [BUILD_FACTS_FILE]: factsFile,
    [CARRY_FROM]: carryFile,
    [ANNOUNCE_BRIEFINGS_READ]: '1',
  },
});
// Once Astro has loaded the briefings, the search bundles of those it read from changed files are begun
// from the kept site while it renders the pages (`early-index.ts`).
const earlyIndex = new EarlyIndex(snapshot.keptSiteDir, cacheDir(projectRoot, 'pagefind'));
astro.on('message', (message) => {
  const ids = briefingsReadIn(message);
  if (ids) earlyIndex.begin(ids);
});
const held: [NodeJS.WriteStream, Buffer][] = [];
let holding = true;
for (const [from, to] of [
  [astro.stdout, process.stdout],
  [astro.stderr, process.stderr],
] as const) {
  from?.on('data', (chunk: Buffer) => (holding ? held.push([to, chunk]) : to.write(chunk)));
}
const astroExit = exitOf(astro).finally(() => rmSync(carryFile, { force: true }));
const checkStatus = await exitOf(checkContent());
// Once the check no longer needs the second core.
const removingSetAside = removeSetAside();

if (checkStatus !== 0) {
  astro.kill();
  await astroExit;
  rmSync(staging, { recursive: true, force: true });
  rmSync(factsFile, { force: true });
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

// The pages carried over from the kept site join those Astro wrote: the site is whole from here on.
let facts: BuildFacts | undefined;
try {
  facts = JSON.parse(readFileSync(factsFile, 'utf8')) as BuildFacts;
  const started = performance.now();
  snapshot.carryInto(facts.carried, staging);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`[tickerpress] ${facts.carried.length} unchanged pages carried over from the last build in ${seconds} s`);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  rmSync(factsFile, { force: true });
  console.error(error);
  console.error(`\nBuild failed while carrying over the unchanged pages: ${outputUntouched()}`);
  process.exit(1);
}
rmSync(factsFile, { force: true });

// The search index, now that Astro's process and its memory are gone.
try {
  console.log(`[tickerpress-pagefind] ${await indexSite(staging, projectRoot, { begun: earlyIndex })}`);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(error);
  console.error(`\nBuild failed while indexing the site for search: ${outputUntouched()}`);
  process.exit(1);
}

publish();
// Kept for the next build, which restores it if nothing has changed by then, or carries its pages over.
try {
  snapshot.store(inputsKey, codeKey, facts, outDir);
} catch (error) {
  snapshot.discard();
  console.warn(`The site was not kept for the next build (${String(error)}): that build renders every page.`);
}
console.log(`Site written to ${outDir}`);
// Normally long done: the earlier sites were removed while Astro worked.
await removingSetAside;
