/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { graphql, portalUrl, seriousViolations, watchPageErrors } from './portal';

const DEMO = { email: 'demo@northbridge.example', password: 'service-demo-2026' }; // printed by `npm start`
const BUDGET_KB = 30;

/** The public form's JavaScript, gzipped, from the last build's manifest: its entry and what it imports. */
function publicFormKb(): number {
  const dist = new URL('../dist/', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8')) as Record<
    string,
    { file: string; imports?: string[] }
  >;
  const files = new Set<string>();
  const collect = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) collect(imported);
  };
  collect('feedback.html');
  expect(files.size).toBeGreaterThan(0);
  const bytes = [...files]
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzipSync(readFileSync(new URL(file, dist))).length, 0);
  return bytes / 1024;
}

/**
 * A customer answers a client's feedback link on a phone (390 × 844), with the keyboard only, under LANG=C.UTF-8:
 * the page is the small public entry, not the portal, it is axe clean, the comment's markup is shown as text, and
 * the thank-you is announced in a live region.
 */
describe('a customer giving feedback on a phone', () => {
  const url = portalUrl();
  let browser: Browser;
  let consultant: Page;
  let linkUrl = '';

  beforeAll(async () => {
    browser = await launchBrowser({ lang: 'C.UTF-8' });
    consultant = await (await browser.newContext()).newPage();
    await consultant.goto(`${url}/sign-in`);
    await consultant.getByLabel('Email').fill(DEMO.email);
    await consultant.getByRole('button', { name: 'Continue' }).click();
    await consultant.getByLabel('Password').fill(DEMO.password);
    await consultant.getByRole('button', { name: 'Sign in' }).click();
    await consultant.waitForURL(`${url}/`);
    const clients = await graphql<{ clients: { edges: { node: { id: string } }[] } }>(
      consultant,
      'query { clients(first: 1) { edges { node { id } } } }',
    );
    const made = await graphql<{ createFeedbackLink: { feedbackLink: { url: string } } }>(
      consultant,
      'mutation ($clientId: ID!) { createFeedbackLink(input: { clientId: $clientId, kind: CSAT }) { feedbackLink { url } } }',
      { clientId: clients.clients.edges[0]!.node.id },
    );
    linkUrl = made.createFeedbackLink.feedbackLink.url;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it(`ships well under ${BUDGET_KB} KB of JavaScript, gzipped`, () => {
    expect(publicFormKb()).toBeLessThan(BUDGET_KB);
  });

  it('is answered with the keyboard alone, axe clean, and thanks the customer in a live region', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(linkUrl);
    const question = page.getByRole('group', {
      name: 'How satisfied are you with the service you received today?',
    });
    await question.waitFor();
    expect(await page.title()).toMatch(/^Your feedback for /);
    expect(await page.getAttribute('html', 'lang')).toBe('en-GB');
    expect(await seriousViolations(page)).toEqual([]);
    // Only the form's own script: not the portal's bundle.
    expect(scripts.filter((script) => !/\/assets\/(feedback|modulepreload-polyfill)-/.test(script))).toEqual(
      [],
    );

    // Sending without a score says so, in the alert region.
    // Tab: the score group (one stop), the comment, the button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Choose a score from 1 to 5.');

    // The focus is on the first score; arrows move along the group, Tab goes on to the comment.
    const focused = () =>
      page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? '');
    expect(await focused()).toBe('1');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('input[name="score"]:checked').getAttribute('value')).toBe('4');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!.nextElementSibling!).outlineStyle,
    );
    expect(outline).toBe('solid');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Friendly <b>and</b> quick');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('status').textContent(), { timeout: 20_000 })
      .toBe('Thank you: your feedback has been received.');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);

    const read = await graphql<{
      clients: { edges: { node: { feedbackComments: { comment: string }[] } }[] };
    }>(
      consultant,
      'query { clients(first: 1) { edges { node { feedbackComments(last: 1) { comment } } } } }',
    );
    expect(read.clients.edges[0]!.node.feedbackComments[0]?.comment).toBe('Friendly <b>and</b> quick');
    await context.close();
  });

  it('may be framed by the client’s site, unlike the portal', async () => {
    const page = await (await browser.newContext()).newPage();
    const response = await page.goto(linkUrl);
    expect(response?.headers()['content-security-policy']).toContain('frame-ancestors *');
    expect(response?.headers()['x-frame-options']).toBeUndefined();
  });
});
