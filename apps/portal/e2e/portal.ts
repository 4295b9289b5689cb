/// <reference types="node" />
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Industry } from '@csp/domain';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { launchBrowser, type LaunchOptions } from './browser';

/** Where the product under test is served: PORTAL_URL, or the one e2e/product.ts started for this run. */
export function portalUrl(): string {
  return inject('portalUrl').replace(/\/$/, '');
}

const ARTIFACTS = new URL('../artifacts/', import.meta.url);

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname, fullPage: true });
}

/** The page's serious and critical accessibility violations, as `rule: target, target` lines (empty is good). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

/** A fresh consultancy and admin for each run, so runs never collide. */
export function newAccount() {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return {
    consultancyName: `Harbour Service Partners ${stamp}`,
    name: 'Ava Patel',
    email: `ava.${stamp}@harbour.example`,
    password: 'kind words travel far',
  };
}

/**
 * The link of the latest mail the product sent to this address, read from its console (it prints each mail it
 * would send outside production). With PORTAL_URL, set PRODUCT_LOG to a file that holds that product's output.
 * `otherThan` waits for a newer link than one already followed (an invitation sent again).
 */
export async function mailedLink(
  email: string,
  path: string,
  options: { otherThan?: string } = {},
): Promise<string> {
  const log = inject('productLog');
  if (!log) throw new Error('Set PRODUCT_LOG to the product’s console output, to follow the links it mails.');
  const prefix = `mail to ${email.toLowerCase()}: `;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    // Only whole lines: the last one may still be arriving.
    const lines = (existsSync(log) ? readFileSync(log, 'utf8') : '').split('\n').slice(0, -1);
    const line = lines.filter((text) => text.startsWith(prefix)).at(-1);
    const link = line
      ?.split(/\s+/)
      .find((word) => word.startsWith('http') && new URL(word).pathname === path);
    if (link && link !== options.otherThan) return link;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No mail with a ${path} link reached ${email} within 15 s.`);
}

/** Signs a new consultancy up the way a person does: the form, the mailed link, the password again; ends home. */
export async function signUpThroughEmail(page: Page, account: ReturnType<typeof newAccount>): Promise<void> {
  await page.goto(`${portalUrl()}/sign-up`);
  await page.getByLabel('Consultancy name').fill(account.consultancyName);
  await page.getByLabel('Your name').fill(account.name);
  await page.getByLabel('Work email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
  await page.goto(await mailedLink(account.email, '/sign-up/confirm'));
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Create account and sign in' }).click();
  await page.waitForURL(`${portalUrl()}/`);
}

/** Calls the API with the page's own session cookie, to set up what the portal cannot create yet. */
export async function graphql<T>(
  page: Page,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await page.request.post(`${portalUrl()}/graphql`, {
    data: { query, variables },
    headers: { origin: portalUrl() },
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data || body.errors?.length) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Collects uncaught errors and console errors in the page, so a test can insist there were none. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** Fails when the app's error page (app/RouteError.tsx) stands where the page should be, saying what it says. */
export async function expectNoRouteError(page: Page): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 }).first();
  await heading.waitFor();
  const title = (await heading.textContent()) ?? '';
  if (!/^(Something went wrong|We could not reach Service Programme)/.test(title)) return;
  const lead = await page.locator('main .lead').first().textContent();
  expect.fail(`The page shows the error page instead: "${title}: ${lead ?? ''}"`);
}

/** What `startWithClient` sets up: the browser, the signed-in consultant's page and its errors, and the client. */
export interface ConsultantWithClient {
  browser: Browser;
  consultant: Page;
  /** The consultant page's uncaught and console errors (`watchPageErrors`), for a test to insist on none. */
  errors: string[];
  clientId: string;
}

/**
 * The start of a browser test about one client: Chromium, a page (1280×900 unless `context` says otherwise) whose
 * errors are watched, a new consultancy signed up through the mailed link as a person does, and a client of theirs
 * created through the API. The test closes `browser` in its afterAll.
 */
export async function startWithClient(options: {
  account: ReturnType<typeof newAccount>;
  clientName: string;
  industry: Industry;
  launch?: LaunchOptions;
  context?: BrowserContextOptions;
}): Promise<ConsultantWithClient> {
  const browser = await launchBrowser(options.launch);
  const consultant = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options.context })
  ).newPage();
  const errors = watchPageErrors(consultant);
  await signUpThroughEmail(consultant, options.account);
  const created = await graphql<{ createClient: { client: { id: string } } }>(
    consultant,
    'mutation ($name: String!, $industry: Industry!) { createClient(input: { name: $name, industry: $industry }) { client { id } } }',
    { name: options.clientName, industry: options.industry },
  );
  return { browser, consultant, errors, clientId: created.createClient.client.id };
}
