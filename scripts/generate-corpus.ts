/**
 * `npm run corpus -- --count 1000 --out DIR [--seed 1]`: writes generated briefings into DIR/briefings/,
 * ready for `CONTENT_DIR=DIR npm run build`. Deterministic by seed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../tools/corpus.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
  },
});
if (!values.out) {
  console.error('usage: npm run corpus -- --count N --out DIR [--seed S]');
  process.exit(2);
}
const dir = join(values.out, 'briefings');
mkdirSync(dir, { recursive: true });
const briefings = generateCorpus(Number(values.count), Number(values.seed));
for (const briefing of briefings) writeFileSync(join(dir, briefing.name), briefing.source);
console.log(`${briefings.length} briefings written to ${dir}`);
