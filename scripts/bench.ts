/**
 * `npm run bench -- [--count 1000] [--seed 1] [--json] [--skip RUNS]`: the whole build, measured in one run against the
 * plain Astro + MDX baseline (bench/baseline) on the same generated briefings:
 *   (a) our production build from empty caches, (b) again with warm caches and no change (the kept site
 *   is restored), (b') the same with Astro run (`--rerender`: unchanged pages carried over), (c) after editing one
 *   briefing, (d) the baseline.
 * Prints wall time, time per briefing, the ratio to the baseline, stage times from the build log, peak
 * memory of the process tree, and the size of dist/ and of the search index. Machines here are shared
 * and noisy: read the ratios.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { defineCommand, exitWithUsageError, parseCommand } from '../tools/command-line.ts';
import { generateCorpus } from '../tools/corpus.ts';

const root = resolve(import.meta.dirname, '..');
const RUNS = ['warm', 'rerender', 'edit', 'baseline', 'satteri'];
const COMMAND = defineCommand({
  name: 'bench',
  usage: 'npm run bench -- [--count N] [--seed S] [--json] [--skip RUNS]',
  description:
    "Builds N generated briefings in a throwaway folder: (a) our production build from empty caches, (b) again with warm caches and no change, which restores the kept site, (b') the same with Astro run anyway (--rerender), which shows what carrying unchanged pages over alone saves, (c) after editing one briefing, (d) the plain Astro + MDX baseline (bench/baseline) and (e) that baseline on Astro's Sätteri processor. Prints wall time, time per briefing, the ratio to the baseline, stage times from the build log, peak memory of the process tree, and the size of dist/ and of the search index. Machines here are shared and noisy: read the ratios.",
  options: {
    count: {
      type: 'string',
      value: 'N',
      default: '1000',
      number: { integer: true, min: 1 },
      description: 'how many briefings to generate',
    },
    seed: {
      type: 'string',
      value: 'S',
      default: '1',
      number: { integer: true },
      description: 'the seed of the generated briefings',
    },
    json: { type: 'boolean', description: 'print one JSON object instead of the table' },
    skip: {
      type: 'string',
      value: 'RUNS',
      default: '',
      description: `runs to leave out, comma-separated: ${RUNS.join(', ')} (at 30,000 briefings, warm,rerender,baseline,satteri: the baseline alone needs more memory than the machine may have)`,
    },
  },
});
const { values } = parseCommand(COMMAND);
const skipped = new Set(values.skip.split(',').filter(Boolean));
for (const name of skipped) {
  if (!RUNS.includes(name)) exitWithUsageError(COMMAND, `--skip takes ${RUNS.join(', ')}, not '${name}'`);
}
const { count } = values;
const work = mkdtempSync(join(tmpdir(), 'tickerpress-bench-'));
const contentDir = join(work, 'content');
const buildCache = join(work, 'cache');

interface ProcessMemory {
  /** The program, e.g. `astro.mjs build`, `check-content.ts`, `pagefind_extended`. */
  readonly name: string;
  readonly rssBytes: number;
  readonly hwmBytes: number;
}

