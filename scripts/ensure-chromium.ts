/**
 * Makes sure the browser tests have a Chromium: Debian's `chromium` package (Playwright's own browser
 * download does not work on these machines). Installs it with apt-get when running as root; otherwise
 * says what to run. `CHROMIUM_PATH` points at another binary.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseCommand } from '../tools/command-line.ts';

parseCommand({
  name: 'ensure-chromium',
  usage: 'node scripts/ensure-chromium.ts',
  description:
    "Makes sure the browser tests have a Chromium (npm test runs this before vitest): Debian's chromium package at /usr/bin/chromium, or the binary CHROMIUM_PATH names. When it is missing, installs it with apt-get if running as root, and otherwise says what to run. Takes no arguments.",
  options: {},
  notes:
    'Exit status: 0 Chromium is there (or was installed), 1 it is missing and cannot be installed here, 2 wrong usage.',
});

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

if (!existsSync(chromiumPath)) {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.error(
      `Browser tests need Chromium at ${chromiumPath}. Install it with "sudo apt-get install -y chromium", or set CHROMIUM_PATH.`,
    );
    process.exit(1);
  }
  console.log('Installing Chromium for the browser tests (apt-get install -y chromium)…');
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
