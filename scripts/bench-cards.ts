/**
 * `npm run bench:cards -- [--count 200] [--json]`: milliseconds per social card, cold on one core, cold on all
 * cores (worker threads), and with a warm cache. Prints a table, or JSON with --json.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CardSpec } from '../src/outputs/card/card-spec.ts';
import { parseCommand } from '../tools/command-line.ts';

const { values } = parseCommand({
  name: 'bench:cards',
  usage: 'npm run bench:cards -- [--count N] [--json]',
  description:
    'Renders N social cards cold on one core, cold on all cores (worker threads) and again from a warm cache, in throwaway folders, and prints the milliseconds per card of each.',
  options: {
    count: {
      type: 'string',
      value: 'N',
      default: '200',
      number: { integer: true, min: 1 },
      description: 'how many cards each run renders',
    },
    json: { type: 'boolean', description: 'print one JSON object instead of the table' },
  },
});
const { count } = values;

// The renderers (Satori, resvg, sharp, fonts) load only once the command line is read: `--help` answers without them.
const { default: sharp } = await import('sharp');
const { briefingCard } = await import('../src/outputs/card/card-spec.ts');
const { rendererFingerprint } = await import('../src/build/cards/card-fingerprint.ts');
const { CardPool } = await import('../src/build/cards/card-pool.ts');
const { CardStore } = await import('../src/build/cards/card-store.ts');
const { encodeCardPng, renderCardSvg } = await import('../src/outputs/card/render-card.ts');
const { renderToFile } = await import('../src/build/cards/card-worker.ts');
const { workerCount } = await import('../src/build/worker-pool.ts');
const { site } = await import('../src/site.config.ts');

const root = resolve(import.meta.dirname, '..');
const fingerprint = rendererFingerprint(root);

const SUBJECTS = [
  'Amazon',
  'Northwind Foods',
  'Kestrel Semiconductor',
  'Halvard Energy',
  'Quintal Foundry',
  'Bellmare Retail',
];
const ACTIONS = [
  'raises its forecast after',
  'cuts 4,200 jobs as',
  'agrees a $2.1 billion deal while',
  'misses estimates as',
];
const CONTEXTS = [
  'demand for AI servers climbs',
  'rates stay at 3.25%',
  'sales rise 6.2% to $4.31 billion',
  'shares fall 14% in early trading',
];

function specs(seed: string): CardSpec[] {
  return Array.from({ length: count }, (_, index) =>
    briefingCard(
      {
        title: `${SUBJECTS[index % SUBJECTS.length]} ${ACTIONS[index % ACTIONS.length]} ${CONTEXTS[(index >> 2) % CONTEXTS.length]} (${seed} ${index})`,
        publishedAt: '2026-02-01T10:17:05+01:00',
        tickers: ['AMZN', 'KSTL'].slice(0, 1 + (index % 2)),
        market:
          index % 3 === 0
            ? { symbol: 'AMZN', close: 241, currency: 'USD', asOf: '2026-01-30T16:00:00-05:00', high52Week: 247.43 }
            : undefined,
        demo: false,
      },
      site,
    ),
  );
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return (performance.now() - started) / count;
}

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tickerpress-bench-cards-'));
  dirs.push(dir);
  return dir;
};

// Warm-up: fonts and the layout engine load once per process and are not what a card costs.
await renderToFile(specs('warm-up')[0] as CardSpec, join(freshDir(), 'warm-up.png'));

// One core: libvips may not use a second thread either.
sharp.concurrency(1);
const oneCoreStore = new CardStore({ cacheDir: freshDir(), fingerprint, render: renderToFile });
const oneCore = await timed(async () => {
  for (const spec of specs('one-core')) await oneCoreStore.png(spec);
});

// The same cards again, each stage timed on its own: Satori's layout to SVG, then the raster (resvg) and PNG (sharp).
let layoutMs = 0;
let encodeMs = 0;
for (const spec of specs('one-core')) {
  const started = performance.now();
  const { svg } = await renderCardSvg(spec);
  const laidOut = performance.now();
  await encodeCardPng(svg);
  layoutMs += laidOut - started;
  encodeMs += performance.now() - laidOut;
}

const workers = workerCount('OG_WORKERS');
const pool = new CardPool(join(root, 'src/build/cards/card-worker.ts'), workers);
const poolStore = new CardStore({ cacheDir: freshDir(), fingerprint, render: (spec, file) => pool.render(spec, file) });
const allSpecs = specs('all-cores');
// CPU time of every thread in the process: with all cores busy, a card costs more CPU than on one
// (cores that share caches, or are hyperthreads of one physical core, slow each other down).
const cpuBefore = process.cpuUsage();
const allCores = await timed(async () => {
  poolStore.prefetch(allSpecs);
  await Promise.all(allSpecs.map((spec) => poolStore.png(spec)));
});
const cpuAllCores = process.cpuUsage(cpuBefore);
await pool.close();

const warmStore = new CardStore({
  cacheDir: oneCoreStore.fileOf(allSpecs[0] as CardSpec).replace(/\/[^/]+$/, ''),
  fingerprint,
  render: renderToFile,
});
const warm = await timed(async () => {
  for (const spec of specs('one-core')) await warmStore.png(spec);
});

for (const dir of dirs) rmSync(dir, { recursive: true, force: true });

const result = {
  cards: count,
  workers,
  msPerCardColdOneCore: Number(oneCore.toFixed(2)),
  msPerCardLayoutOneCore: Number((layoutMs / count).toFixed(2)),
  msPerCardRasterAndPngOneCore: Number((encodeMs / count).toFixed(2)),
  msPerCardColdAllCores: Number(allCores.toFixed(2)),
  cpuMsPerCardColdAllCores: Number(((cpuAllCores.user + cpuAllCores.system) / 1000 / count).toFixed(2)),
  msPerCardWarmCache: Number(warm.toFixed(3)),
  renderedFromCacheOnWarmRun: warmStore.stats.cached,
};
if (values.json) console.log(JSON.stringify(result));
else {
  console.log(`Social cards, ${count} cards, ${workers} worker threads`);
  console.log(`  cold, one core     ${result.msPerCardColdOneCore.toFixed(2)} ms per card`);
  console.log(
    `    of which          ${result.msPerCardLayoutOneCore.toFixed(2)} ms layout (Satori), ${result.msPerCardRasterAndPngOneCore.toFixed(2)} ms raster and PNG (resvg, sharp), measured apart`,
  );
  console.log(
    `  cold, all cores    ${result.msPerCardColdAllCores.toFixed(2)} ms per card (${result.cpuMsPerCardColdAllCores.toFixed(2)} ms of CPU time per card)`,
  );
  console.log(
    `  warm cache         ${result.msPerCardWarmCache.toFixed(3)} ms per card (${result.renderedFromCacheOnWarmRun} from the cache)`,
  );
}
