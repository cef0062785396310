/**
 * `npm run screenshots -- --out DIR` into a temporary folder: it builds the sample site, and writes each
 * picture as a PNG of the size its help names, the dark briefing dark and the light one light. The pictures
 * committed in docs/images/ are not compared: they change whenever a page's look does.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, PROJECT_ROOT } from '../helpers/site-build.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PICTURES = [
  ['briefing.png', 1280, 800],
  ['briefing-dark.png', 1280, 800],
  ['search.png', 1280, 800],
  ['card.png', 1200, 630],
] as const;

let out: string;
let log: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'tickerpress-screenshots-test-'));
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['scripts/screenshots.ts', '--out', out], {
    cwd: PROJECT_ROOT,
    env: childEnv({}),
    timeout: 200_000,
  });
  log = stdout + stderr;
}, 240_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

/** The mean of a picture's red, green and blue, 0 (black) to 255 (white). */
async function brightness(name: string): Promise<number> {
  const { channels } = await sharp(join(out, name)).stats();
  return channels.slice(0, 3).reduce((sum, channel) => sum + channel.mean, 0) / 3;
}

describe('npm run screenshots', () => {
  it('writes the four pictures into --out, and names each', () => {
    expect(readdirSync(out).sort()).toEqual(PICTURES.map(([name]) => name).sort());
    for (const [name] of PICTURES) expect(log).toContain(join(out, name));
  });

  it.each(PICTURES)('%s is a PNG of %i×%i pixels', async (name, width, height) => {
    const bytes = readFileSync(join(out, name));
    expect(bytes.subarray(0, PNG_SIGNATURE.length)).toEqual(PNG_SIGNATURE);
    const metadata = await sharp(bytes).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', width, height]);
  });

  it('shows the briefing in the light scheme light and in the dark scheme dark', async () => {
    expect(await brightness('briefing.png')).toBeGreaterThan(180);
    expect(await brightness('briefing-dark.png')).toBeLessThan(80);
  });
});
