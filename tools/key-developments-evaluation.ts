/**
 * Evaluation of the key-developments engine on cases with editors' bullets, side by side with the
 * lead-3 baseline (the first three sentences of the body).
 */
import { extractKeyDevelopments } from '../src/engine/key-developments/extract-key-developments.ts';
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

export interface CaseResult {
  readonly name: string;
  readonly engine: Scores;
  readonly lead3: Scores;
  readonly engineBullets: readonly string[];
}

export function isEvaluationCase(value: unknown): value is EvaluationCase {
  const record = value as Record<string, unknown> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record['title'] === 'string' &&
    typeof record['body'] === 'string' &&
    Array.isArray(record['reference']) &&
    Array.isArray(record['figures'])
  );
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
  const engineBullets = extractKeyDevelopments({ title: testCase.title, dek: testCase.dek, paragraphs }).map(
    (bullet) => bullet.text,
  );
  const lead3 = paragraphs
    .flatMap((paragraph) => splitSentences(paragraph.text).map((sentence) => sentence.text))
    .slice(0, 3);
  return { name, engine: scoreBullets(engineBullets, testCase), lead3: scoreBullets(lead3, testCase), engineBullets };
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
