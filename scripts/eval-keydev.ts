/**
 * `npm run eval:keydev -- DIR [--json] [--verbose]`: scores the key-developments engine and the lead-3
 * baseline on every case in DIR (the format of shared/eval/keydev/) and prints them side by side.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  averageScores,
  evaluateCase,
  isEvaluationCase,
  type CaseResult,
  type Scores,
} from '../tools/key-developments-evaluation.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } },
});
const [dir] = positionals;
if (!dir) {
  console.error('usage: npm run eval:keydev -- DIR [--json] [--verbose]');
  process.exit(2);
}

const results: CaseResult[] = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => {
    const data: unknown = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    if (!isEvaluationCase(data)) throw new Error(`${join(dir, name)}: expected title, body, reference[] and figures[]`);
    return evaluateCase(name.replace(/\.json$/, ''), data);
  });

if (results.length === 0) {
  console.error(`${dir}: no .json cases found`);
  process.exit(1);
}

const engine = averageScores(results.map((result) => result.engine));
const lead3 = averageScores(results.map((result) => result.lead3));

if (values.json) {
  console.log(JSON.stringify({ engine, lead3 }));
} else {
  const pct = (value: number) => (value * 100).toFixed(1).padStart(5);
  const row = (label: string, scores: Scores) =>
    `${label.padEnd(34)} ${pct(scores.rouge1Recall)} ${pct(scores.rouge2Recall)} ${pct(scores.rouge1F1)} ${pct(scores.figureRecall)} ${scores.wordsPerBullet.toFixed(1).padStart(5)}`;
  console.log(`${'case / method'.padEnd(34)}  R1-R  R2-R  R1-F1 FigR  Words`);
  for (const result of results) {
    console.log(row(`${result.name} engine`, result.engine));
    console.log(row(`${result.name} lead-3`, result.lead3));
    if (values.verbose) for (const bullet of result.engineBullets) console.log(`    • ${bullet}`);
  }
  console.log(row('AVERAGE engine', engine));
  console.log(row('AVERAGE lead-3', lead3));
}
