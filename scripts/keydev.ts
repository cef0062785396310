/**
 * `npm run keydev -- FILE... [--count N] [--explain]`: prints, for each Markdown or MDX briefing, one
 * JSON line `{"file", "bullets": [{"text", "figures"}]}` with the key developments the site would show.
 * `--explain` prints every sentence with its score instead, to see why bullets were chosen.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from '../src/content/frontmatter.ts';
import { keyDevelopmentsBox } from '../src/engine/key-developments/key-developments-box.ts';
import { rankSentences } from '../src/engine/key-developments/extract-key-developments.ts';
import { collectParagraphs, parseMarkdown } from '../src/engine/text/paragraphs.ts';
import { site } from '../src/site.config.ts';
import { parseCommand } from '../tools/command-line.ts';

const { values, positionals } = parseCommand({
  name: 'keydev',
  usage: 'npm run keydev -- FILE... [--count N] [--explain]',
  description:
    'Prints, for each Markdown or MDX briefing, one JSON line {"file", "source", "bullets": [{"text", "figures"}]} with the key developments the site would show.',
  positionals: { name: 'FILE', description: 'a Markdown or MDX briefing', min: 1 },
  options: {
    count: {
      type: 'string',
      value: 'N',
      default: String(site.keyDevelopmentsCount),
      number: { integer: true, min: 1, max: 5 },
      description: 'how many bullets, from 1 to 5',
    },
    explain: {
      type: 'boolean',
      description: 'print every sentence with its score instead, to see why bullets were chosen',
    },
  },
  notes: 'Exit status: 0 every file read, 1 a file could not be read or parsed, 2 wrong usage.',
});
const { count } = values;

let failed = false;
for (const file of positionals) {
  try {
    const source = readFileSync(file, 'utf8');
    const block = splitFrontmatter(source);
    const frontmatter = (block ? parseYaml(block.yaml, { schema: 'core' }) : {}) as Record<string, unknown> | null;
    const title = typeof frontmatter?.['title'] === 'string' ? frontmatter['title'] : '';
    const dek = typeof frontmatter?.['dek'] === 'string' ? frontmatter['dek'] : undefined;
    const body = block ? block.body : source;
    const paragraphs = collectParagraphs(parseMarkdown(body, { mdx: file.endsWith('.mdx') }));
    if (values.explain) {
      console.log(`# ${file}`);
      for (const sentence of rankSentences({ title, dek, paragraphs })) {
        const score = sentence.score === undefined ? ' never' : sentence.score.toFixed(3);
        console.log(`${score}  ${sentence.paragraphId.padEnd(8)} ${sentence.text}`);
      }
      continue;
    }
    const override = frontmatter?.['keyDevelopments'];
    const box = keyDevelopmentsBox({
      title,
      dek,
      override: override === false || Array.isArray(override) ? (override as false | string[]) : undefined,
      paragraphs,
      count,
    });
    const bullets = box.bullets.map((bullet) => ({
      text: bullet.text,
      figures: bullet.figures.map(({ kind, text, value, currency, unit }) => ({ kind, text, value, currency, unit })),
      ...(bullet.paragraphId ? { paragraph: bullet.paragraphId } : {}),
    }));
    console.log(JSON.stringify({ file, source: box.source, bullets }));
  } catch (error) {
    failed = true;
    console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exitCode = failed ? 1 : 0;
