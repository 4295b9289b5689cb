import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { expectNoRouteError, portalUrl, watchPageErrors } from './portal';

/**
 * The portal under its Content-Security-Policy (apps/api/src/core/http/security-headers.ts): every page of the
 * demo consultancy works with nothing refused, and another site cannot frame the signed-in portal (clickjacking).
 */
const DEMO = { email: 'demo@northbridge.example', password: 'service-demo-2026' }; // printed by `npm start`

describe('the portal under its security headers', () => {
  const url = portalUrl();
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const refused: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    errors = watchPageErrors(page);
    // Every refusal, whether or not the browser also prints it.
    await page.exposeFunction('reportRefusal', (text: string) => refused.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { reportRefusal: (text: string) => void }).reportRefusal;
        report(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await page.goto(`${url}/sign-in`);
    await page.getByLabel('Email').fill(DEMO.email);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Password').fill(DEMO.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${url}/`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows every main page of a consultancy with nothing refused', async () => {
    await expectNoRouteError(page);
    const clientLink = page.locator('a[href^="/clients/"]').first();
    const clientPath = await clientLink.getAttribute('href');
    const paths = ['/actions', '/admin', '/admin/api-keys', '/admin/webhooks', '/admin/single-sign-on'];
    if (clientPath) paths.push(clientPath, `${clientPath}/charter`, `${clientPath}/hiring`);
    for (const path of paths) {
      await page.goto(`${url}${path}`);
      await expectNoRouteError(page);
      await page.waitForLoadState('networkidle');
      // The audit and role-profile pages are reached from the client's pages.
      for (const prefix of ['/audits/', '/hiring/']) {
        const link = await page
          .locator(`a[href^="${prefix}"]`)
          .first()
          .getAttribute('href', { timeout: 500 })
          .catch(() => null);
        if (link && !paths.includes(link)) paths.push(link);
      }
    }
    expect(clientPath).toBeTruthy();
    expect(paths.some((path) => path.startsWith('/audits/'))).toBe(true);
    expect(paths.some((path) => path.startsWith('/hiring/'))).toBe(true);
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('cannot be framed by another page', async () => {
    const framer = await (await browser.newContext()).newPage();
    const framed = watchPageErrors(framer);
    await framer.setContent(`<iframe src="${url}/" width="800" height="600"></iframe>`);
    await framer.waitForTimeout(1000);
    const frame = framer.frames().find((candidate) => candidate !== framer.mainFrame());
    // The browser shows its own error page in the frame: the portal's root element never appears there.
    const portalInFrame = await frame
      ?.locator('#root')
      .count()
      .catch(() => 0);
    expect(portalInFrame ?? 0).toBe(0);
    expect(framed.join('\n')).toMatch(/frame-ancestors|X-Frame-Options|refused to connect/i);
  });
});
