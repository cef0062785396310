import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildGlobals } from '../../src/build/build-globals.ts';
import {
  buildFilesOf,
  CARRY_FROM,
  noteKeyAndCarry,
  outputFileOf,
  removeFilesOfStoppedBuilds,
} from '../../src/build/carried-pages.ts';
import { SiteSnapshot, type BuildFacts } from '../../src/build/site-snapshot.ts';

/** A built site: a page, a feed and a card, each with its key. */
function builtSite(): { dir: string; facts: BuildFacts } {
  const dir = mkdtempSync(join(tmpdir(), 'tickerpress-site-'));
  const files = {
    'index.html': 'home',
    'briefings/a/index.html': 'briefing a',
    'tags/x/rss.xml': 'feed of x',
    'og/briefings/a.png': 'card of a',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const facts: BuildFacts = {
    publicationWindow: { from: undefined, until: undefined },
    pages: 4,
    pageKeys: { '/briefings/a/': 'key a', '/tags/x/rss.xml': 'key x', '/og/briefings/a.png': 'card a' },
    carried: [],
  };
  return { dir, facts };
}

describe('outputFileOf', () => {
  it("maps a page's path to its index.html and a file's path to itself", () => {
    expect(outputFileOf('/')).toBe('index.html');
    expect(outputFileOf('/briefings/a/')).toBe('briefings/a/index.html');
    expect(outputFileOf('/tags/x/rss.xml')).toBe('tags/x/rss.xml');
    expect(outputFileOf('/og/briefings/a.png')).toBe('og/briefings/a.png');
  });
});

describe('the kept site as a source of carried pages', () => {
  it('offers every keyed page it holds to a build of the same code, and none to other code', () => {
    const { dir, facts } = builtSite();
    const snapshot = new SiteSnapshot(mkdtempSync(join(tmpdir(), 'tickerpress-kept-')));
    snapshot.store('inputs', 'code', facts, dir);
    expect(snapshot.carriable('code')).toEqual(facts.pageKeys);
    expect(snapshot.carriable('other code')).toEqual({});
  });

  it('offers nothing once a kept file was changed in place', () => {
    const { dir, facts } = builtSite();
    const snapshot = new SiteSnapshot(mkdtempSync(join(tmpdir(), 'tickerpress-kept-')));
    snapshot.store('inputs', 'code', facts, dir);
    // The published file and the kept one are the same file.
    appendFileSync(join(dir, 'tags/x/rss.xml'), ' edited');
    expect(snapshot.carriable('code')).toEqual({});
  });

  it('links the carried pages into a new site: the same files, not copies', () => {
    const { dir, facts } = builtSite();
    const snapshot = new SiteSnapshot(mkdtempSync(join(tmpdir(), 'tickerpress-kept-')));
    snapshot.store('inputs', 'code', facts, dir);
    const next = mkdtempSync(join(tmpdir(), 'tickerpress-next-'));
    snapshot.carryInto(['/briefings/a/', '/og/briefings/a.png'], next);
    expect(readFileSync(join(next, 'briefings/a/index.html'), 'utf8')).toBe('briefing a');
    expect(statSync(join(next, 'og/briefings/a.png')).ino).toBe(statSync(join(dir, 'og/briefings/a.png')).ino);
  });
});

describe('the kept site, kept again after the next build', () => {
  it('holds exactly the new site: files carried over stay as they are, the others are linked, lost ones go', () => {
    const { dir, facts } = builtSite();
    const keptDir = mkdtempSync(join(tmpdir(), 'tickerpress-kept-'));
    const snapshot = new SiteSnapshot(keptDir);
    snapshot.store('inputs', 'code', facts, dir);
    const keptCard = () => statSync(join(keptDir, 'files/og/briefings/a.png'));
    const cardBefore = keptCard();

    // The next site: the card carried over, the briefing edited, the feed gone, a new briefing.
    const next = mkdtempSync(join(tmpdir(), 'tickerpress-next-'));
    snapshot.carryInto(['/og/briefings/a.png'], next);
    for (const [path, text] of Object.entries({
      'index.html': 'home, edited',
      'briefings/a/index.html': 'briefing a, edited',
      'briefings/b/index.html': 'briefing b',
    })) {
      mkdirSync(join(next, path, '..'), { recursive: true });
      writeFileSync(join(next, path), text);
    }
    snapshot.store('inputs 2', 'code', { ...facts, pageKeys: { '/briefings/b/': 'key b' } }, next);

    expect(snapshot.matching('inputs 2', new Date())).toBeDefined();
    expect(keptCard().ino).toBe(cardBefore.ino);
    expect(readFileSync(join(keptDir, 'files/briefings/a/index.html'), 'utf8')).toBe('briefing a, edited');
    expect(readFileSync(join(keptDir, 'files/briefings/b/index.html'), 'utf8')).toBe('briefing b');
    expect(existsSync(join(keptDir, 'files/tags/x/rss.xml'))).toBe(false);
    expect(existsSync(join(keptDir, 'files/tags/x'))).toBe(false);
    expect(snapshot.carriable('code')).toEqual({ '/briefings/b/': 'key b' });
  });
});

describe('the kept site, when a path changes from a folder to a file', () => {
  it('is kept again, and matches', () => {
    const { dir, facts } = builtSite();
    const snapshot = new SiteSnapshot(mkdtempSync(join(tmpdir(), 'tickerpress-kept-')));
    snapshot.store('inputs', 'code', facts, dir);
    // `briefings` was a folder of pages; now it is a file, and `index.html` a folder.
    const next = mkdtempSync(join(tmpdir(), 'tickerpress-next-'));
    writeFileSync(join(next, 'briefings'), 'a file now');
    mkdirSync(join(next, 'index.html'));
    writeFileSync(join(next, 'index.html', 'page'), 'a page');
    snapshot.store('inputs 2', 'code', facts, next);
    expect(snapshot.matching('inputs 2', new Date())?.files.map(([path]) => path)).toEqual([
      'briefings',
      'index.html/page',
    ]);
  });
});

describe('noteKeyAndCarry', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    const globals = buildGlobals();
    globals.carriable = undefined;
    globals.pageKeys = undefined;
    globals.carriedPages = undefined;
  });

  it('carries a page only when the kept site holds it for the same key, and notes every key', () => {
    const carryFile = join(mkdtempSync(join(tmpdir(), 'tickerpress-carry-')), 'carry.json');
    writeFileSync(carryFile, JSON.stringify({ keys: { '/briefings/a/': 'key a', '/briefings/b/': 'key b' } }));
    vi.stubEnv(CARRY_FROM, carryFile);
    expect(noteKeyAndCarry('/briefings/a/', 'key a')).toBe(true);
    expect(noteKeyAndCarry('/briefings/b/', 'key b, edited')).toBe(false);
    expect(noteKeyAndCarry('/briefings/c/', 'key c')).toBe(false);
    expect(buildGlobals().carriedPages).toEqual(['/briefings/a/']);
    expect(Object.fromEntries(buildGlobals().pageKeys ?? [])).toEqual({
      '/briefings/a/': 'key a',
      '/briefings/b/': 'key b, edited',
      '/briefings/c/': 'key c',
    });
  });

  it('carries nothing outside `npm run build`', () => {
    vi.stubEnv(CARRY_FROM, undefined);
    expect(noteKeyAndCarry('/briefings/a/', 'key a')).toBe(false);
  });
});

describe('the files a build hands Astro', () => {
  it('are removed when the build that wrote them was stopped, and left to a build still running', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tickerpress-site-cache-'));
    // A process that has ended: its files are left over from a kill.
    const ended = spawnSync(process.execPath, ['-e', '0']).pid ?? 0;
    // A process still running stands for another build under way.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    try {
      const stopped = buildFilesOf(dir, ended);
      const running = buildFilesOf(dir, other.pid ?? 0);
      for (const file of [stopped.carry, stopped.facts, running.carry, running.facts, join(dir, 'snapshot.json')]) {
        writeFileSync(file, '{}');
      }
      removeFilesOfStoppedBuilds(dir);
      expect(readdirSync(dir).sort()).toEqual(
        [`carry.${other.pid}.json`, `facts.${other.pid}.json`, 'snapshot.json'].sort(),
      );
    } finally {
      other.kill();
    }
  });
});
