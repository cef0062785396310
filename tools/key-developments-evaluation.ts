/**
 * Evaluation of the key-developments engine on cases with editors' bullets, side by side with the
 * lead-3 baseline (the first three sentences of the body).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  extractKeyDevelopments,
  keyDevelopmentsWork,
} from '../src/engine/key-developments/extract-key-developments.ts';
import { guardBullet } from '../src/engine/key-developments/bullet-guard.ts';
import { findFigures, machineValue } from '../src/engine/text/figures.ts';
import { collectParagraphs, parseMarkdown } from '../src/engine/text/paragraphs.ts';
import { figureRecall, rouge } from './rouge.ts';
import { splitSentences } from '../src/engine/text/sentences.ts';
import { wordCount } from '../src/engine/text/tokens.ts';

/** One case, in the format of `shared/eval/keydev/*.json`. */
export interface EvaluationCase {
  readonly title: string;
  readonly dek?: string;
  /** Markdown. */
  readonly body: string;
  /** The editor's bullets. */
  readonly reference: readonly string[];
  /** Figures that matter, as written in the body. */
  readonly figures: readonly string[];
}

export interface Scores {
  readonly rouge1Recall: number;
  readonly rouge2Recall: number;
  readonly rouge1F1: number;
  readonly rouge2F1: number;
  readonly figureRecall: number;
  readonly wordsPerBullet: number;
}

/** What an editor checks first, counted: none of the last two may be above zero. */
export interface GuardChecks {
  /** Candidate forms of sentences that the bullet guard refused before choosing. */
  readonly refused: number;
  /** Bullets given. */
  readonly bullets: number;
  /** Bullets that fail the guard against their article (a broken sentence, a pronoun without its noun). */
  readonly guardFailures: number;
  /** Headline figures that the body states and no bullet carries. */
  readonly headlineFiguresMissing: number;
}

export interface CaseResult {
  readonly name: string;
  readonly engine: Scores;
  readonly lead3: Scores;
  readonly engineBullets: readonly string[];
  readonly checks: GuardChecks;
}

export function isEvaluationCase(value: unknown): value is EvaluationCase {
  return caseProblem(value) === undefined;
}

export function scoreBullets(bullets: readonly string[], testCase: EvaluationCase): Scores {
  const generated = bullets.join(' ');
  const reference = testCase.reference.join(' ');
  const one = rouge(generated, reference, 1);
  const two = rouge(generated, reference, 2);
  return {
    rouge1Recall: one.recall,
    rouge2Recall: two.recall,
    rouge1F1: one.f1,
    rouge2F1: two.f1,
    figureRecall: figureRecall(generated, testCase.figures),
    wordsPerBullet:
      bullets.length === 0 ? 0 : bullets.reduce((sum, bullet) => sum + wordCount(bullet), 0) / bullets.length,
  };
}

export function evaluateCase(name: string, testCase: EvaluationCase): CaseResult {
  const paragraphs = collectParagraphs(parseMarkdown(testCase.body, { mdx: false }));
  const input = { title: testCase.title, dek: testCase.dek, paragraphs };
  const bullets = extractKeyDevelopments(input);
  const engineBullets = bullets.map((bullet) => bullet.text);
  const source = paragraphs.map((paragraph) => `${paragraph.section ?? ''} ${paragraph.text}`).join(' ');
  const bodyFigures = new Set(paragraphs.flatMap((paragraph) => findFigures(paragraph.text)).map(machineValue));
  const carried = new Set(bullets.flatMap((bullet) => bullet.figures.map(machineValue)));
  const checks: GuardChecks = {
    refused: keyDevelopmentsWork(input).refused,
    bullets: bullets.length,
    guardFailures: engineBullets.filter((bullet) => guardBullet(bullet, source, 'en') !== 'ok').length,
    headlineFiguresMissing: findFigures(testCase.title)
      .map(machineValue)
      .filter((value) => bodyFigures.has(value) && !carried.has(value)).length,
  };
  const lead3 = paragraphs
    .flatMap((paragraph) => splitSentences(paragraph.text).map((sentence) => sentence.text))
    .slice(0, 3);
  return {
    name,
    engine: scoreBullets(engineBullets, testCase),
    lead3: scoreBullets(lead3, testCase),
    engineBullets,
    checks,
  };
}

