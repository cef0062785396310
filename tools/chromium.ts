/**
 * Debian's Chromium driven by playwright-core, with the flags this closed network needs: one launcher for
 * the browser tests and the scripts that drive a browser (`measure:search`, `screenshots`).
 * `CHROMIUM_PATH` names another Chromium than `/usr/bin/chromium`.
 */
import { chromium, type Browser } from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
