/**
 * The incremental build (pages carried over by the keys of `src/site/page-keys.ts`, see
 * `src/build/carried-pages.ts`) is never stale: after edits to content, market data, an author, a
 * scheduled briefing going live, a component and the site configuration, a rebuild that carries over what
 * it can writes exactly the bytes of a cold build of the same project, and renders only what changed.
 */
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../helpers/project-copy.ts';
import { buildSite, siteFiles, TEST_BUILD_TIME, type BuildResult } from '../helpers/site-build.ts';

let project = '';
let cache = '';
const dist = () => join(project, 'dist');
const incrementalBuild = (options: { env?: Record<string, string>; args?: string[] } = {}) =>
  buildSite(join(project, 'content'), dist(), cache, project, options.env, options.args);

/** A cold build of the project as it is now, with a cache of its own, into its own folder. */
async function coldBuild(env: Record<string, string> = {}): Promise<Map<string, string>> {
  const out = mkdtempSync(join(tmpdir(), 'tickerpress-cold-'));
  const result = await buildSite(
    join(project, 'content'),
    out,
    mkdtempSync(join(tmpdir(), 'tickerpress-cache-')),
    project,
    env,
  );
  expect(result.ok, result.output).toBe(true);
  return siteFiles(out);
}

/** The build log's `pages: N rendered, M reused`. */
function pageCounts(result: BuildResult): { rendered: number; reused: number } {
  const match = /pages: (\d+) rendered, (\d+) reused/.exec(result.output);
  expect(match, result.output).not.toBeNull();
  return { rendered: Number(match?.[1]), reused: Number(match?.[2]) };
}

function edit(path: string, change: (text: string) => string): void {
  const file = join(project, path);
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  expect(after, `the edit of ${path} changes it`).not.toBe(before);
  writeFileSync(file, after);
}

const briefing = (name: string) => `content/briefings/${name}.mdx`;

/** The sites replaced by a build, set aside for the next build to remove. */
const setAside = () => readdirSync(join(cache, 'site', 'replaced'));

/** Adds a briefing (a copy of the chip suppliers' one) scheduled two hours after the tests' clock; returns when. */
function addScheduledBriefing(name: string, title: string): Date {
  const scheduledAt = new Date(new Date(TEST_BUILD_TIME).getTime() + 2 * 3_600_000);
  const chips = readFileSync(join(project, briefing('2026-03-18-chip-suppliers-capacity')), 'utf8');
  writeFileSync(
    join(project, briefing(name)),
    chips
      .replace(/^title: .*$/m, `title: ${title}`)
      .replace(/^publishedAt: .*$/m, `publishedAt: ${scheduledAt.toISOString().replace('.000Z', '+00:00')}`),
  );
  return scheduledAt;
}
const page = (path: string) => load(readFileSync(join(dist(), path, 'index.html'), 'utf8'));

beforeAll(async () => {
  project = copyProject({ site: true });
  cache = mkdtempSync(join(tmpdir(), 'tickerpress-cache-'));
  const first = await incrementalBuild();
  expect(first.ok, first.output).toBe(true);
  // The first build has nothing to reuse.
  expect(pageCounts(first).reused).toBe(0);
}, 300_000);