export function averageScores(all: readonly Scores[]): Scores {
  const mean = (key: keyof Scores) =>
    all.length === 0 ? 0 : all.reduce((sum, scores) => sum + scores[key], 0) / all.length;
  return {
    rouge1Recall: mean('rouge1Recall'),
    rouge2Recall: mean('rouge2Recall'),
    rouge1F1: mean('rouge1F1'),
    rouge2F1: mean('rouge2F1'),
    figureRecall: mean('figureRecall'),
    wordsPerBullet: mean('wordsPerBullet'),
  };
}

/** A case file or folder that cannot be scored; the message names the file or folder and fits on one line. */
export class EvaluationDataError extends Error {
  override readonly name = 'EvaluationDataError';
  /** The file or folder at fault. */
  readonly path: string;

  constructor(path: string, problem: string) {
    super(`${path}: ${problem.replace(/\s+/g, ' ').trim()}`);
    this.path = path;
  }
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * What keeps `value` from being a case that can be scored, as a short phrase, or `undefined` if nothing
 * does.
 */
export function caseProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a case: expected a JSON object';
  const record = value as Record<string, unknown>;
  const problems = [
    typeof record['title'] === 'string' ? undefined : 'title must be a string',
    record['dek'] === undefined || typeof record['dek'] === 'string' ? undefined : 'dek must be a string if given',
    typeof record['body'] === 'string' ? undefined : 'body must be a Markdown string',
    isStringArray(record['reference']) && record['reference'].length > 0
      ? undefined
      : 'reference must be a non-empty array of strings',
    isStringArray(record['figures']) ? undefined : 'figures must be an array of strings',
  ].filter((problem) => problem !== undefined);
  return problems.length === 0 ? undefined : `not a case: ${problems.join('; ')}`;
}

/** Parses the text of the case file at `path`; throws an {@link EvaluationDataError} naming it. */
export function parseCase(path: string, text: string): EvaluationCase {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new EvaluationDataError(path, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isEvaluationCase(data)) throw new EvaluationDataError(path, caseProblem(data) ?? 'not a case');
  return data;
}

/** One case read from a folder: its name is the file name without `.json`. */
export interface CaseFile {
  readonly name: string;
  readonly path: string;
  readonly testCase: EvaluationCase;
}

/**
 * Reads every `*.json` case in `dir` (not its subfolders), sorted by file name. Throws an
 * {@link EvaluationDataError} if the folder does not exist, holds no case, or a file is not a case.
 */
export function readCaseFolder(dir: string): CaseFile[] {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.name.endsWith('.json') && !entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT'
        ? 'no such folder'
        : code === 'ENOTDIR'
          ? 'not a folder'
          : `cannot read the folder (${error instanceof Error ? error.message : String(error)})`;
    throw new EvaluationDataError(dir, problem);
  }
  if (names.length === 0) throw new EvaluationDataError(dir, 'no .json cases found');
  return names.map((name) => {
    const path = join(dir, name);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new EvaluationDataError(path, `cannot read (${error instanceof Error ? error.message : String(error)})`);
    }
    return { name: name.replace(/\.json$/, ''), path, testCase: parseCase(path, text) };
  });
}

/** The results of one folder's cases, in file-name order. */
export interface FolderResults {
  readonly dir: string;
  readonly results: readonly CaseResult[];
}

/** Scores already-read folders of cases. An error while scoring a case is rethrown naming its file. */
export function evaluateCaseFolders(
  folders: readonly { readonly dir: string; readonly cases: readonly CaseFile[] }[],
): FolderResults[] {
  return folders.map(({ dir, cases }) => ({
    dir,
    results: cases.map(({ name, path, testCase }) => {
      try {
        return evaluateCase(name, testCase);
      } catch (error) {
        throw new EvaluationDataError(path, `cannot score (${error instanceof Error ? error.message : String(error)})`);
      }
    }),
  }));
}

/**
 * Reads every folder first (so that a bad folder or file fails before anything is scored), then scores
 * each case with the engine and the lead-3 baseline. Folders keep the order given.
 */
