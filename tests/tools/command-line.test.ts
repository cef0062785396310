/**
 * The shared command line of the scripts (tools/command-line.ts), and every script in scripts/ run with
 * `--help` and with an unknown flag. Only those two: no script is run to do its work here.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  defineCommand,
  exitWithUsageError,
  helpText,
  interpretCommand,
  parseCommand,
  usageErrorLine,
} from '../../tools/command-line.ts';
import { childEnv, PROJECT_ROOT } from '../helpers/site-build.ts';

const CORPUS = defineCommand({
  name: 'corpus',
  usage: 'npm run corpus -- --count N --out DIR [--seed S]',
  description: 'Writes generated briefings into DIR/briefings/. Deterministic by seed.',
  options: {
    count: {
      type: 'string',
      value: 'N',
      default: '1000',
      number: { integer: true, min: 1 },
      description: 'how many briefings to write',
    },
    out: { type: 'string', value: 'DIR', required: true, description: 'the folder to write into' },
    seed: { type: 'string', value: 'S', number: { integer: true }, description: 'the seed' },
    ratio: { type: 'string', value: 'R', default: '0.5', number: { min: 0, max: 1 }, description: 'a share' },
    json: { type: 'boolean', description: 'print JSON' },
    tag: { type: 'string', value: 'TAG', short: 't', multiple: true, default: [], description: 'a tag' },
  },
  notes: 'Exit status: 0 written, 2 wrong usage.',
});
const CORPUS_USAGE = '(usage: npm run corpus -- --count N --out DIR [--seed S])';

const EVAL = defineCommand({
  name: 'eval:keydev',
  usage: 'npm run eval:keydev -- DIR [DIR…] [--json]',
  description: 'Scores the engine on every case in each DIR.',
  positionals: { name: 'DIR', description: 'a folder of .json cases', min: 1 },
  options: { json: { type: 'boolean', description: 'print one JSON object instead' } },
});

const PROFILE = defineCommand({
  name: 'profile:summary',
  usage: 'npm run profile:summary -- FILE [--top N]',
  description: 'Self time by function.',
  positionals: { name: 'FILE', description: 'a V8 CPU profile', min: 1, max: 1 },
  options: {
    top: { type: 'string', value: 'N', default: '25', number: { integer: true, min: 1 }, description: 'rows' },
  },
});

const BUILD = defineCommand({
  name: 'build',
  usage: 'npm run build -- [--outDir DIR] [astro build flags…]',
  description: 'Builds the site.',
  options: { outDir: { type: 'string', value: 'DIR', default: 'dist', description: 'the output folder' } },
  passThrough: 'Every other flag or argument goes on to `astro build`.',
});

/** The one line of wrong usage `argv` gives, or the outcome itself when it is not wrong usage. */
function problemOf(spec: Parameters<typeof interpretCommand>[0], argv: string[]) {
  const outcome = interpretCommand(spec, argv);
  return outcome.kind === 'usage-error' ? outcome.line : outcome;
}

describe('helpText', () => {
  const text = helpText(CORPUS);
  const lines = text.split('\n');

  it('starts with the usage line, then the description, then one line per option and the notes', () => {
    expect(lines[0]).toBe('usage: npm run corpus -- --count N --out DIR [--seed S]');
    expect(text).toContain('\n\nWrites generated briefings into DIR/briefings/. Deterministic by seed.\n\nOptions:\n');
    expect(lines.filter((line) => /^ {2}-/.test(line))).toEqual([
      '  --count N      how many briefings to write (default: 1000)',
      '  --out DIR      the folder to write into (required)',
      '  --seed S       the seed',
      '  --ratio R      a share (default: 0.5)',
      '  --json         print JSON',
      '  -t, --tag TAG  a tag (may be repeated)',
      '  -h, --help     print this help and exit',
    ]);
    expect(text.endsWith('\n\nExit status: 0 written, 2 wrong usage.')).toBe(true);
  });

  it('lists the arguments of a command that takes them, and where the others go for a pass-through command', () => {
    expect(helpText(EVAL)).toContain('\nArguments:\n  DIR         a folder of .json cases\n\nOptions:\n');
    expect(helpText(BUILD)).toMatch(
      /\n {2}-h, --help {4}print this help and exit\n\nEvery other flag .* `astro build`\.$/,
    );
    expect(helpText(CORPUS)).not.toContain('Arguments:');
  });

  it('wraps long text at 100 columns, an option description under its own column', () => {
    const long = defineCommand({
      name: 'long',
      usage: 'npm run long',
      description: 'word '.repeat(60),
      options: { flag: { type: 'boolean', description: 'detail '.repeat(30) } },
    });
    const wrapped = helpText(long).split('\n');
    expect(Math.max(...wrapped.map((line) => line.length))).toBeLessThanOrEqual(100);
    const flag = wrapped.findIndex((line) => line.startsWith('  --flag'));
    expect(wrapped[flag + 1]).toMatch(/^ {14}detail/);
  });
});

