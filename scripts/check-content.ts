/**
 * `npm run check [-- --json]`: checks every briefing without building the site and prints one line per
 * finding, `path:line:column: error|warning: message`. Exits 1 when there is an error. Honours CONTENT_DIR.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ContentFile } from '../src/content/check/index.ts';
import type { PriceRow } from '../src/engine/price-history.ts';
import type { Finding } from '../src/content/finding.ts';
import { parseCommand } from '../tools/command-line.ts';

const { values } = parseCommand({
  name: 'check',
  usage: 'npm run check [-- --json]',
  description:
    'Checks every briefing (and the market data) without building the site and prints one line per finding, `path:line:column: error|warning: message`, then a summary. Reads the content folder CONTENT_DIR names (content/ by default); findings are cached per file in the build cache.',
  options: {
    json: {
      type: 'boolean',
      description: 'print one JSON object instead: files, errors, warnings, milliseconds, findings',
    },
  },
  notes: 'Exit status: 0 no errors (warnings allowed), 1 an error was found, 2 wrong usage.',
});
// The checker loads once the command line is read: `--help` answers without it.
const { parse: parseYaml } = await import('yaml');
const { cacheDir, filesUnder, hashCacheSources, writeFileAtomically } = await import('../src/build/build-cache.ts');
const { CACHE_SOURCES } = await import('../src/build/project-files.ts');
const { checkContent } = await import('../src/content/check/index.ts');
const { authorFiles, contentPaths, marketFiles } = await import('../src/content/content-folders.ts');
const { parseMarketCsv } = await import('../src/content/market-csv.ts');
const { formatFinding } = await import('../src/content/finding.ts');
const { routeOf } = await import('../src/site/routes.ts');

const root = resolve(import.meta.dirname, '..');

function listMdx(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listMdx(path);
    return name.endsWith('.mdx') && !name.startsWith('_') ? [path] : [];
  });
}

/** Repository-relative where possible; files outside the project stay absolute. */
function displayPath(path: string): string {
  const rel = relative(root, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

const started = performance.now();
const paths = contentPaths(root);
const briefingsDir = paths.briefings;
const files: ContentFile[] = listMdx(briefingsDir)
  .sort()
  .map((path) => ({ path: displayPath(path), source: readFileSync(path, 'utf8') }));
const absolutePath = new Map(files.map((file) => [file.path, resolve(root, file.path)]));

const authors = new Set(authorFiles(paths).keys());
const tickers = new Set(Object.keys((parseYaml(readFileSync(paths.tickers, 'utf8')) ?? {}) as object));
const requireFromRoot = createRequire(join(root, 'package.json'));
const EXTENSIONS = [
  '',
  '.astro',
  '.ts',
  '.js',
  '.mjs',
  '.mdx',
  '.md',
  '.json',
  '/index.ts',
  '/index.js',
  '/index.astro',
];

const marketFindings: Finding[] = [];
const seriesBySymbol = new Map<string, PriceRow[]>();
for (const [symbol, file] of marketFiles(paths)) {
  const parsed = parseMarketCsv(readFileSync(file, 'utf8'), displayPath(file));
  marketFindings.push(...parsed.findings);
  seriesBySymbol.set(symbol, parsed.rows);
}

/**
 * Findings are cached per file in the build cache (`check/`), keyed by the file, the site's slugs, tickers and tags,
 * and everything else they depend on: the checker's code, authors, ticker data, market data and the
 * list of files in public/. A warm build re-checks only what changed.
 */
const contextHash = hashCacheSources(createHash('sha256'), root, CACHE_SOURCES.check);
contextHash.update(JSON.stringify([[...authors].sort(), [...tickers].sort()]));
for (const file of marketFiles(paths).values()) contextHash.update(readFileSync(file));
contextHash.update(
  filesUnder(join(root, 'public'))
    .map((file) => relative(root, file))
    .sort()
    .join('\n'),
);
const contextKey = contextHash.digest('hex');
const checkCache = cacheDir(root, 'check');
let reused = 0;

const findings = [
  ...marketFindings,
  ...checkContent(files, {
    authors,
    tickers,
    resolves: (specifier, fromPath) => {
      if (specifier.startsWith('astro:')) return true;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const base = specifier.startsWith('/')
          ? join(root, specifier)
          : resolve(dirname(absolutePath.get(fromPath) ?? fromPath), specifier);
        return EXTENSIONS.some((extension) => existsSync(base + extension));
      }
      try {
        requireFromRoot.resolve(specifier);
        return true;
      } catch {
        return false;
      }
    },
    publicFileExists: (path) => existsSync(join(root, 'public', decodeURIComponent(path))),
    routeOf,
    series: (symbol) => seriesBySymbol.get(symbol),
    memo: (file, siteKey, check) => {
      const key = createHash('sha256')
        .update(contextKey)
        .update(siteKey)
        .update(file.path)
        .update(file.source)
        .digest('hex');
      const cached = join(checkCache, `${key}.json`);
      if (existsSync(cached)) {
        reused += 1;
        return JSON.parse(readFileSync(cached, 'utf8')) as Finding[];
      }
      const result = check();
      writeFileAtomically(cached, JSON.stringify(result));
      return result;
    },
  }),
];

const errors = findings.filter((finding) => finding.severity === 'error').length;
const warnings = findings.length - errors;
const milliseconds = Math.round(performance.now() - started);
if (values.json) {
  console.log(JSON.stringify({ files: files.length, errors, warnings, milliseconds, findings }, null, 2));
} else {
  for (const finding of findings) console.log(formatFinding(finding));
  console.log(
    `${files.length} ${files.length === 1 ? 'briefing' : 'briefings'} checked in ${milliseconds} ms (${reused} unchanged, from the cache): ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
  );
}
// exitCode, not exit(): piped output of a large check must be flushed before the process ends.
process.exitCode = errors > 0 ? 1 : 0;
