/**
 * `npm run eval:keydev -- DIR [DIR…] [--json] [--verbose]`: scores the key-developments engine and the
 * lead-3 baseline on every case in each DIR (the format of shared/eval/keydev/) and prints them side by
 * side: per case, per folder, and over all cases together. `--help` for the options.
 */
import { parseArgs } from 'node:util';
import {
  EvaluationDataError,
  evaluateFolders,
  formatTable,
  summariseFolders,
  summaryJson,
  type FolderResults,
} from '../tools/key-developments-evaluation.ts';

const USAGE = 'usage: npm run eval:keydev -- DIR [DIR…] [--json] [--verbose] [--help]';
const HELP = `${USAGE}

Scores the key-developments engine and the lead-3 baseline (the first three sentences of the body) on
every case (*.json with title, dek?, body, reference[], figures[]) in each DIR, and prints each case,
the average of each folder and the average over all cases together (each case counts once).

Options:
  --json      print one JSON object instead: engine, lead3 (over all cases), folders [{ dir, cases, engine, lead3 }]
  --verbose   print the engine's bullets under each case (table only)
  -h, --help  print this help and exit

Exit status: 0 scored, 1 a folder or case file cannot be scored, 2 wrong usage.`;

const NAME = 'eval:keydev';

function main(args: readonly string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // ERR_PARSE_ARGS_UNKNOWN_OPTION, ERR_PARSE_ARGS_INVALID_OPTION_VALUE, …: keep the first sentence.
    const message = (error instanceof Error ? error.message : String(error)).split(/\.\s/)[0] ?? '';
    console.error(`${NAME}: ${message.charAt(0).toLowerCase()}${message.slice(1)} (${USAGE})`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length === 0) {
    console.error(`${NAME}: missing DIR, a folder of .json cases (${USAGE})`);
    return 2;
  }

  let folders: FolderResults[];
  try {
    folders = evaluateFolders(positionals);
  } catch (error) {
    const message = error instanceof EvaluationDataError ? error.message : `unexpected error: ${String(error)}`;
    console.error(`${NAME}: ${message.replace(/\s+/g, ' ')}`);
    return 1;
  }

  if (values.json) console.log(JSON.stringify(summaryJson(summariseFolders(folders))));
  else console.log(formatTable(folders, { verbose: values.verbose }).join('\n'));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
