/**
 * `npm run measure:search -- [--dist DIR] [--query WORDS] [--compare]`: serves a built site, runs one
 * search in Chromium, and prints the size of the search index and the bytes the browser downloaded for
 * the query; with `--compare`, the same for a copy of the site indexed as one bundle.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommand } from '../tools/command-line.ts';

const { values } = parseCommand({
  name: 'measure:search',
  usage: 'npm run measure:search -- [--dist DIR] [--query WORDS] [--compare]',
  description:
    'Serves a built site, runs one search on its search page in Chromium, and prints one JSON line: the number of search bundles, the size of the search index and the bytes the browser downloaded for the query.',
  options: {
    dist: { type: 'string', value: 'DIR', default: 'dist', description: 'the built site' },
    query: { type: 'string', value: 'WORDS', default: 'revenue', description: 'what to search for' },
    compare: {
      type: 'boolean',
      description:
        'also index a copy of the site as one bundle (the index before it was split by period) and print its line too',
    },
  },
});
const { dist } = values;
// Playwright, the server and Pagefind load only once the command line is read: `--help` answers without them.
const { launchChromium } = await import('../tools/chromium.ts');
const { serveDirectory } = await import('../tools/static-server.ts');
const { indexSite } = await import('../src/build/search-index/pagefind-index.ts');
const { BUNDLE_MANIFEST } = await import('../src/build/search-index/search-bundles.ts');

function sizeOf(path: string): number {
  const stat = statSync(path);
  return stat.isDirectory() ? readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0) : stat.size;
}

async function measure(site: string, label: string): Promise<Record<string, unknown>> {
  const manifestFile = join(site, 'pagefind', BUNDLE_MANIFEST);
  if (!existsSync(manifestFile)) {
    console.error(`measure:search: ${manifestFile} is missing: build the site with npm run build first`);
    process.exit(1);
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { bundles: { name: string }[] };
  const indexOnly = manifest.bundles.reduce(
    (sum, { name }) =>
      sum +
      ['index', 'fragment', 'filter', 'pagefind-entry.json'].reduce(
        (bundleSum, part) => bundleSum + sizeOf(join(site, 'pagefind', name, part)),
        0,
      ),
    0,
  );
  const server = await serveDirectory(site);
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
  await page.locator('#search-results li').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const results = await page.locator('#search-results li').count();
  await browser.close();
  await server.close();
  return {
    index: label,
    dist: site,
    query: values.query,
    bundles: manifest.bundles.length,
    pagefindBytes: sizeOf(join(site, 'pagefind')),
    indexBytes: indexOnly,
    /** Everything the page loaded: HTML, CSS, scripts, the search engine and the index chunks. */
    bytesDownloadedForQuery: bytes,
    /** Of that, what came from /pagefind/ (engine, WebAssembly, manifest, index chunks, fragments). */
    searchBytesDownloadedForQuery: searchBytes,
    requests,
    resultsShown: results,
  };
}

console.log(JSON.stringify(await measure(dist, 'by period')));
if (values.compare) {
  const copy = mkdtempSync(join(tmpdir(), 'tickerpress-one-index-'));
  const cache = mkdtempSync(join(tmpdir(), 'tickerpress-one-index-cache-'));
  try {
    cpSync(dist, copy, { recursive: true });
    process.env['TICKERPRESS_CACHE_DIR'] = cache;
    await indexSite(copy, process.cwd(), { maxBundlePages: 0 });
    console.log(JSON.stringify(await measure(copy, 'one bundle')));
  } finally {
    rmSync(copy, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
}
