/**
 * `npm run measure:search -- [--dist DIR] [--query WORDS]`: serves a built site, runs one search in
 * Chromium, and prints the size of the search index and the bytes the browser downloaded for the query.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommand } from '../tools/command-line.ts';

const { values } = parseCommand({
  name: 'measure:search',
  usage: 'npm run measure:search -- [--dist DIR] [--query WORDS]',
  description:
    'Serves a built site, runs one search on its search page in Chromium, and prints one JSON line: the size of the search index and the bytes the browser downloaded for the query.',
  options: {
    dist: { type: 'string', value: 'DIR', default: 'dist', description: 'the built site' },
    query: { type: 'string', value: 'WORDS', default: 'revenue', description: 'what to search for' },
  },
});
const { dist } = values;
// Playwright and the server load only once the command line is read: `--help` answers without them.
const { launchChromium } = await import('../tools/chromium.ts');
const { serveDirectory } = await import('../tools/static-server.ts');

function sizeOf(path: string): number {
  const stat = statSync(path);
  return stat.isDirectory() ? readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0) : stat.size;
}

const bundle = join(dist, 'pagefind');
const indexOnly = ['index', 'fragment', 'filter', 'pagefind-entry.json'].reduce(
  (sum, name) => sum + sizeOf(join(bundle, name)),
  0,
);
const server = await serveDirectory(dist);
const browser = await launchChromium();
const page = await browser.newPage();
let bytes = 0;
let searchBytes = 0;
let requests = 0;
page.on('response', (response) => {
  void response.body().then(
    (body) => {
      bytes += body.length;
      requests += 1;
      if (new URL(response.url()).pathname.startsWith('/pagefind/')) searchBytes += body.length;
    },
    () => undefined,
  );
});
await page.goto(`${server.url}/search/?q=${encodeURIComponent(values.query)}`);
await page.locator('#search-results li').first().waitFor({ timeout: 30_000 });
await page.waitForLoadState('networkidle');
const pageBytes = bytes;
const results = await page.locator('#search-results li').count();
await browser.close();
await server.close();

console.log(
  JSON.stringify({
    dist,
    query: values.query,
    pagefindBundleBytes: sizeOf(bundle),
    indexBytes: indexOnly,
    /** Everything the page loaded: HTML, CSS, scripts, the search engine and the index chunks. */
    bytesDownloadedForQuery: pageBytes,
    /** Of that, what came from /pagefind/ (engine, WebAssembly, index chunks, fragments). */
    searchBytesDownloadedForQuery: searchBytes,
    requests,
    resultsShown: results,
  }),
);
