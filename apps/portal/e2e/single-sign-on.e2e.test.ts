import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { startTxtServer, type TxtServer } from './dns-server';
import { startOidcProvider, type ProviderPerson, type TestOidcProvider } from './oidc-provider';
import { portalUrl, screenshot, seriousViolations } from './portal';

const DEMO = { email: 'demo@northbridge.example', password: 'service-demo-2026' }; // printed by `npm start`

/**
 * Single sign-on end to end: the demo admin connects an OpenID Connect provider (oidc-provider, in this process),
 * proves a domain through a TXT record (a DNS server in this process, where the product looks: e2e/product.ts),
 * maps a group to a role and signs out; then a person of that domain signs in from the portal's sign-in page
 * through the provider's own login and consent pages, arrives as a new consultant, and signs out at the provider
 * too. Each run has its own domain, so runs never collide.
 */
describe('signing in through an organisation’s identity provider', () => {
  const url = portalUrl();
  const dnsPort = inject('ssoDnsPort');
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const domain = `sso-${stamp}.test`;
  const connectionName = `Harbour Identity ${stamp}`;
  const ana: ProviderPerson = {
    login: 'ana',
    email: `ana@${domain}`,
    name: 'Ana Lima',
    groups: ['everyone', 'consultants'],
  };
  let provider: TestOidcProvider;
  let dns: TxtServer;
  let browser: Browser;
  let page: Page;
  const portalErrors: string[] = [];

  beforeAll(async () => {
    if (!dnsPort)
      throw new Error('Set SSO_DNS_PORT to the port of the product’s SSO_DNS_SERVERS (127.0.0.1).');
    provider = await startOidcProvider(url, [ana]);
    dns = await startTxtServer(dnsPort);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Only this machine: the provider's development pages ask for a web font we neither need nor may fetch.
    await context.route(
      (address) => !['127.0.0.1', 'localhost'].includes(address.hostname),
      (route) => route.abort(),
    );
    page = await context.newPage();
    // The portal's own errors; the provider's pages are not ours to judge.
    page.on('pageerror', (error) => portalErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && page.url().startsWith(url)) portalErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await provider?.close();
    await dns?.close();
  });

  const card = (): Locator => page.getByRole('region', { name: connectionName });

  async function signInAsDemoAdmin() {
    await page.goto(`${url}/sign-in`);
    await page.getByLabel('Email').fill(DEMO.email);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Password').fill(DEMO.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${url}/`);
  }

  it('takes the demo admin from the admin area to the Single sign-on page', async () => {
    await signInAsDemoAdmin();
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('link', { name: 'Single sign-on' }).click();
    await page.getByRole('heading', { level: 1, name: 'Single sign-on' }).waitFor();
    await page.getByRole('heading', { name: 'Access requests' }).waitFor();
  });

  it('adds an OpenID Connect connection, and shows what to enter at the provider', async () => {
    const form = page.getByRole('form', { name: 'Add an OpenID Connect connection' });
    await form.getByLabel('Name').fill(connectionName);
    await form.getByLabel('Issuer URL').fill(provider.issuer);
    await form.getByLabel('Client ID').fill(provider.clientId);
    await form.getByLabel('Client secret (optional)').fill(provider.clientSecret);
    await form.getByLabel('Groups claim (optional)').fill('groups');
    await form.getByRole('button', { name: 'Add connection' }).click();
    await page.getByText(`Connection “${connectionName}” added.`).waitFor();
    await card().waitFor();
    expect(await card().getByLabel('Redirect URI', { exact: true }).inputValue()).toBe(
      `${url}/sso/oidc/callback`,
    );
    expect(await card().getByLabel('Post-logout redirect URI', { exact: true }).inputValue()).toBe(
      `${url}/sign-in?signedOut=1`,
    );
  });

  it('proves the domain by its TXT record, after saying when it is not there yet', async () => {
    const add = card().getByRole('form', { name: `Add a domain to ${connectionName}` });
    await add.getByLabel('Email domain').fill(domain);
    await add.getByRole('button', { name: 'Add domain' }).click();
    await card().getByText('Not verified yet').waitFor();

    const verify = card().getByRole('button', { name: `Verify ${domain} now` });
    await verify.click();
    await card()
      .getByRole('alert')
      .getByText(/No TXT record .* was found/)
      .waitFor();

    const name = await card().getByLabel('TXT record name', { exact: true }).inputValue();
    const value = await card().getByLabel('TXT record value', { exact: true }).inputValue();
    expect(name).toBe(`_csp-verification.${domain}`);
    dns.publish(name, value);
    await verify.click();
    await card()
      .getByText(/^Verified /)
      .waitFor();
    expect(await card().getByText('Not verified yet').count()).toBe(0);
  });

  it('gives the provider’s consultants group the consultant role', async () => {
    const mappings = card().getByRole('form', { name: `Role mappings of ${connectionName}` });
    await mappings.getByRole('button', { name: 'Add a mapping' }).click();
    await mappings.getByLabel('Group', { exact: true }).fill('consultants');
    await mappings.getByLabel('Role', { exact: true }).selectOption('CONSULTANT');
    await mappings.getByRole('button', { name: 'Save role mappings' }).click();
    await mappings.getByRole('status').getByText('Saved.').waitFor();
    await screenshot(page, 'single-sign-on-connection');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('signs the admin out to the signed-out note', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${url}/sign-in?signedOut=1`);
    expect(await page.getByRole('status').textContent()).toBe('You have signed out. See you soon.');
  });

  it('sends a person of the domain to the provider, and brings her back signed in as a new consultant', async () => {
    await page.getByLabel('Email').fill(ana.email);
    await page.getByRole('button', { name: 'Continue' }).click();
    const onward = page.getByRole('button', { name: `Continue to ${connectionName}` });
    await onward.waitFor();
    expect(await page.getByLabel('Password').count()).toBe(0);
    await screenshot(page, 'sign-in-single-sign-on');
    expect(await seriousViolations(page)).toEqual([]);
    await onward.click();

    await page.waitForURL((address) => address.href.startsWith(`${provider.issuer}/interaction/`));
    await page.locator('input[name="login"]').fill(ana.login);
    await page.locator('input[name="password"]').fill('any password: the provider’s development login');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    // The provider asks once whether the portal may have her email and profile.
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.waitForURL(`${url}/`);
    expect(await page.locator('.member-name').textContent()).toBe(ana.name);
    expect(await page.locator('.member-role').textContent()).toBe('Consultant');
    expect(await page.getByRole('link', { name: 'Admin' }).count()).toBe(0);
  });

  it('signs her out at the provider too, then shows the signed-out note', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((address) => address.href.startsWith(`${provider.issuer}/session/end`));
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${url}/sign-in?signedOut=1`);
    expect(await page.getByRole('status').textContent()).toBe('You have signed out. See you soon.');
    await page.goto(`${url}/`);
    await page.waitForURL(`${url}/sign-in`);
  });

  it('lets the admin remove the domain and the connection, each after asking', async () => {
    await signInAsDemoAdmin();
    await page.goto(`${url}/admin/single-sign-on`);
    await card().waitFor();
    const questions: string[] = [];
    page.on('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.accept();
    });
    await card()
      .getByRole('button', { name: `Remove the domain ${domain}` })
      .click();
    await card().getByText('No domains yet').waitFor();
    await card()
      .getByRole('button', { name: `Remove the connection ${connectionName}` })
      .click();
    await card().waitFor({ state: 'detached' });
    expect(questions).toHaveLength(2);
    expect(questions[0]).toContain('back to signing in with passwords');
    expect(portalErrors).toEqual([]);
  });
});
