/// <reference types="node" />
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Locator, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import {
  graphql,
  newAccount,
  portalUrl,
  screenshot,
  seriousViolations,
  signUpThroughEmail,
  watchPageErrors,
} from './portal';

interface Received {
  headers: Record<string, string>;
  body: string;
}

/** A receiving system on loopback (the product under test allows it), recording each delivery as it came. */
function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: flat(request.headers), body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('thanks, stored');
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}/hooks/service`, received });
    });
  });
}

function flat(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : (value ?? ''),
    ]),
  );
}

/** Presses the list's Refresh button until the delivery shows `status`: the worker sends in the background. */
async function refreshUntil(list: Locator, refresh: Locator, event: string, status: string) {
  const deadline = Date.now() + 30_000;
  const item = list.getByRole('listitem').filter({ hasText: event }).filter({ hasText: status });
  while (!(await item.count())) {
    if (Date.now() > deadline) throw new Error(`No ${status} “${event}” delivery after 30 s.`);
    // A click waits until the previous refresh has finished and the button is enabled again.
    await refresh.click();
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return item.first();
}

/**
 * An admin registers an endpoint of a receiving system, keeps the secret shown once, and sees a test event and a
 * real engagement event delivered, each signed so that a Standard Webhooks library accepts it.
 */
describe('webhooks, from registering an endpoint to a verified delivery', () => {
  const url = portalUrl();
  const admin = newAccount();
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let secret = '';

  beforeAll(async () => {
    receiver = await startReceiver();
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    pageErrors = watchPageErrors(page);
    await signUpThroughEmail(page, admin);
  });

  afterAll(async () => {
    await browser?.close();
    receiver?.server.closeAllConnections();
    await new Promise((resolve) => receiver?.server.close(resolve));
  });

  it('registers an endpoint and shows its signing secret once', async () => {
    await page.goto(`${url}/admin`);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.waitForURL(`${url}/admin/webhooks`);
    await page.getByText('No endpoints yet').waitFor();

    const form = page.getByRole('form', { name: 'Register an endpoint' });
    await form.getByLabel('Endpoint URL').fill(receiver.url);
    await form.getByLabel('Description (optional)').fill('Operations board');
    // No event chosen: the API's refusal lands on the events, and what was typed stays.
    await form.getByRole('button', { name: 'Register endpoint' }).click();
    await form.getByText('Choose at least one event.').waitFor();
    expect(await form.getByLabel('Endpoint URL').inputValue()).toBe(receiver.url);

    await form.getByRole('checkbox', { name: /An engagement moves to another status/ }).check();
    await form.getByRole('button', { name: 'Register endpoint' }).click();
    const shown = page.getByLabel('Signing secret');
    await shown.waitFor();
    secret = await shown.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByText('it won’t be shown again').waitFor();
    await page.getByRole('heading', { level: 3, name: receiver.url }).waitFor();
    await screenshot(page, 'webhooks-secret-once');

    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.reload();
    await page.getByRole('heading', { level: 3, name: receiver.url }).waitFor();
    expect(await page.getByLabel('Signing secret').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
  });

  it('sends a test event that arrives signed and shows as delivered', async () => {
    await page.getByRole('button', { name: `Send a test event to ${receiver.url}` }).click();
    await page.getByRole('status').getByText('Test event queued').waitFor();
    const list = page.getByRole('list', { name: `Deliveries to ${receiver.url}` });
    // No Refresh pressed: while a delivery is about to be sent, the list follows it by itself.
    const delivered = list
      .getByRole('listitem')
      .filter({ hasText: 'Test event' })
      .filter({ hasText: 'Delivered' });
    await delivered.waitFor({ timeout: 15_000 });

    await delivered.getByText(/^Attempts/).click();
    await delivered.getByText('answered 200').waitFor();
    await delivered.getByText('thanks, stored').waitFor();

    const test = receiver.received.find((r) => r.body.includes('"webhook.test"'));
    expect(test?.headers['webhook-signature']).toMatch(/^v1,/);
    expect(new Webhook(secret).verify(test!.body, test!.headers)).toMatchObject({ type: 'webhook.test' });
  });

  it('delivers a real engagement status change, and filters the list by status', async () => {
    const client = await graphql<{ createClient: { client: { id: string } } }>(
      page,
      'mutation { createClient(input: { name: "Northwind Ferries", industry: UTILITIES }) { client { id } } }',
    );
    const created = await graphql<{ createEngagement: { engagement: { id: string } } }>(
      page,
      'mutation ($id: ID!) { createEngagement(input: { clientId: $id, title: "Diagnostic", kind: DIAGNOSTIC }) { engagement { id } } }',
      { id: client.createClient.client.id },
    );
    await graphql(
      page,
      'mutation ($id: ID!) { changeEngagementStatus(input: { id: $id, status: ACTIVE }) { userErrors { message } } }',
      { id: created.createEngagement.engagement.id },
    );

    const list = page.getByRole('list', { name: `Deliveries to ${receiver.url}` });
    const refresh = page.getByRole('button', { name: `Refresh deliveries to ${receiver.url}` });
    await refreshUntil(list, refresh, 'An engagement moves to another status', 'Delivered');
    const change = receiver.received.find((r) => r.body.includes('"engagement.status_changed"'));
    expect(new Webhook(secret).verify(change!.body, change!.headers)).toMatchObject({
      type: 'engagement.status_changed',
      data: { from: 'PROPOSED', to: 'ACTIVE' },
    });

    await page.getByLabel('Show').selectOption('FAILED');
    await page.getByText('No failed deliveries').waitFor();
    await page.getByLabel('Show').selectOption('DELIVERED');
    const items = list.locator(':scope > li');
    await items.filter({ hasText: 'Test event' }).waitFor();
    expect(await items.count()).toBe(2);

    await screenshot(page, 'webhooks-deliveries');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('rotates the secret, changes the events, turns the endpoint off and deletes it', async () => {
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Rotate secret of ${receiver.url}` }).click();
    const rotate = page.getByRole('form', { name: `Rotate the signing secret of ${receiver.url}` });
    expect(await rotate.getByLabel(/Old secret keeps signing/).inputValue()).toBe('24');
    await rotate.getByRole('button', { name: 'Issue new secret' }).click();
    const rotated = await page.getByLabel('Signing secret', { exact: true }).inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await page.getByText(/signs until/).waitFor();
    await page.getByRole('button', { name: 'I have stored it' }).click();

    await page.getByRole('button', { name: `Change ${receiver.url}` }).click();
    const edit = page.getByRole('form', { name: `Change the endpoint ${receiver.url}` });
    await edit.getByRole('checkbox', { name: /An audit is published/ }).check();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.getByText('An audit is published to its client; An engagement moves').waitFor();

    await page.getByRole('button', { name: `Turn off ${receiver.url}` }).click();
    await page.getByRole('button', { name: `Turn on ${receiver.url}` }).waitFor();
    expect(
      await page.getByRole('button', { name: `Send a test event to ${receiver.url}` }).isDisabled(),
    ).toBe(true);
    await screenshot(page, 'webhooks-endpoint-off');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: `Delete ${receiver.url}` }).click();
    await page.getByText('No endpoints yet').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
