import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EvaluationDataError,
  caseProblem,
  evaluateFolders,
  formatTable,
  parseCase,
  readCaseFolder,
  summariseFolders,
  summaryJson,
  type CaseResult,
  type FolderResults,
  type Scores,
} from '../../tools/key-developments-evaluation.ts';
import { childEnv, PROJECT_ROOT } from '../helpers/site-build.ts';

const MAIN = 'tests/fixtures/key-developments';
const SECOND = 'tests/fixtures/key-developments-eval';
const SCRIPT = join(PROJECT_ROOT, 'scripts/eval-keydev.ts');
const SCORE_KEYS = ['rouge1Recall', 'rouge2Recall', 'rouge1F1', 'rouge2F1', 'figureRecall', 'wordsPerBullet'] as const;

const jsonFilesIn = (dir: string) => readdirSync(join(PROJECT_ROOT, dir)).filter((name) => name.endsWith('.json'));

function scores(value: number): Scores {
  return {
    rouge1Recall: value,
    rouge2Recall: value,
    rouge1F1: value,
    rouge2F1: value,
    figureRecall: value,
    wordsPerBullet: value * 10,
  };
}
function result(name: string, engine: number, lead3: number): CaseResult {
  const checks = { refused: 2, bullets: 1, guardFailures: 0, headlineFiguresMissing: 0 };
  return { name, engine: scores(engine), lead3: scores(lead3), engineBullets: [`${name} bullet`], checks };
}

function run(args: readonly string[]) {
  const child = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: childEnv({}),
  });
  const stderrLines = child.stderr.split('\n').filter((line) => line.trim() !== '');
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, stderrLines };
}

