/**
 * `npm run eval:keydev -- DIR [DIR…] [--json] [--verbose]`: scores the key-developments engine and the
 * lead-3 baseline on every case in each DIR (the format of shared/eval/keydev/) and prints them side by
 * side: per case, per folder, and over all cases together. `--help` for the options.
 */
import { defineCommand, parseCommand } from '../tools/command-line.ts';
import {
  EvaluationDataError,
  evaluateFolders,
  formatTable,
  summariseFolders,
  summaryJson,
  type FolderResults,
} from '../tools/key-developments-evaluation.ts';

const COMMAND = defineCommand({
  name: 'eval:keydev',
  usage: 'npm run eval:keydev -- DIR [DIR…] [--json] [--verbose]',
  description:
    "Scores the key-developments engine and the lead-3 baseline (the first three sentences of the body) on every case (*.json with title, dek?, body, reference[], figures[]) in each DIR, and prints each case, the average of each folder and the average over all cases together (each case counts once), with the bullet guard's counts: candidate forms it refused, bullets that fail it, and headline figures the body states that no bullet carries.",
  positionals: { name: 'DIR', description: 'a folder of .json cases', min: 1 },
  options: {
    json: {
      type: 'boolean',
      description:
        'print one JSON object instead: engine, lead3 (over all cases), folders [{ dir, cases, engine, lead3 }], checks { refused, bullets, guardFailures, headlineFiguresMissing }',
    },
    verbose: { type: 'boolean', description: "print the engine's bullets under each case (table only)" },
  },
  notes: 'Exit status: 0 scored, 1 a folder or case file cannot be scored, 2 wrong usage.',
});

function main(args: readonly string[]): number {
  const { values, positionals } = parseCommand(COMMAND, args);

  let folders: FolderResults[];
  try {
    folders = evaluateFolders(positionals);
  } catch (error) {
    const message = error instanceof EvaluationDataError ? error.message : `unexpected error: ${String(error)}`;
    console.error(`${COMMAND.name}: ${message.replace(/\s+/g, ' ')}`);
    return 1;
  }

  if (values.json) console.log(JSON.stringify(summaryJson(summariseFolders(folders))));
  else console.log(formatTable(folders, { verbose: values.verbose }).join('\n'));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