export function evaluateFolders(dirs: readonly string[]): FolderResults[] {
  return evaluateCaseFolders(dirs.map((dir) => ({ dir, cases: readCaseFolder(dir) })));
}

/** Averages of one folder. */
export interface FolderSummary {
  readonly dir: string;
  readonly cases: number;
  readonly engine: Scores;
  readonly lead3: Scores;
}

/** Averages per folder and over all cases together (each case weighs the same, whatever its folder). */
export interface EvaluationSummary {
  readonly cases: number;
  readonly engine: Scores;
  readonly lead3: Scores;
  readonly folders: readonly FolderSummary[];
  /** The guard's counts, summed over all cases. */
  readonly checks: GuardChecks;
}

function sumChecks(results: readonly CaseResult[]): GuardChecks {
  const sum = (key: keyof GuardChecks) => results.reduce((total, result) => total + result.checks[key], 0);
  return {
    refused: sum('refused'),
    bullets: sum('bullets'),
    guardFailures: sum('guardFailures'),
    headlineFiguresMissing: sum('headlineFiguresMissing'),
  };
}

export function summariseFolders(folders: readonly FolderResults[]): EvaluationSummary {
  const all = folders.flatMap((folder) => folder.results);
  return {
    cases: all.length,
    engine: averageScores(all.map((result) => result.engine)),
    lead3: averageScores(all.map((result) => result.lead3)),
    folders: folders.map(({ dir, results }) => ({
      dir,
      cases: results.length,
      engine: averageScores(results.map((result) => result.engine)),
      lead3: averageScores(results.map((result) => result.lead3)),
    })),
    checks: sumChecks(all),
  };
}

/**
 * The `--json` output: the averages over all cases as `engine` and `lead3`, then the same per folder,
 * then the guard's counts over all cases.
 */
export function summaryJson(
  summary: EvaluationSummary,
): Pick<EvaluationSummary, 'engine' | 'lead3' | 'folders' | 'checks'> {
  return { engine: summary.engine, lead3: summary.lead3, folders: summary.folders, checks: summary.checks };
}

/**
 * The table, as lines: per case the engine and lead-3 rows (with the engine's bullets if `verbose`), a
 * folder-average pair after each folder, the guard's counts over all cases, and the average over all cases
 * (`AVERAGE engine` / `AVERAGE lead-3`) at the end.
 */
export function formatTable(folders: readonly FolderResults[], options: { readonly verbose?: boolean } = {}): string[] {
  const summary = summariseFolders(folders);
  const pct = (value: number) => (value * 100).toFixed(1).padStart(5);
  const row = (label: string, scores: Scores) =>
    `${label.padEnd(34)} ${pct(scores.rouge1Recall)} ${pct(scores.rouge2Recall)} ${pct(scores.rouge1F1)} ${pct(scores.figureRecall)} ${scores.wordsPerBullet.toFixed(1).padStart(5)}`;
  const cases = (count: number) => `${count} case${count === 1 ? '' : 's'}`;
  const lines = [`${'case / method'.padEnd(34)}  R1-R  R2-R  R1-F1 FigR  Words`];
  folders.forEach((folder, index) => {
    const average = summary.folders[index];
    lines.push(`${folder.dir} (${cases(folder.results.length)})`);
    for (const result of folder.results) {
      lines.push(row(`${result.name} engine`, result.engine));
      lines.push(row(`${result.name} lead-3`, result.lead3));
      if (options.verbose) for (const bullet of result.engineBullets) lines.push(`    • ${bullet}`);
    }
    if (average) {
      lines.push(row('folder average engine', average.engine));
      lines.push(row('folder average lead-3', average.lead3));
    }
  });
  lines.push(`all folders (${cases(summary.cases)})`);
  const { refused, bullets, guardFailures, headlineFiguresMissing } = summary.checks;
  lines.push(
    `guard: ${refused} candidate forms refused; ${guardFailures} of ${bullets} bullets fail it; ${headlineFiguresMissing} headline figures the body states are missing`,
  );
  lines.push(row('AVERAGE engine', summary.engine));
  lines.push(row('AVERAGE lead-3', summary.lead3));
  return lines;
}
