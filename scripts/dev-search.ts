/**
 * `npm run dev:search`: the dev server with search working. The dev server has no search index of its
 * own (Pagefind indexes built pages); it serves the one in `dist/pagefind/`, so this builds the site
 * once with `npm run build` and then starts `astro dev`.
 *
 * Usage: npm run dev:search -- [astro dev flags…]; `--help` for the details.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseCommand } from '../tools/command-line.ts';

const { positionals: devFlags } = parseCommand({
  name: 'dev:search',
  usage: 'npm run dev:search -- [astro dev flags…]',
  description:
    'Builds the site once with `npm run build` (which writes the search index into dist/pagefind/), then starts the dev server, which serves that index, so the search page works in development. The index is the one of that build: run the command again to search briefings written since.',
  options: {},
  passThrough: 'Every flag or argument goes on to `astro dev` as it is (`--port 4322`, `--host`).',
  notes: 'Exit status: that of the build when it fails, otherwise that of the dev server.',
});

/** Runs `args` with this Node, its output on this terminal; resolves with its exit status. */
function run(args: readonly string[]): Promise<number> {
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  // Ctrl-C reaches the child through the terminal; this process only waits for it to end.
  process.on('SIGINT', () => undefined);
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}

const built = await run([join(import.meta.dirname, 'build.ts')]);
if (built !== 0) process.exit(built);
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
process.exit(await run([astroBin, 'dev', ...devFlags]));
