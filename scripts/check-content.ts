/**
 * `npm run check [-- --json]`: checks every briefing without building the site and prints one line per
 * finding, `path:line:column: error|warning: message`. Exits 1 when there is an error. Honours CONTENT_DIR.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { checkContent, type ContentFile } from '../src/lib/content-check.ts';
import { authorFiles, contentPaths, marketFiles } from '../src/lib/content-paths.ts';
import { parseMarketCsv, type PriceRow } from '../src/lib/market-data.ts';
import { formatFinding, type Finding } from '../src/lib/frontmatter.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });

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
    series: (symbol) => seriesBySymbol.get(symbol),
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
    `${files.length} ${files.length === 1 ? 'briefing' : 'briefings'} checked in ${milliseconds} ms: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
  );
}
process.exit(errors > 0 ? 1 : 0);