/** Bad cases are written under the project's git-ignored .tmp/ so that tests read nothing outside it. */
let scratch = '';
beforeAll(() => {
  mkdirSync(join(PROJECT_ROOT, '.tmp'), { recursive: true });
  scratch = mkdtempSync(join(PROJECT_ROOT, '.tmp', 'keydev-eval-'));
  const write = (path: string, text: string) => {
    mkdirSync(join(scratch, path, '..'), { recursive: true });
    writeFileSync(join(scratch, path), text);
  };
  write('invalid-json/broken.json', '{\n  "title": "Half a case",\n  "body": \n}\n');
  write('not-a-case/list.json', '["title", "body"]\n');
  write('wrong-types/numbers.json', JSON.stringify({ title: 'T', body: 'B.', reference: [1, 2], figures: [] }));
  write('no-cases/README.md', 'No cases here.\n');
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('reading cases', () => {
  it('reads every .json case of a folder in file-name order, named without .json', () => {
    const main = readCaseFolder(join(PROJECT_ROOT, MAIN));
    expect(main.length).toBe(jsonFilesIn(MAIN).length);
    expect(main.length).toBeGreaterThanOrEqual(12);
    expect(main.map((file) => file.name)).toEqual(
      jsonFilesIn(MAIN)
        .sort()
        .map((name) => name.replace(/\.json$/, '')),
    );
    const second = readCaseFolder(join(PROJECT_ROOT, SECOND));
    expect(second.map((file) => file.name)).toEqual(['a-lumora-chips-results', 'b-norvale-port-strike']);
    expect(second[0]?.testCase.reference).toHaveLength(3);
  });

  it('accepts a case and names what is wrong with one that is not', () => {
    expect(caseProblem({ title: 'T', dek: 'D', body: 'B.', reference: ['R.'], figures: ['5%'] })).toBeUndefined();
    expect(caseProblem([])).toMatch(/not a case/);
    expect(caseProblem({ title: 'T', body: 'B.', reference: [], figures: [] })).toMatch(/reference/);
    expect(caseProblem({ title: 3, body: 'B.', reference: ['R.'], figures: [7] })).toBe(
      'not a case: title must be a string; figures must be an array of strings',
    );
  });

  it('throws one-line errors that name the file or folder', () => {
    expect(() => parseCase('cases/x.json', '{\n"title": }\n')).toThrow(EvaluationDataError);
    expect(() => parseCase('cases/x.json', '{\n"title": }\n')).toThrow(/^cases\/x\.json: not valid JSON \(.*\)$/);
    expect(() => parseCase('cases/y.json', '{"title": "T"}')).toThrow(/^cases\/y\.json: not a case: .*body/);
    expect(() => readCaseFolder(join(scratch, 'missing'))).toThrow(`${join(scratch, 'missing')}: no such folder`);
    expect(() => readCaseFolder(join(scratch, 'no-cases'))).toThrow(/no-cases: no \.json cases found$/);
    try {
      readCaseFolder(join(scratch, 'invalid-json'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EvaluationDataError);
      const { message, path } = error as EvaluationDataError;
      expect(path).toBe(join(scratch, 'invalid-json', 'broken.json'));
      expect(message.startsWith(`${path}: not valid JSON`)).toBe(true);
      expect(message).not.toContain('\n');
    }
  });
});

describe('averages over several folders', () => {
  it('weighs every case the same, not every folder', () => {
    const folders: FolderResults[] = [
      { dir: 'a', results: [result('a1', 0, 0.2), result('a2', 0, 0.2), result('a3', 0, 0.2)] },
      { dir: 'b', results: [result('b1', 1, 0.6)] },
    ];
    const summary = summariseFolders(folders);
    expect(summary.cases).toBe(4);
    expect(summary.folders.map(({ dir, cases }) => ({ dir, cases }))).toEqual([
      { dir: 'a', cases: 3 },
      { dir: 'b', cases: 1 },
    ]);
    expect(summary.folders[0]?.engine.rouge1Recall).toBe(0);
    expect(summary.folders[1]?.engine.rouge1Recall).toBe(1);
    // Over all cases: (0 + 0 + 0 + 1) / 4, not the mean of the folder means (0.5).
    expect(summary.engine.rouge1Recall).toBeCloseTo(0.25);
    expect(summary.engine.wordsPerBullet).toBeCloseTo(2.5);
    expect(summary.lead3.figureRecall).toBeCloseTo(0.3);
    // The guard's counts are summed over the cases.
    expect(summary.checks).toEqual({ refused: 8, bullets: 4, guardFailures: 0, headlineFiguresMissing: 0 });
    expect(summaryJson(summary)).toEqual({
      engine: summary.engine,
      lead3: summary.lead3,
      folders: summary.folders,
      checks: summary.checks,
    });
    expect(Object.keys(summaryJson(summary))).toEqual(['engine', 'lead3', 'folders', 'checks']);
  });

  it('scores both fixture folders: overall = case-weighted mean, counts per folder', () => {
    const folders = evaluateFolders([join(PROJECT_ROOT, MAIN), join(PROJECT_ROOT, SECOND)]);
    const summary = summariseFolders(folders);
    const mainCount = jsonFilesIn(MAIN).length;
    expect(summary.folders.map((folder) => folder.cases)).toEqual([mainCount, 2]);
    expect(summary.cases).toBe(mainCount + 2);

    const all = folders.flatMap((folder) => folder.results);
    expect(all).toHaveLength(mainCount + 2);
    for (const key of SCORE_KEYS) {
      for (const method of ['engine', 'lead3'] as const) {
        const perCase = all.reduce((sum, caseResult) => sum + caseResult[method][key], 0) / all.length;
        const weighted =
          summary.folders.reduce((sum, folder) => sum + folder[method][key] * folder.cases, 0) / summary.cases;
        expect(summary[method][key]).toBeCloseTo(perCase, 10);
        expect(summary[method][key]).toBeCloseTo(weighted, 10);
        expect(summary[method][key]).toBeGreaterThanOrEqual(0);
      }
    }
    for (const [index, folder] of folders.entries()) {
      const mean =
        folder.results.reduce((sum, caseResult) => sum + caseResult.engine.rouge1F1, 0) / folder.results.length;
      expect(summary.folders[index]?.engine.rouge1F1).toBeCloseTo(mean, 10);
    }
  });

  it('prints the table per case, per folder and over all cases, with the same columns as before', () => {
    const folders: FolderResults[] = [
      { dir: 'first', results: [result('a1', 0.5, 0.25), result('a2', 0.5, 0.25)] },
      { dir: 'second', results: [result('b1', 1, 1)] },
    ];
    const lines = formatTable(folders);
    expect(lines[0]).toBe(`${'case / method'.padEnd(34)}  R1-R  R2-R  R1-F1 FigR  Words`);
    expect(lines.filter((line) => / (?:engine|lead-3) /.test(line))).toHaveLength(2 * 3 + 2 * 2 + 2);
    expect(lines).toContain('first (2 cases)');
    expect(lines).toContain('second (1 case)');
    expect(lines).toContain(`${'a1 engine'.padEnd(34)}  50.0  50.0  50.0  50.0   5.0`);
    expect(lines.filter((line) => line.startsWith('folder average engine'))).toHaveLength(2);
    expect(lines.at(-4)).toBe('all folders (3 cases)');
    expect(lines.at(-3)).toBe(
      'guard: 6 candidate forms refused; 0 of 3 bullets fail it; 0 headline figures the body states are missing',
    );
    expect(lines.at(-2)).toBe(`${'AVERAGE engine'.padEnd(34)}  66.7  66.7  66.7  66.7   6.7`);
    expect(lines.at(-1)).toBe(`${'AVERAGE lead-3'.padEnd(34)}  50.0  50.0  50.0  50.0   5.0`);
    expect(lines.some((line) => line.includes('•'))).toBe(false);
    expect(formatTable(folders, { verbose: true })).toContain('    • a1 bullet');
  });
});

describe('npm run eval:keydev', () => {
  it('prints engine, lead3 and folders with --json', () => {
    const { status, stdout, stderr } = run([MAIN, SECOND, '--json']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const output = JSON.parse(stdout) as {
      engine: Scores;
      lead3: Scores;
      folders: { dir: string; cases: number; engine: Scores; lead3: Scores }[];
      checks: { refused: number; bullets: number; guardFailures: number; headlineFiguresMissing: number };
    };
    expect(Object.keys(output)).toEqual(['engine', 'lead3', 'folders', 'checks']);
    // Every bullet passes the guard and carries the headline's figures; the guard refused some candidates.
    expect(output.checks.bullets).toBeGreaterThan(0);
    expect(output.checks.guardFailures).toBe(0);
    expect(output.checks.headlineFiguresMissing).toBe(0);
    expect(output.checks.refused).toBeGreaterThanOrEqual(0);
    expect(Object.keys(output.engine).sort()).toEqual([...SCORE_KEYS].sort());
    expect(output.folders.map((folder) => Object.keys(folder))).toEqual([
      ['dir', 'cases', 'engine', 'lead3'],
      ['dir', 'cases', 'engine', 'lead3'],
    ]);
    expect(output.folders.map(({ dir, cases }) => ({ dir, cases }))).toEqual([
      { dir: MAIN, cases: jsonFilesIn(MAIN).length },
      { dir: SECOND, cases: 2 },
    ]);
    const expected = summariseFolders(evaluateFolders([join(PROJECT_ROOT, MAIN), join(PROJECT_ROOT, SECOND)]));
    for (const key of SCORE_KEYS) {
      expect(output.engine[key]).toBeCloseTo(expected.engine[key], 10);
      expect(output.lead3[key]).toBeCloseTo(expected.lead3[key], 10);
    }
  });

  it('prints the table with a pair of rows per case, per folder and overall', () => {
    const { status, stdout } = run([SECOND]);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^case \/ method +R1-R {2}R2-R {2}R1-F1 FigR {2}Words$/);
    expect(lines).toContain(`${SECOND} (2 cases)`);
    expect(lines.filter((line) => /^b-norvale-port-strike (?:engine|lead-3) /.test(line))).toHaveLength(2);
    expect(lines.at(-3)).toMatch(/^guard: \d+ candidate forms refused; 0 of \d+ bullets fail it; 0 headline figures/);
    expect(lines.at(-2)).toMatch(/^AVERAGE engine +\d/);
    expect(lines.at(-1)).toMatch(/^AVERAGE lead-3 +\d/);
  });

  it('prints the usage and every option with --help and -h, exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const { status, stdout, stderr } = run([flag]);
      expect(status).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toMatch(/^usage: npm run eval:keydev -- DIR \[DIR…\]/);
      for (const option of ['--json', '--verbose', '-h, --help'])
        expect(stdout).toMatch(new RegExp(`^ +${option} `, 'm'));
    }
  });

  it('rejects an unknown flag with one line naming it, exit 2', () => {
    const { status, stdout, stderr, stderrLines } = run([MAIN, '--nope']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderrLines).toHaveLength(1);
    expect(stderrLines[0]).toContain("'--nope'");
    expect(stderrLines[0]).toContain('usage:');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('exits 2 without a DIR and 1 for a folder that does not exist, one line each', () => {
    const none = run(['--json']);
    expect(none.status).toBe(2);
    expect(none.stderrLines).toHaveLength(1);
    expect(none.stderrLines[0]).toMatch(/missing DIR.*usage:/);

    const missing = run([MAIN, 'tests/fixtures/no-such-folder']);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderrLines).toEqual(['eval:keydev: tests/fixtures/no-such-folder: no such folder']);
  });

  it('exits 1 with one line naming the file for bad data, before printing anything', () => {
    for (const [folder, pattern] of [
      ['invalid-json', /invalid-json\/broken\.json: not valid JSON/],
      ['not-a-case', /not-a-case\/list\.json: not a case/],
      ['wrong-types', /wrong-types\/numbers\.json: not a case: reference/],
      ['no-cases', /no-cases: no \.json cases found/],
    ] as const) {
      const { status, stdout, stderr, stderrLines } = run([MAIN, join(scratch, folder), '--json']);
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(stderrLines).toHaveLength(1);
      expect(stderrLines[0]).toMatch(pattern);
      expect(stderr).not.toMatch(/^\s+at /m);
    }
  });
});