describe('an incremental rebuild', () => {
  it('reuses every keyed page when nothing changed, and renders only the cheap unkeyed ones', async () => {
    const before = siteFiles(dist());
    // Astro runs even though nothing changed: the kept site (tested below) would otherwise be restored.
    const result = await incrementalBuild({ args: ['--rerender'] });
    expect(result.output).not.toContain('Nothing changed since the last build');
    expect(result.ok, result.output).toBe(true);
    const { rendered, reused } = pageCounts(result);
    // Home, archive index, site feeds and calendar, search, 404, indexes of tickers and tags, icons, robots…
    expect(rendered).toBeLessThanOrEqual(15);
    expect(reused).toBeGreaterThan(rendered);
    expect(siteFiles(dist())).toEqual(before);
    // The site it replaced is set aside whole, to be removed by the next build while Astro works.
    expect(setAside()).toHaveLength(1);
    expect(siteFiles(join(cache, 'site', 'replaced', setAside()[0] ?? ''))).toEqual(before);
  }, 300_000);

  it('after edits, a deletion, an addition and new market data, writes the bytes of a cold build', async () => {
    const halvard = '2026-03-03-halvard-energy-guidance-cut';
    edit(briefing(halvard), (text) =>
      text
        .replace(/^title: .*$/m, 'title: Halvard Energy trims its 2026 output forecast')
        .replace('tags: [energy, guidance]', 'tags: [energy, outlook]')
        .replace('tickers: [HLVD]', 'tickers: [HLVD, AMZN]'),
    );
    rmSync(join(project, briefing('2026-03-30-bellmare-retail-store-closures')));
    const chips = readFileSync(join(project, briefing('2026-03-18-chip-suppliers-capacity')), 'utf8');
    writeFileSync(
      join(project, briefing('2026-04-10-chip-suppliers-follow-up')),
      chips
        .replace(/^title: .*$/m, 'title: Chip suppliers add more capacity')
        .replace(/^publishedAt: .*$/m, 'publishedAt: 2026-04-10T09:00:00+02:00'),
    );
    // A month-end close in the middle of the series: the Amazon chart and the AMZN page draw it.
    edit('content/market/AMZN.csv', (text) => {
      const lines = text.split('\n');
      const monthEnd = lines.findLastIndex((line) => line.startsWith('2025-10-'));
      const [date, open, high, low] = (lines[monthEnd] ?? '').split(',');
      const volume = (lines[monthEnd] ?? '').split(',')[5];
      lines[monthEnd] = [date, open, high, low, low, volume].join(',');
      return lines.join('\n');
    });

    // The card of a briefing no edit touches: carried over, it is the very file the last build published.
    const untouchedCard = () => statSync(join(dist(), 'og/briefings/2026-02-24-quintal-foundry-dresden-plant.png')).ino;
    const cardBefore = untouchedCard();
    const [replacedBefore] = setAside();
    const result = await incrementalBuild();
    expect(result.ok, result.output).toBe(true);
    // The site the last build set aside is gone; the one this build replaced took its place.
    expect(setAside()).toHaveLength(1);
    expect(setAside()).not.toContain(replacedBefore);
    const { rendered, reused } = pageCounts(result);
    expect(reused).toBeGreaterThan(0);
    expect(rendered).toBeGreaterThan(15);
    expect(untouchedCard()).toBe(cardBefore);
    const incremental = siteFiles(dist());
    expect(incremental).toEqual(await coldBuild());

    // What changed shows: the new title where Halvard is listed, the new tag's page, the deletion gone.
    expect(page(`briefings/${halvard}`)('h1').text()).toContain('trims its 2026 output forecast');
    expect(page('tags/outlook')('body').text()).toContain('trims its 2026 output forecast');
    expect(page('tickers/AMZN')('body').text()).toContain('trims its 2026 output forecast');
    // A deleted briefing's page and card are gone, not carried over.
    expect(incremental.has('briefings/2026-03-30-bellmare-retail-store-closures/index.html')).toBe(false);
    expect(incremental.has('og/briefings/2026-03-30-bellmare-retail-store-closures.png')).toBe(false);
    expect(incremental.has('briefings/2026-04-10-chip-suppliers-follow-up/index.html')).toBe(true);
  }, 600_000);

  it("after an author's new name, renders again only the pages that show it", async () => {
    const desk = 'Tickerpress Markets Desk';
    edit('content/authors/markets-desk.yaml', (text) => text.replace(`name: ${desk}`, 'name: The Markets Desk'));
    const result = await incrementalBuild();
    expect(result.ok, result.output).toBe(true);
    const { rendered, reused } = pageCounts(result);
    // The desk's page, its one briefing with that briefing's card and calendar, and the lists naming it.
    expect(rendered).toBeLessThan(reused);
    expect(siteFiles(dist())).toEqual(await coldBuild());
    expect(page('authors/markets-desk')('h1').text()).toBe('The Markets Desk');
    const byline = page('briefings/2026-02-01-amazon-openai-talks-job-cuts')('.byline').text();
    expect(byline).toContain('The Markets Desk');
    expect(byline).not.toContain(desk);
  }, 600_000);

  it('once the clock reaches a scheduled briefing, adds it where a cold build would', async () => {
    const at = (iso: string) => ({ BUILD_TIME: iso });
    const scheduled = '2026-11-01-scheduled-results';
    const scheduledAt = addScheduledBriefing(scheduled, 'Chip suppliers publish their results');
    const waiting = await incrementalBuild();
    expect(waiting.ok, waiting.output).toBe(true);
    expect(existsSync(join(dist(), 'briefings', scheduled))).toBe(false);

    const due = await incrementalBuild({ env: at(scheduledAt.toISOString()) });
    expect(due.ok, due.output).toBe(true);
    expect(pageCounts(due).reused).toBeGreaterThan(0);
    expect(siteFiles(dist())).toEqual(await coldBuild(at(scheduledAt.toISOString())));
    expect(page(`briefings/${scheduled}`)('h1').text()).toContain('Chip suppliers publish their results');
    // Back to the tests' clock for the builds that follow.
    rmSync(join(project, briefing(scheduled)));
  }, 600_000);

  it('renders every page again when the code or the site configuration changed', async () => {
    // A component only briefing pages use, one that draws in briefing bodies, and a setting every page shows.
    edit('src/components/page/SourcesList.astro', (text) => text.replace(/<(\w+)([ >])/, '<$1 data-edited$2'));
    edit('src/site/body-components.ts', (text) => text.replace("[text('Ad')]", "[text('Advert')]"));
    edit('src/site.config.ts', (text) =>
      text.replace("description: 'Short, sourced briefings", "description: 'Short, sourced, edited briefings"),
    );
    const result = await incrementalBuild();
    expect(result.ok, result.output).toBe(true);
    // Pages are carried over only from a site built by the same code.
    expect(pageCounts(result).reused).toBe(0);
    expect(siteFiles(dist())).toEqual(await coldBuild());
    const amazon = page('briefings/2026-02-01-amazon-openai-talks-job-cuts');
    expect(amazon('[data-edited]').length).toBeGreaterThan(0);
    expect(amazon('.sponsored__ad').text()).toBe('Advert');
    expect(page('tags/outlook')('footer').text()).toContain('Short, sourced, edited briefings');
  }, 600_000);
});

