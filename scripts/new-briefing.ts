/**
 * `npm run new -- "Headline" [--ticker AMZN] [--tag ai] [--author markets-desk]`: starts a briefing as a
 * draft in content/briefings/<date>-<slug>.mdx, published "now" in the site's time zone, and prints
 * its path. Never overwrites a file.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import { authorFiles, contentPaths } from '../src/content/content-folders.ts';
import { isoInZone } from '../src/engine/time.ts';
import { TAG, TICKER_SYMBOL } from '../src/engine/tickers.ts';
import { site } from '../src/site.config.ts';
import { defineCommand, exitWithUsageError, parseCommand } from '../tools/command-line.ts';

const COMMAND = defineCommand({
  name: 'new',
  usage: 'npm run new -- "HEADLINE" [--ticker SYMBOL]... [--tag TAG]... [--author ID]',
  description:
    'Starts a briefing as a draft in content/briefings/<date>-<slug>.mdx (or under CONTENT_DIR), published "now" in the site\'s time zone, with the frontmatter filled in and a skeleton to write over, and prints its path. Never overwrites a file.',
  positionals: { name: 'HEADLINE', description: "the briefing's headline, in quotes", min: 1 },
  options: {
    ticker: {
      type: 'string',
      value: 'SYMBOL',
      multiple: true,
      default: [],
      description: 'a ticker the briefing is about, e.g. AMZN or BRK.B (or several, comma-separated)',
    },
    tag: {
      type: 'string',
      value: 'TAG',
      multiple: true,
      default: [],
      description: 'a tag: lower-case words joined by hyphens, e.g. job-cuts (or several, comma-separated)',
    },
    author: {
      type: 'string',
      value: 'ID',
      default: site.defaultAuthor,
      description: 'the author: the name of a file in content/authors/, without .yaml',
    },
  },
  notes: 'Exit status: 0 written, 1 the file already exists, 2 wrong usage.',
});

const root = resolve(import.meta.dirname, '..');
const { values, positionals } = parseCommand(COMMAND);

function fail(message: string, code = 2): never {
  if (code === 2) exitWithUsageError(COMMAND, message);
  console.error(`${COMMAND.name}: ${message}`);
  process.exit(code);
}

const headline = positionals.join(' ').trim();
if (!headline) fail(`missing HEADLINE, ${COMMAND.positionals?.description ?? ''}`);
const tickers = values.ticker
  .flatMap((value) => value.split(','))
  .map((value) => value.trim())
  .filter(Boolean);
for (const symbol of tickers) {
  if (!TICKER_SYMBOL.test(symbol)) {
    fail(
      `"${symbol}" is not a ticker symbol: use upper-case letters and digits with an optional class suffix, e.g. AMZN, T, BRK.B`,
    );
  }
}
const tags = values.tag
  .flatMap((value) => value.split(','))
  .map((value) => value.trim())
  .filter(Boolean);
for (const tag of tags) {
  if (!TAG.test(tag) || tag !== tag.normalize('NFC')) {
    fail(`"${tag}" is not a tag: use lower-case words of any script joined by hyphens, e.g. job-cuts, börse`);
  }
}
const paths = contentPaths(root);
const authors = [...authorFiles(paths).keys()].sort();
const { author } = values;
if (!author || !authors.includes(author))
  fail(`"${String(author)}" is not an author: use one of ${authors.join(', ')}`);

const now = isoInZone(new Date(), site.timeZone);
const slug = new GithubSlugger()
  .slug(headline)
  .split('-')
  .reduce((kept, word) => (kept.length + word.length < 60 ? (kept ? `${kept}-${word}` : word) : kept), '');
const dir = paths.briefings;
const file = join(dir, `${now.slice(0, 10)}-${slug}.mdx`);
/** Repository-relative where possible; files outside the project stay absolute. */
const shown = (() => {
  const rel = relative(root, file);
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
})();
if (existsSync(file)) fail(`${shown} already exists: choose another headline or edit that file`, 1);

const list = (items: string[]) => `[${items.join(', ')}]`;
const source = `---
title: ${JSON.stringify(headline)}
dek: "One sentence that sums the briefing up."
publishedAt: ${now}
author: ${author}
tickers: ${list(tickers)}
tags: ${list(tags)}
sources:
  - name: "Name the source of every fact"
draft: true
---

Lead paragraph: the news in one or two sentences, with its figures.

## What happened

The facts, each with its source.

## What to watch

Upcoming dates, with an \`events\` entry in the frontmatter for each.
`;
mkdirSync(dir, { recursive: true });
writeFileSync(file, source, { flag: 'wx' });
console.log(shown);
