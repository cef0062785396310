/**
 * `npm run bench:keydev -- [--words 1000,10000,100000] [--json]`: how choosing key developments grows
 * with a briefing's length, on generated bodies of the given lengths: CPU time, and the work done
 * (sentences scanned, sentences shortened, candidate bullets weighed).
 */
import {
  keyDevelopmentsWork,
  extractKeyDevelopments,
} from '../src/engine/key-developments/extract-key-developments.ts';
import { collectParagraphs, parseMarkdown } from '../src/engine/text/paragraphs.ts';
import { longBody } from '../tools/corpus.ts';
import { parseCommand, positiveWholeNumbers } from '../tools/command-line.ts';

const command = {
  name: 'bench:keydev',
  usage: 'npm run bench:keydev -- [--words N,N,…] [--json]',
  description:
    'Times key developments on generated briefing bodies of the given lengths (CPU time, best of three runs) and reports the work done: sentences scanned, sentences shortened into candidates and candidate bullets weighed.',
  options: {
    words: {
      type: 'string',
      value: 'N,N,…',
      default: '1000,10000,100000',
      description: 'body lengths in words, comma-separated',
    },
    json: { type: 'boolean', description: 'print one JSON object instead of a table' },
  },
} as const;
const { values } = parseCommand(command);
const lengths = positiveWholeNumbers(command, 'words', values.words);

// Compiled and warm before anything is timed, so the first length is not charged with the start-up.
const warmUp = { title: 'Warm-up', paragraphs: collectParagraphs(parseMarkdown(longBody(1000, 2), { mdx: false })) };
for (let run = 0; run < 20; run++) extractKeyDevelopments(warmUp);

const rows = lengths.map((words) => {
  const paragraphs = collectParagraphs(parseMarkdown(longBody(words), { mdx: false }));
  const input = { title: 'Long briefing on results, guidance and job cuts', paragraphs };
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = process.cpuUsage();
    extractKeyDevelopments(input);
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return {
    words,
    milliseconds: Number(best.toFixed(1)),
    perThousandWords: Number(((best * 1000) / words).toFixed(2)),
    ...keyDevelopmentsWork(input),
  };
});

if (values.json) {
  console.log(JSON.stringify({ rows }));
} else {
  console.log('   words   CPU ms  ms/1k words  sentences  shortened  options');
  for (const row of rows) {
    console.log(
      `${String(row.words).padStart(8)} ${row.milliseconds.toFixed(1).padStart(8)} ${row.perThousandWords.toFixed(2).padStart(12)} ${String(row.sentences).padStart(10)} ${String(row.shortened).padStart(10)} ${String(row.options).padStart(8)}`,
    );
  }
}