describe('interpretCommand', () => {
  it('returns the values typed: defaults, false for an absent flag, numbers for numeric options', () => {
    const outcome = interpretCommand(CORPUS, ['--out', 'x', '--seed=-3', '-t', 'a', '--tag', 'b']);
    expect(outcome).toEqual({
      kind: 'run',
      values: { count: 1000, out: 'x', seed: -3, ratio: 0.5, json: false, tag: ['a', 'b'] },
      positionals: [],
    });
    if (outcome.kind !== 'run') return;
    // The types follow the spec: these assignments would not compile otherwise.
    const count: number = outcome.values.count;
    const seed: number | undefined = outcome.values.seed;
    const out: string = outcome.values.out;
    const json: boolean = outcome.values.json;
    const tags: string[] = outcome.values.tag;
    expect([count, seed, out, json, tags]).toEqual([1000, -3, 'x', false, ['a', 'b']]);
  });

  it('answers --help or -h wherever it is, even after a wrong option, but not as a value or after --', () => {
    for (const argv of [['--help'], ['-h'], ['--nope', '--help'], ['--count', 'abc', '-h']]) {
      expect(interpretCommand(CORPUS, argv)).toEqual({ kind: 'help', text: helpText(CORPUS) });
    }
    expect(interpretCommand(EVAL, ['--', '--help'])).toMatchObject({ kind: 'run', positionals: ['--help'] });
    expect(problemOf(CORPUS, ['--out', '--help'])).toBe(`corpus: option '--out' argument is ambiguous ${CORPUS_USAGE}`);
  });

  it('rejects an unknown option in one line naming it, with the usage', () => {
    expect(problemOf(CORPUS, ['--out', 'x', '--nope'])).toBe(`corpus: unknown option '--nope' ${CORPUS_USAGE}`);
    expect(problemOf(CORPUS, ['--out', 'x', '-q'])).toBe(`corpus: unknown option '-q' ${CORPUS_USAGE}`);
  });

  it('rejects a missing required option, a missing value and a value given to a flag', () => {
    expect(problemOf(CORPUS, [])).toBe(`corpus: missing --out DIR ${CORPUS_USAGE}`);
    expect(problemOf(CORPUS, ['--out'])).toBe(`corpus: option '--out <value>' argument missing ${CORPUS_USAGE}`);
    expect(problemOf(CORPUS, ['--out', 'x', '--json=yes'])).toBe(
      `corpus: option '--json' does not take an argument ${CORPUS_USAGE}`,
    );
  });

  it('rejects a value that is not a number, or not within the bounds, of a numeric option', () => {
    for (const [argv, problem] of [
      [['--count', 'abc'], "--count must be a whole number of at least 1, got 'abc'"],
      [['--count', '2.5'], "--count must be a whole number of at least 1, got '2.5'"],
      [['--count', '0'], "--count must be a whole number of at least 1, got '0'"],
      [['--count', '0x10'], "--count must be a whole number of at least 1, got '0x10'"],
      [['--count='], "--count must be a whole number of at least 1, got ''"],
      [['--seed', '1e3'], "--seed must be a whole number, got '1e3'"],
      [['--ratio', '1.5'], "--ratio must be a number from 0 to 1, got '1.5'"],
      [['--ratio', 'NaN'], "--ratio must be a number from 0 to 1, got 'NaN'"],
    ] as const) {
      expect(problemOf(CORPUS, ['--out', 'x', ...argv])).toBe(`corpus: ${problem} ${CORPUS_USAGE}`);
    }
    expect(interpretCommand(CORPUS, ['--out', 'x', '--ratio', '.25', '--count', '7'])).toMatchObject({
      values: { ratio: 0.25, count: 7 },
    });
  });

  it('rejects a missing argument, one too many, and any argument where none is taken', () => {
    expect(problemOf(EVAL, ['--json'])).toBe(
      'eval:keydev: missing DIR, a folder of .json cases (usage: npm run eval:keydev -- DIR [DIR…] [--json])',
    );
    expect(interpretCommand(EVAL, ['a', 'b'])).toMatchObject({ kind: 'run', positionals: ['a', 'b'] });
    expect(problemOf(PROFILE, ['a.cpuprofile', 'b.cpuprofile'])).toBe(
      "profile:summary: unexpected argument 'b.cpuprofile' (usage: npm run profile:summary -- FILE [--top N])",
    );
    expect(problemOf(CORPUS, ['--out', 'x', 'stray'])).toMatch(/^corpus: unexpected argument 'stray' \(usage: /);
  });

  it('hands a pass-through command every argument it does not know, in order', () => {
    expect(
      interpretCommand(BUILD, ['--mode', 'production', '--outDir', 'out', '--verbose', 'x', '--outDir=final']),
    ).toEqual({
      kind: 'run',
      values: { outDir: 'final' },
      positionals: ['--mode', 'production', '--verbose', 'x'],
    });
    expect(interpretCommand(BUILD, [])).toEqual({ kind: 'run', values: { outDir: 'dist' }, positionals: [] });
    expect(interpretCommand(BUILD, ['--', '--outDir', 'y'])).toMatchObject({
      values: { outDir: 'dist' },
      positionals: ['--', '--outDir', 'y'],
    });
    expect(problemOf(BUILD, ['--verbose', '--outDir'])).toBe(
      "build: option '--outDir <value>' argument missing (usage: npm run build -- [--outDir DIR] [astro build flags…])",
    );
  });

  it('keeps every problem to one line and leaves mistakes in a spec to throw', () => {
    expect(usageErrorLine(CORPUS, 'two\nlines  here ')).toBe(`corpus: two lines here ${CORPUS_USAGE}`);
    const broken = defineCommand({
      name: 'broken',
      usage: 'x',
      description: 'x',
      options: { bad: { type: 'boolean', short: 'toolong', description: 'x' } },
    });
    expect(() => interpretCommand(broken, [])).toThrow(/short/);
  });
});

describe('parseCommand', () => {
  /** Runs `run` with process.exit, console.log and console.error caught. */
  function caught(run: () => unknown) {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Error(`exit ${String(code)}`);
    });
    let exit = 'none';
    try {
      run();
    } catch (thrown) {
      exit = (thrown as Error).message;
    } finally {
      vi.restoreAllMocks();
    }
    return { exit, stdout: log.mock.calls.map(String), stderr: error.mock.calls.map(String) };
  }

  it('prints the help to stdout and exits 0', () => {
    expect(caught(() => parseCommand(EVAL, ['-h']))).toEqual({ exit: 'exit 0', stdout: [helpText(EVAL)], stderr: [] });
  });

  it('prints one line to stderr and exits 2 for wrong usage, also for a check of its own', () => {
    expect(caught(() => parseCommand(EVAL, ['--nope']))).toEqual({
      exit: 'exit 2',
      stdout: [],
      stderr: ["eval:keydev: unknown option '--nope' (usage: npm run eval:keydev -- DIR [DIR…] [--json])"],
    });
    expect(caught(() => exitWithUsageError(EVAL, 'DIR is a file'))).toMatchObject({
      exit: 'exit 2',
      stderr: ['eval:keydev: DIR is a file (usage: npm run eval:keydev -- DIR [DIR…] [--json])'],
    });
  });

  it('returns the values and arguments otherwise', () => {
    expect(parseCommand(EVAL, ['a', '--json'])).toEqual({ values: { json: true }, positionals: ['a'] });
  });
});

