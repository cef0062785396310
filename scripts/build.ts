/**
 * `npm run build`: builds the site into a staging folder and swaps it in for the output folder only
 * when the build succeeded, so a failed build never leaves a half-written or empty `dist/`.
 *
 * Usage: node scripts/build.ts [--outDir DIR] [other astro build flags]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** Splits `--outDir DIR` / `--outDir=DIR` from the flags that go on to `astro build`. */
function readArguments(args: readonly string[]): { outDir: string; rest: string[] } {
  let outDir = 'dist';
  const rest: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--outDir') outDir = args[++index] ?? outDir;
    else if (arg.startsWith('--outDir=')) outDir = arg.slice('--outDir='.length);
    else rest.push(arg);
  }
  return { outDir: resolve(outDir), rest };
}

const { outDir, rest: passThrough } = readArguments(process.argv.slice(2));
const staging = `${outDir}.staging`;
const outputUntouched = () =>
  existsSync(outDir) ? `${outDir} was left as it was.` : `Nothing was written to ${outDir}.`;
const previous = `${outDir}.previous`;
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');

// Content first: every problem is reported with its file and line before the bundler sees anything.
const check = spawnSync(process.execPath, [join(import.meta.dirname, 'check-content.ts')], { stdio: 'inherit' });
if (check.status !== 0) {
  console.error(`\nBuild stopped: the content has errors (listed above). ${outputUntouched()}`);
  process.exit(check.status ?? 1);
}

rmSync(staging, { recursive: true, force: true });
const result = spawnSync(process.execPath, [astroBin, 'build', '--outDir', staging, ...passThrough], {
  stdio: 'inherit',
});

if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild failed: ${outputUntouched()}`);
  process.exit(result.status ?? 1);
}

rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
console.log(`Site written to ${outDir}`);
