/**
 * `npm run bench:length -- [--words 1000,10000,100000] [--stages keydev,check,body] [--json]`: how the
 * work on one briefing grows with its length, on generated briefings of the given lengths: CPU time of
 * key developments, of the content check and of rendering the body, and the work done by each.
 */
import { exitWithUsageError, parseCommand, positiveWholeNumbers } from '../tools/command-line.ts';

const STAGES = ['keydev', 'check', 'body'] as const;
type Stage = (typeof STAGES)[number];

const command = {
  name: 'bench:length',
  usage: 'npm run bench:length -- [--words N,N,…] [--stages S,S,…] [--runs N] [--json]',
  description:
    "Times key developments, the content check and rendering the body to HTML (the build's renderer, as briefings load) on generated briefings of the given lengths: CPU time, best of --runs runs, per 1,000 words, and the work done: sentences weighed for key developments, body nodes the check parsed, and tokens the smart-punctuation parser read and the longest list its plugins were handed in the rendering. Time per 1,000 words that stays level shows a stage is linear in the length.",
  options: {
    words: {
      type: 'string',
      value: 'N,N,…',
      default: '1000,10000,100000',
      description: 'briefing lengths in words, comma-separated',
    },
    stages: {
      type: 'string',
      value: 'S,S,…',
      default: STAGES.join(','),
      description: `what to time, comma-separated, of ${STAGES.join(', ')}`,
    },
    runs: {
      type: 'string',
      value: 'N',
      default: '3',
      number: { integer: true, min: 1 },
      description: 'runs of each stage at each length; the fastest counts',
    },
    json: { type: 'boolean', description: 'print one JSON object instead of a table' },
  },
} as const;
const { values } = parseCommand(command);
const lengths = positiveWholeNumbers(command, 'words', values.words);
const stages = values.stages.split(',') as Stage[];
if (stages.some((stage) => !STAGES.includes(stage))) {
  exitWithUsageError(command, `--stages takes ${STAGES.join(', ')}, got '${values.stages}'`);
}

// Loaded once the command line is read: `--help` answers without them.
const { parse: parseYaml } = await import('yaml');
const { checkContent } = await import('../src/content/check/index.ts');
const { splitFrontmatter } = await import('../src/content/frontmatter.ts');
const { extractKeyDevelopments, keyDevelopmentsWork } =
  await import('../src/engine/key-developments/extract-key-developments.ts');
const { collectParagraphs, parseMarkdown } = await import('../src/engine/text/paragraphs.ts');
const { latinParserWork } = await import('../src/markdown/plugins/remark-smartypants.ts');
const { renderBody } = await import('../src/markdown/body-html.ts');
const { bodyComponents } = await import('../src/site/body-components.ts');
const { routeOf } = await import('../src/site/routes.ts');
const { longBriefing } = await import('../tools/corpus.ts');

const PATH = 'content/briefings/long-briefing.mdx';

/** The components as the build draws them; the generated briefings chart nothing. */
const components = bodyComponents({ pricesOf: () => undefined });

interface Measured {
  milliseconds: number;
  work: Record<string, number>;
}

/** The fastest of `runs` runs of `run` in CPU milliseconds, and the work that `work` then counts (untimed). */
async function timed(run: () => unknown, work: () => Record<string, number>): Promise<Measured> {
  let best = Infinity;
  for (let index = 0; index < values.runs; index++) {
    const started = process.cpuUsage();
    await run();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return { milliseconds: best, work: work() };
}

function countNodes(node: { children?: unknown[] }): number {
  return 1 + (node.children ?? []).reduce<number>((sum, child) => sum + countNodes(child as typeof node), 0);
}

async function measure(stage: Stage, source: string): Promise<Measured> {
  const block = splitFrontmatter(source);
  if (!block) throw new Error('the generated briefing has no frontmatter');
  const frontmatter = parseYaml(block.yaml) as Record<string, unknown>;
  switch (stage) {
    case 'keydev': {
      const paragraphs = collectParagraphs(parseMarkdown(block.body, { mdx: false }));
      const input = { title: String(frontmatter['title']), paragraphs };
      return timed(
        () => extractKeyDevelopments(input),
        () => ({ sentences: keyDevelopmentsWork(input).sentences }),
      );
    }
    case 'check': {
      const context = {
        authors: new Set(['demo-writer']),
        tickers: new Set(['BLMR']),
        publicFileExists: () => true,
        routeOf,
      };
      return timed(
        () => {
          const findings = checkContent([{ path: PATH, source }], context);
          if (findings.length > 0) throw new Error(`the generated briefing has findings: ${findings[0]?.message}`);
        },
        () => ({ nodes: countNodes(parseMarkdown(block.body, { mdx: true })) }),
      );
    }
    case 'body':
      return timed(
        () => renderBody(source, { filePath: PATH, frontmatter, components }),
        () => {
          const work = latinParserWork();
          return { tokens: work.tokens, longestList: Math.max(work.longestTokenRun, work.longestSentenceRun) };
        },
      );
  }
}

// Compiled and warm before anything is timed, so the first length is not charged with the start-up.
const warmUp = longBriefing(1000, 2);
for (let run = 0; run < 5; run++) for (const stage of stages) await measure(stage, warmUp);

const rows = [];
for (const words of lengths) {
  const source = longBriefing(words);
  for (const stage of stages) {
    const { milliseconds, work } = await measure(stage, source);
    rows.push({
      stage,
      words,
      milliseconds: Number(milliseconds.toFixed(1)),
      perThousandWords: Number(((milliseconds * 1000) / words).toFixed(2)),
      work,
    });
  }
}

if (values.json) {
  console.log(JSON.stringify({ rows }));
} else {
  console.log('stage      words    CPU ms  ms/1k words  work');
  for (const row of rows) {
    const work = Object.entries(row.work)
      .map(([name, count]) => `${name} ${count}`)
      .join(', ');
    console.log(
      `${row.stage.padEnd(7)} ${String(row.words).padStart(8)} ${row.milliseconds.toFixed(1).padStart(9)} ${row.perThousandWords.toFixed(2).padStart(12)}  ${work}`,
    );
  }
}