describe('every script in scripts/', () => {
  const scriptsDir = join(PROJECT_ROOT, 'scripts');
  const scripts = readdirSync(scriptsDir)
    .filter((name) => name.endsWith('.ts'))
    .sort();
  const sourceOf = (script: string) => readFileSync(join(scriptsDir, script), 'utf8');
  /** The options a script's spec declares: `name: { type: 'string' | 'boolean' …`. */
  const optionsOf = (source: string) =>
    [...source.matchAll(/['"]?([A-Za-z][\w-]*)['"]?:\s*\{\s*type:\s*['"](?:string|boolean)['"]/g)].map(
      ([, name]) => name ?? '',
    );
  const usesHelper = (source: string) =>
    /from '\.\.\/tools\/command-line\.ts'/.test(source) && /\bparseCommand\(/.test(source);
  const passesThrough = (source: string) => /\bpassThrough:/.test(source);

  /**
   * Where the content and the cache would go if a script did its work after all: folders that must
   * still not exist when the tests are done (nothing here is created on purpose).
   */
  const guard = join(PROJECT_ROOT, '.tmp', `command-line-test-${process.pid}`);
  const run = promisify(execFile);
  async function script(name: string, args: string[]) {
    try {
      const { stdout, stderr } = await run(process.execPath, [join(scriptsDir, name), ...args], {
        cwd: PROJECT_ROOT,
        env: childEnv({ CONTENT_DIR: join(guard, 'content'), TICKERPRESS_CACHE_DIR: join(guard, 'cache') }),
        timeout: 15_000,
      });
      return { status: 0, stdout, stderr };
    } catch (error) {
      const failure = error as { code?: number; signal?: string; stdout: string; stderr: string };
      return { status: failure.code ?? failure.signal, stdout: failure.stdout, stderr: failure.stderr };
    }
  }

  afterAll(() => {
    expect(existsSync(guard)).toBe(false);
  });

  it('finds the scripts', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(11);
    expect(scripts).toContain('build.ts');
  });

  it.each(scripts)('%s reads its command line with tools/command-line.ts and declares its options', (name) => {
    const source = sourceOf(name);
    expect(usesHelper(source)).toBe(true);
    // An empty list of options is said so, not missed by the pattern above.
    if (optionsOf(source).length === 0) expect(source).toMatch(/\boptions: \{\}/);
  });

  it.each(scripts)('%s --help prints its usage and every option to stdout, exit 0', async (name) => {
    const source = sourceOf(name);
    if (!usesHelper(source)) throw new Error(`${name} does not use tools/command-line.ts: not run`);
    const { status, stdout, stderr } = await script(name, ['--help']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^usage: \S/);
    for (const option of [...optionsOf(source), 'help']) {
      expect(stdout).toMatch(new RegExp(`^ +(?:-\\w, )?--${option}\\b`, 'm'));
    }
    if (passesThrough(source)) expect(stdout).toMatch(/goes on to/);
  });

  // A pass-through command (build.ts, dev-search.ts) hands unknown flags on to the program it runs, by
  // design: run with one it would start a build. How it splits its arguments is tested on the helper above.
  const rejecting = scripts.filter((name) => !passesThrough(sourceOf(name)));

  it('knows which scripts hand unknown flags on', () => {
    expect(scripts.filter((name) => !rejecting.includes(name))).toEqual(['build.ts', 'dev-search.ts']);
  });

  it('runs each of them from package.json as the whole npm script, so `npm run X -- --help` reaches it', () => {
    const npmScripts = (
      JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    const chained = Object.entries(npmScripts).filter(
      ([name, command]) => name !== 'test' && /scripts\//.test(command) && !/^node scripts\/[\w-]+\.ts$/.test(command),
    );
    expect(chained).toEqual([]);
    // Every script is reachable through npm (`ensure-chromium.ts` as a step of `npm test`).
    const named = new Set(
      Object.values(npmScripts).flatMap((command) => [...command.matchAll(/scripts\/([\w-]+\.ts)/g)].map((m) => m[1])),
    );
    expect(scripts.filter((name) => !named.has(name))).toEqual([]);
  });

  it.each(rejecting)('%s --definitely-not-an-option prints one line naming it with the usage, exit 2', async (name) => {
    if (!usesHelper(sourceOf(name))) throw new Error(`${name} does not use tools/command-line.ts: not run`);
    const { status, stdout, stderr } = await script(name, ['--definitely-not-an-option']);
    const lines = stderr.split('\n').filter((line) => line.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("'--definitely-not-an-option'");
    expect(lines[0]).toContain('(usage: ');
    expect(stderr).not.toMatch(/^ {4}at /m);
    expect(stdout).toBe('');
    expect(status).toBe(2);
  });
});
