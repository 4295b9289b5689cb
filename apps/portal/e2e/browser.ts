import { chromium, type Browser } from 'playwright-core';

/**
 * The system's Chromium (Debian: `apt-get install chromium`), without a sandbox (containers run as root) and with
 * its background chatter off so runs are quiet and repeatable. Set CHROMIUM_PATH to use another build.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
