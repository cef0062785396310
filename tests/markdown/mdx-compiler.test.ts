import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildGlobals } from '../../src/build/build-globals.ts';
import { cachedParallelMdx, stopMdxWorkers } from '../../src/markdown/mdx-compiler.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const amazon = readFileSync(join(ROOT, 'tests/fixtures/content/briefings/amazon.mdx'), 'utf8');
const body = amazon.replace(/^---\n[\s\S]*?\n---\n/, '');
const frontmatter = {
  title: 'Amazon in talks to invest up to $50 billion in OpenAI as it cuts 16,000 corporate roles',
  dek: 'Amazon is spending heavily on AI while trimming corporate costs.',
};
const filePath = join(ROOT, 'content/briefings/amazon.mdx');

/** A renderer as @astrojs/mdx creates it, on a build cache of its own. */
async function renderer() {
  return cachedParallelMdx(ROOT).createMdxRenderer?.({}, { optimize: false });
}

/** Read through functions: TypeScript would keep a global narrowed to the value last assigned here. */
const compileRuntime = () => buildGlobals().mdx;
const keyDevelopmentsTiming = () => buildGlobals().keyDevelopments;
const resetGlobals = () => {
  buildGlobals().mdx = undefined;
  buildGlobals().keyDevelopments = undefined;
};

const saved = { ...process.env };
let cache = '';
beforeEach(() => {
  cache = mkdtempSync(join(tmpdir(), 'tickerpress-mdx-cache-'));
  process.env['TICKERPRESS_CACHE_DIR'] = cache;
  resetGlobals();
});
afterEach(async () => {
  await compileRuntime()?.pool?.close();
  process.env = { ...saved };
});
afterAll(() => {
  resetGlobals();
});

describe('the MDX compiler', () => {
  it('compiles a briefing with the pipeline (key developments box included) and keeps it in the build cache', async () => {
    process.env['MDX_WORKERS'] = '1';
    const first = await (await renderer())?.process(body, filePath, { ...frontmatter });
    expect(first?.code).toContain('keyDevelopmentsBox');
    expect(first?.code).toContain('para-1');
    expect(compileRuntime()).toMatchObject({ compiled: 1, cached: 0 });
    expect(readdirSync(join(cache, 'mdx'))).toHaveLength(1);

    const again = await (await renderer())?.process(body, filePath, { ...frontmatter });
    expect(again).toEqual(first);
    expect(compileRuntime()).toMatchObject({ compiled: 1, cached: 1 });

    await (await renderer())?.process(`${body}\nOne more sentence.\n`, filePath, { ...frontmatter });
    expect(compileRuntime()).toMatchObject({ compiled: 2, cached: 1 });
  });

  it('compiles in worker threads when many files wait, to the same output as in-process', async () => {
    process.env['MDX_WORKERS'] = '1';
    const variants = Array.from({ length: 6 }, (_, index) => `${body}\nParagraph number ${index}.\n`);
    const inProcess = await renderer();
    const expected = await Promise.all(variants.map((text) => inProcess?.process(text, filePath, { ...frontmatter })));
    expect(compileRuntime()?.pool).toBeUndefined();

    process.env['MDX_WORKERS'] = '2';
    process.env['TICKERPRESS_CACHE_DIR'] = mkdtempSync(join(tmpdir(), 'tickerpress-mdx-cache-'));
    resetGlobals();
    const parallel = await renderer();
    const actual = await Promise.all(variants.map((text) => parallel?.process(text, filePath, { ...frontmatter })));
    expect(compileRuntime()?.pool?.size).toBe(2);
    expect(actual).toEqual(expected);

    // Stopped when bundling ends; a later build's compiles start new workers.
    await stopMdxWorkers();
    expect(compileRuntime()?.pool).toBeUndefined();
    const later = await renderer();
    const more = await Promise.all(
      variants.map((text) => later?.process(`${text}\nLater.\n`, filePath, { ...frontmatter })),
    );
    expect(more.every((output) => output?.code.includes('Later.'))).toBe(true);
    expect(compileRuntime()).toMatchObject({ workers: 2, compiled: 12 });
    expect(compileRuntime()?.pool?.size).toBe(2);
    // The workers report the time key developments took, so the build log still counts every briefing.
    expect(keyDevelopmentsTiming()?.briefings).toBeGreaterThanOrEqual(3);
  });

  it('passes a syntax error from a worker on with the same message, line and column as in-process', async () => {
    const broken = `${body}\nA figure {1 +} that does not parse.\n`;
    const fields = (error: unknown) => {
      const { message, line, column, ruleId, source } = error as Record<string, unknown>;
      return { message, line, column, ruleId, source };
    };
    process.env['MDX_WORKERS'] = '1';
    const inProcess = await (await renderer())?.process(broken, filePath, { ...frontmatter }).catch(fields);

    process.env['MDX_WORKERS'] = '2';
    const compiler = await renderer();
    const results = await Promise.allSettled(
      [body, `${body}\nA.\n`, `${body}\nB.\n`, broken].map((text) =>
        compiler?.process(text, filePath, { ...frontmatter }),
      ),
    );
    expect(compileRuntime()?.pool).toBeDefined();
    const failure = results[3];
    expect(failure?.status).toBe('rejected');
    const fromWorker = fields((failure as PromiseRejectedResult).reason);
    expect(fromWorker).toEqual(inProcess);
    expect(fromWorker).toMatchObject({ message: expect.stringMatching(/Could not parse expression/), column: 14 });
    expect(fromWorker.line).toBeGreaterThan(30);
  });
});
