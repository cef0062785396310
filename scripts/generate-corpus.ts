/**
 * `npm run corpus -- --count 1000 --out DIR [--seed 1]`: writes generated briefings into DIR/briefings/,
 * ready for `CONTENT_DIR=DIR npm run build`. Deterministic by seed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '../tools/corpus.ts';
import { parseCommand } from '../tools/command-line.ts';

const { values } = parseCommand({
  name: 'corpus',
  usage: 'npm run corpus -- --count N --out DIR [--seed S]',
  description:
    'Writes N generated briefings into DIR/briefings/, ready for `CONTENT_DIR=DIR npm run build`. The same count and seed give the same briefings.',
  options: {
    count: {
      type: 'string',
      value: 'N',
      default: '1000',
      number: { integer: true, min: 0 },
      description: 'how many briefings to write',
    },
    out: { type: 'string', value: 'DIR', required: true, description: 'the content folder to write into' },
    seed: {
      type: 'string',
      value: 'S',
      default: '1',
      number: { integer: true },
      description: 'the seed of the generator',
    },
  },
});
const dir = join(values.out, 'briefings');
mkdirSync(dir, { recursive: true });
const briefings = generateCorpus(values.count, values.seed);
for (const briefing of briefings) writeFileSync(join(dir, briefing.name), briefing.source);
console.log(`${briefings.length} briefings written to ${dir}`);
