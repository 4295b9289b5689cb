import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { mailedLink, newAccount, portalUrl, screenshot, seriousViolations, watchPageErrors } from './portal';

/**
 * One consultancy's first visit, in order: a refused sign-up, a real one confirmed from the mailed link, home,
 * sign out, sign in again; then the used link, and a second sign-up with the same email that looks like any other.
 * Each step leaves a screenshot in artifacts/.
 */
describe('signing up, out and in again', () => {
  const url = portalUrl();
  const account = newAccount();
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];
  let confirmLink = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    pageErrors = watchPageErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sends a signed-out visitor from home to sign in', async () => {
    await page.goto(`${url}/`);
    await page.waitForURL(`${url}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('shows a too-short password error next to the password input, keeping what was typed', async () => {
    await page.goto(`${url}/sign-up`);
    await page.getByLabel('Consultancy name').fill(account.consultancyName);
    await page.getByLabel('Your name').fill(account.name);
    await page.getByLabel('Work email').fill(account.email);
    await page.getByLabel('Password').fill('too short');
    await page.getByRole('button', { name: 'Create account' }).click();

    const password = page.getByLabel('Password');
    await page.locator('[aria-invalid="true"]').waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
    expect(errorId).toBeTruthy();
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toMatch(/at least 10 characters/i);
    expect(await page.getByLabel('Consultancy name').inputValue()).toBe(account.consultancyName);
    await screenshot(page, 'sign-up-password-too-short');
  });

  it('sends a confirmation link instead of signing in at once', async () => {
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe(`We sent a link to ${account.email}.`);
    await screenshot(page, 'sign-up-check-inbox');
    expect(await seriousViolations(page)).toEqual([]);
    confirmLink = await mailedLink(account.email, '/sign-up/confirm');
    expect(confirmLink).toMatch(new RegExp(`^${url}/sign-up/confirm#token=csu_`));
  });

  it('asks for the password chosen at sign-up when the link is opened', async () => {
    await page.goto(confirmLink);
    await page.getByRole('heading', { name: 'Finish creating your account' }).waitFor();
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Create account and sign in' }).click();
    await page.locator('[aria-invalid="true"]').waitFor();
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'sign-up-confirm-wrong-password');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('creates the account and lands home with the consultancy named', async () => {
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Create account and sign in' }).click();
    await page.waitForURL(`${url}/`);
    await page.getByRole('heading', { level: 1, name: account.consultancyName }).waitFor();
    expect(await page.locator('.member-name').textContent()).toBe(account.name);
    await page.getByText('No clients yet').waitFor();
    await screenshot(page, 'home-laptop');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps a signed-in member away from the sign-in page', async () => {
    await page.goto(`${url}/sign-in`);
    await page.waitForURL(`${url}/`);
    await page.getByRole('heading', { level: 1, name: account.consultancyName }).waitFor();
  });

  it('lays home out for a tablet', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await screenshot(page, 'home-tablet');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('signs out, and home is closed again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${url}/sign-in?signedOut=1`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe('You have signed out. See you soon.');
    await screenshot(page, 'sign-in');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${url}/`);
    await page.waitForURL(`${url}/sign-in`);
  });

  it('refuses a wrong password under the password input', async () => {
    await page.getByLabel('Email').fill(account.email);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[aria-invalid="true"]').waitFor();
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Email').inputValue()).toBe(account.email);
    await screenshot(page, 'sign-in-wrong-password');
  });

  it('signs in again and sees the same consultancy', async () => {
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${url}/`);
    await page.getByRole('heading', { level: 1, name: account.consultancyName }).waitFor();
  });

  it('tells a visitor who opens the used link that the account exists, and sends them to sign in', async () => {
    const visitor = await browser.newContext();
    const other = await visitor.newPage();
    await other.goto(confirmLink);
    await other.getByLabel('Password').fill(account.password);
    await other.getByRole('button', { name: 'Create account and sign in' }).click();
    expect(await other.getByRole('alert').textContent()).toMatch(/already used/);
    await screenshot(other, 'sign-up-confirm-used-link');
    await other.getByRole('link', { name: 'Go to sign in' }).click();
    await other.waitForURL(`${url}/sign-in`);
    await visitor.close();
  });

  it('answers a second sign-up with the same email exactly like a first one', async () => {
    const visitor = await browser.newContext();
    const other = await visitor.newPage();
    await other.goto(`${url}/sign-up`);
    await other.getByLabel('Consultancy name').fill('Someone Else Ltd');
    await other.getByLabel('Your name').fill('Eve');
    await other.getByLabel('Work email').fill(account.email.toUpperCase());
    await other.getByLabel('Password').fill('another long password');
    await other.getByRole('button', { name: 'Create account' }).click();
    await other.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    expect(await other.getByRole('status').textContent()).toBe(
      `We sent a link to ${account.email.toUpperCase()}.`,
    );
    // Only the mailbox learns the difference: its mail says to sign in, and carries no sign-up link.
    expect(await mailedLink(account.email, '/sign-in')).toBe(`${url}/sign-in`);
    await visitor.close();
    expect(pageErrors).toEqual([]);
  });
});
