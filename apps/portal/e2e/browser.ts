/// <reference types="node" />
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

/** Our own switches: background chatter off, so runs are quiet and repeatable. */
const QUIET = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Switches of @sparticuz/chromium we leave out. Playwright passes its own headless switch, and its own
 * --disable-features/--enable-features lists, which a second copy would replace (Chromium keeps the last of a
 * repeated switch). The two that loosen web security would let the tests pass where a real browser refuses.
 * --single-process is for AWS Lambda; here it leaves a second browser context's pages stuck (the client leader's
 * page in programme.e2e.test.ts never got past accepting the invitation).
 */
const LEFT_OUT = [
  '--headless',
  '--disable-features',
  '--enable-features',
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--single-process',
];

export function chromiumArgs(packaged: readonly string[]): string[] {
  const kept = packaged.filter((arg) => !LEFT_OUT.some((left) => arg === left || arg.startsWith(`${left}=`)));
  return [...new Set([...kept, ...QUIET])];
}

export interface LaunchOptions {
  /**
   * LANG of the browser process, which is where Chromium takes the page's `navigator.language` from:
   * `C.UTF-8` gives `en-US@posix`, a tag Intl rejects. Unset: the test run's own LANG.
   */
  lang?: string;
}

/**
 * Headless Chromium: CHROMIUM_PATH when set, otherwise the build shipped in the npm package @sparticuz/chromium
 * (unpacked into the temp folder on first use), so the tests need nothing installed on the machine.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || (await sparticuz.executablePath());
  return chromium.launch({
    executablePath,
    headless: true,
    args: chromiumArgs(sparticuz.args),
    env: options.lang ? { ...process.env, LANG: options.lang, LC_ALL: options.lang } : undefined,
  });
}