/** Resident memory now (VmRSS) and at its highest so far (VmHWM) of a process and its descendants. */
function treeMemory(pid: number): ProcessMemory[] {
  const found: ProcessMemory[] = [];
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      const kilobytes = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
      const argv = readFileSync(`/proc/${id}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const program = argv.findIndex((arg, index) => index > 0 && !arg.startsWith('-'));
      const name = (program > 0 ? argv.slice(program, program + 2) : argv.slice(0, 1))
        .map((arg) => arg.replace(/^.*\//, ''))
        .join(' ');
      found.push({ name, rssBytes: kilobytes('VmRSS'), hwmBytes: kilobytes('VmHWM') });
      for (const task of readdirSync(`/proc/${id}/task`)) {
        const children = readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim();
        for (const child of children ? children.split(/\s+/) : []) visit(Number(child));
      }
    } catch {
      // The process ended between two reads.
    }
  };
  visit(pid);
  return found;
}

interface Run {
  readonly seconds: number;
  /** The most the process tree held at one moment: the sum of every live process's resident memory. */
  readonly peakBytes: number;
  /**
   * The sum of each process's own highest resident memory, as `peakBytes` was measured before: an upper
   * bound, which adds peaks that never happened at the same time (the content check's and Pagefind's).
   */
  readonly peakHwmSumBytes: number;
  /** Highest resident memory of each program of the tree. */
  readonly programs: Record<string, number>;
  readonly log: string;
}

function run(command: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolveRun, reject) => {
    const started = performance.now();
    const child = spawn(command[0] ?? process.execPath, command.slice(1), {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    let peak = 0;
    let peakHwmSum = 0;
    const programs: Record<string, number> = {};
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const poll = setInterval(() => {
      if (!child.pid) return;
      const processes = treeMemory(child.pid);
      peak = Math.max(
        peak,
        processes.reduce((sum, { rssBytes }) => sum + rssBytes, 0),
      );
      peakHwmSum = Math.max(
        peakHwmSum,
        processes.reduce((sum, { hwmBytes }) => sum + hwmBytes, 0),
      );
      for (const { name, hwmBytes } of processes) programs[name] = Math.max(programs[name] ?? 0, hwmBytes);
    }, 100);
    child.on('close', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`${command.join(' ')} failed:\n${log.slice(-4000)}`));
      else
        resolveRun({
          seconds: (performance.now() - started) / 1000,
          peakBytes: peak,
          peakHwmSumBytes: peakHwmSum,
          programs,
          log,
        });
    });
  });
}

function sizeOf(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  return stat.isDirectory() ? readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0) : stat.size;
}

/** Stage times our build prints: cards, key developments, search index, page rendering. */
function stages(log: string) {
  const clean = stripVTControlCharacters(log);
  const number = (pattern: RegExp) => Number(pattern.exec(clean)?.[1] ?? Number.NaN);
  // Astro writes long stages as "3m 20s".
  const duration = (pattern: RegExp) => {
    const [, minutes, seconds] = /^(?:(\d+)m )?([\d.]+)s$/.exec(pattern.exec(clean)?.[1] ?? '') ?? [];
    return seconds === undefined ? Number.NaN : Number(minutes ?? 0) * 60 + Number(seconds);
  };
  const cards = /(\d+) cards: (\d+) rendered, (\d+) from the cache \(([\d.]+) s\)/.exec(clean);
  return {
    contentCheckSeconds: number(/briefings checked in (\d+) ms/) / 1000,
    contentLoadingSeconds: number(/briefings loaded in ([\d.]+) s/),
    bundlingSeconds: duration(/\[vite\] ✓ built in ((?:\d+m )?[\d.]+s)/),
    keyDevelopmentsSeconds: number(/key developments: \d+ briefings in ([\d.]+) s/),
    keyDevelopmentsMsPerBriefing: number(/key developments: \d+ briefings in [\d.]+ s \(([\d.]+) ms each/),
    /** CPU time of the threads choosing them: the engine's cost, whatever else the machine is doing. */
    keyDevelopmentsCpuMsPerBriefing: number(/key developments: .*; ([\d.]+) ms of CPU time each\)/),
    pageRenderingSeconds: duration(/generating static routes[\s\S]*?Completed in ((?:\d+m )?[\d.]+s)/),
    cardsSeconds: Number(cards?.[4] ?? Number.NaN),
    cardsRendered: Number(cards?.[2] ?? Number.NaN),
    cardsFromCache: Number(cards?.[3] ?? Number.NaN),
    searchIndexSeconds: number(/search index: \d+ pages in ([\d.]+) s/),
    carrySeconds: number(/unchanged pages carried over from the last build in ([\d.]+) s/),
    /** Pages and files rendered, and those carried over unchanged from the last build. */
    pagesRendered: number(/pages: (\d+) rendered, \d+ reused/),
    pagesReused: number(/pages: \d+ rendered, (\d+) reused/),
  };
}

const corpus = generateCorpus(count, values.seed);
const briefingsDir = join(contentDir, 'briefings');
mkdirSync(briefingsDir, { recursive: true });
for (const briefing of corpus) writeFileSync(join(briefingsDir, briefing.name), briefing.source);

const env = { CONTENT_DIR: contentDir, TICKERPRESS_CACHE_DIR: buildCache, BUILD_TIME: '2026-11-26T12:00:00+01:00' };
const ours = [process.execPath, join(root, 'scripts/build.ts'), '--outDir', join(work, 'dist')];
// The build cache starts empty (Astro's own state, content store and incremental build, lives in it too).
const cold = await run(ours, root, env);
const warm = skipped.has('warm') ? undefined : await run(ours, root, env);
const rerender = skipped.has('rerender') ? undefined : await run([...ours, '--rerender'], root, env);
let edit: Run | undefined;
if (!skipped.has('edit')) {
  const [firstBriefing] = corpus;
  if (!firstBriefing) throw new Error('no briefings generated');
  const edited = join(briefingsDir, firstBriefing.name);
  writeFileSync(
    edited,
    readFileSync(edited, 'utf8')
      .replace(/^title: "/m, 'title: "Edited: ')
      .replace(/\n$/, '\nAn added sentence.\n'),
  );
  edit = await run(ours, root, env);
}
const baselineRoot = join(root, 'bench/baseline');
/** The plain Astro + MDX baseline, built from a clean cache into `outFolder` with `extraEnv`. */
const runBaseline = (outFolder: string, extraEnv: Record<string, string> = {}) => {
  rmSync(join(baselineRoot, 'node_modules/.astro'), { recursive: true, force: true });
  rmSync(join(baselineRoot, '.astro'), { recursive: true, force: true });
  return run(
    [process.execPath, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', join(work, outFolder)],
    baselineRoot,
    { CONTENT_DIR: contentDir, ...extraEnv },
  );
};
// At 30,000 briefings the baseline (a module per briefing) needs far more memory than our build: it can be left out.
const baseline = skipped.has('baseline') ? undefined : await runBaseline('baseline-dist');
const satteri = skipped.has('satteri')
  ? undefined
  : await runBaseline('satteri-dist', { BASELINE_PROCESSOR: 'satteri' });

const describe = (result: Run) => ({
  seconds: Number(result.seconds.toFixed(1)),
  msPerBriefing: Number(((result.seconds * 1000) / count).toFixed(1)),
  ratioToBaseline: baseline ? Number((result.seconds / baseline.seconds).toFixed(2)) : null,
  peakMemoryMB: Math.round(result.peakBytes / 1048576),
  peakMemoryHwmSumMB: Math.round(result.peakHwmSumBytes / 1048576),
  peakMemoryByProgramMB: Object.fromEntries(
    Object.entries(result.programs)
      .filter(([, bytes]) => bytes > 50 * 1048576)
      .map(([name, bytes]) => [name, Math.round(bytes / 1048576)]),
  ),
});
const report = {
  briefings: count,
  cold: { ...describe(cold), stages: stages(cold.log) },
  warm: warm && { ...describe(warm), stages: stages(warm.log) },
  /** No change, with Astro run: what a build costs when the kept site is not restored, its pages carried over. */
  warmRerendered: rerender && { ...describe(rerender), stages: stages(rerender.log) },
  editOne: edit && { ...describe(edit), stages: stages(edit.log) },
  baseline: baseline && describe(baseline),
  /** The same baseline on Astro's default Sätteri processor: what switching processors would save. */
  baselineSatteri: satteri && describe(satteri),
  peakMemoryRatioToBaseline: baseline ? Number((cold.peakBytes / baseline.peakBytes).toFixed(2)) : null,
  peakMemoryHwmSumRatioToBaseline: baseline
    ? Number((cold.peakHwmSumBytes / baseline.peakHwmSumBytes).toFixed(2))
    : null,
  distBytes: sizeOf(join(work, 'dist')),
  searchIndexBytes: sizeOf(join(work, 'dist/pagefind')),
  cardBytes: sizeOf(join(work, 'dist/og')),
};
rmSync(work, { recursive: true, force: true });

if (values.json) {
  console.log(JSON.stringify(report));
} else {
  const row = (
    name: string,
    result: ReturnType<typeof describe> | undefined,
    pages?: { pagesRendered: number; pagesReused: number },
  ) => {
    if (!result) return;
    console.log(
      `${name.padEnd(24)} ${String(result.seconds).padStart(8)} s ${String(result.msPerBriefing).padStart(8)} ms ${(result.ratioToBaseline === null ? '–' : String(result.ratioToBaseline)).padStart(6)}× ${String(result.peakMemoryMB).padStart(7)} MB${pages ? `  pages: ${pages.pagesRendered} rendered, ${pages.pagesReused} reused` : ''}`,
    );
  };
  console.log(`Build of ${count} generated briefings (wall time, per briefing, ratio to baseline, peak memory)`);
  row('(a) cold', report.cold, report.cold.stages);
  row('(b) warm, no change', report.warm, report.warm?.stages);
  row("(b') no change, --rerender", report.warmRerendered, report.warmRerendered?.stages);
  row('(c) one briefing edited', report.editOne, report.editOne?.stages);
  row('(d) baseline', report.baseline);
  row('(e) baseline on Sätteri', report.baselineSatteri);
  console.log('Stages, cold:', JSON.stringify(report.cold.stages));
  if (report.warm) console.log('Stages, warm:', JSON.stringify(report.warm.stages));
  if (report.warmRerendered) console.log('Stages, --rerender:', JSON.stringify(report.warmRerendered.stages));
  if (report.editOne) console.log('Stages, edit one:', JSON.stringify(report.editOne.stages));
  console.log(
    `Peak memory, cold, against the baseline: ${report.peakMemoryRatioToBaseline}× at one moment, ${report.peakMemoryHwmSumRatioToBaseline}× as the sum of each process's peak`,
  );
  console.log('Peak memory by program, cold:', JSON.stringify(report.cold.peakMemoryByProgramMB));
  console.log(
    `dist/ ${(report.distBytes / 1048576).toFixed(1)} MB, of which cards ${(report.cardBytes / 1048576).toFixed(1)} MB and search index ${(report.searchIndexBytes / 1048576).toFixed(1)} MB`,
  );
}