describe('a rebuild with nothing changed', () => {
  const RESTORED = 'Nothing changed since the last build';
  /** Astro's log when it builds: a restored site shows none of it. */
  const ASTRO_RAN = /generating static routes/;

  it('restores the last site from the build cache without running Astro, even with dist/ gone', async () => {
    const before = siteFiles(dist());
    const first = await incrementalBuild();
    expect(first.ok, first.output).toBe(true);
    expect(first.output).toContain(RESTORED);
    expect(first.output).not.toMatch(ASTRO_RAN);
    expect(pageCounts(first)).toEqual({ rendered: 0, reused: expect.any(Number) as number });
    // Warnings are printed as in every build: the content check still runs.
    expect(first.output).toMatch(/briefings checked in/);
    expect(siteFiles(dist())).toEqual(before);

    // A fresh checkout in CI keeps only the build cache.
    rmSync(dist(), { recursive: true });
    const second = await incrementalBuild();
    expect(second.output).toContain(RESTORED);
    expect(siteFiles(dist())).toEqual(before);
  }, 120_000);

  it('builds again when a published file was changed in place, and puts it right', async () => {
    const before = siteFiles(dist());
    // The published files and the kept ones are hard links: the edit reaches both.
    appendFileSync(join(dist(), 'index.html'), '<!-- changed after the build -->');
    const result = await incrementalBuild();
    expect(result.ok, result.output).toBe(true);
    expect(result.output).not.toContain(RESTORED);
    expect(result.output).toMatch(ASTRO_RAN);
    expect(siteFiles(dist())).toEqual(before);
  }, 300_000);

  it('builds again once the clock reaches a scheduled briefing, and not before', async () => {
    const at = (iso: string) => ({ env: { BUILD_TIME: iso } });
    const buildTime = new Date(TEST_BUILD_TIME);
    const scheduled = '2026-11-01-scheduled-follow-up';
    const scheduledAt = addScheduledBriefing(scheduled, 'Chip suppliers report their quarter');
    const added = await incrementalBuild();
    expect(added.ok, added.output).toBe(true);
    expect(added.output).toMatch(ASTRO_RAN);
    expect(existsSync(join(dist(), 'briefings', scheduled))).toBe(false);

    // An hour later the same briefings are public: the same site.
    const hourLater = new Date(buildTime.getTime() + 3_600_000).toISOString();
    const early = await incrementalBuild(at(hourLater));
    expect(early.output).toContain(RESTORED);
    expect(existsSync(join(dist(), 'briefings', scheduled))).toBe(false);

    const due = await incrementalBuild(at(scheduledAt.toISOString()));
    expect(due.ok, due.output).toBe(true);
    expect(due.output).not.toContain(RESTORED);
    expect(page(`briefings/${scheduled}`)('h1').text()).toContain('Chip suppliers report their quarter');
    expect(page('')('body').text()).toContain('Chip suppliers report their quarter');
  }, 300_000);
});
