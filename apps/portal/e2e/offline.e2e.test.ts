import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { expectNoRouteError, portalUrl } from './portal';

const DEMO = { email: 'demo@northbridge.example', password: 'service-demo-2026' }; // printed by `npm start`
const BANNER = /^You are offline\. Pages you have opened still show/;

async function signIn(page: Page, url: string) {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((address) => !address.pathname.startsWith('/sign-in'));
}

/**
 * The portal offline, as an installed app meets it: the service worker (pwa.config.ts) serves the app shell, so a
 * page reloaded without a connection is the portal saying "you are offline", not the browser's own error page; a
 * change says it needs a connection; and none of the API's answers were kept in the service worker's caches.
 */
describe('the portal offline', () => {
  const url = portalUrl();
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const refused: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext();
    page = await context.newPage();
    // The worker and the manifest must pass the portal's Content-Security-Policy (worker-src, manifest-src).
    await page.exposeFunction('reportRefusal', (text: string) => refused.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { reportRefusal: (text: string) => void }).reportRefusal;
        report(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('links an installable manifest', async () => {
    const manifest = await (await page.request.get(`${url}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ name: 'Service Programme', display: 'standalone', start_url: '/' });
    const sizes = (manifest as { icons: { sizes: string }[] }).icons.map((icon) => icon.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });

  it('opens a page already visited without a connection, and says what needs one', async () => {
    await signIn(page, url);
    await expectNoRouteError(page);
    const clientPath = await page.locator('a[href^="/clients/"]').first().getAttribute('href');
    expect(clientPath).toBeTruthy();
    await page.goto(`${url}${clientPath}`);
    await expectNoRouteError(page);

    // The worker installs after the first load; once ready, a reload puts the page under its control.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expectNoRouteError(page);
    const status = page.locator('.offline-banner');
    expect(await status.count()).toBe(0);

    await context.setOffline(true);
    await expect.poll(() => status.textContent()).toMatch(BANNER);
    // A change needs the API: the form says so, and keeps what was typed.
    const workshop = page.getByRole('form', { name: 'Differentiation workshop' });
    await workshop.getByRole('button', { name: 'Save workshop' }).click();
    await expect
      .poll(() => workshop.getByRole('alert').first().textContent())
      .toMatch(/You are offline, so this was not saved\. Changes need a connection/);

    // A reload offline: the portal's own page from the worker's cache, not Chromium's "No internet".
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'You are offline' }).waitFor();
    expect(await status.textContent()).toMatch(BANNER);
    expect(await page.locator('main .lead').textContent()).toBe(
      'This page needs a connection to open. Try again once you are back online.',
    );

    await context.setOffline(false);
    await expect.poll(() => status.count()).toBe(0);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.waitForURL(`${url}${clientPath}`);
    await expectNoRouteError(page);
    expect(refused).toEqual([]);
  });

  it('keeps only the app shell in its caches: no answer of the API', async () => {
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys())
          urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    expect(cached).toContain('/index.html');
    expect(cached.filter((path) => /^\/(graphql|sso|exports|email|reports|feedback)/.test(path))).toEqual([]);
    expect(
      cached.every((path) => /^\/(index\.html|assets\/|favicon\.svg|icon-|manifest\.webmanifest)/.test(path)),
    ).toBe(true);
  });
});
