import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import {
  graphql,
  mailedLink,
  newAccount,
  portalUrl,
  screenshot,
  seriousViolations,
  signUpThroughEmail,
  watchPageErrors,
} from './portal';

interface Invited {
  inviteMember: { invitation: { id: string } | null; userErrors: { field: string; message: string }[] };
}

/**
 * A consultancy admin invites the leader of one of its clients; the invitation is mailed to the leader (the admin
 * never sees the link), the admin sends it again from the admin page, and the leader opens the newest mailed link
 * in their own browser, sets a name and password, and lands on a home page that names their organisation.
 */
describe('accepting an invitation as a client leader', () => {
  const url = portalUrl();
  const admin = newAccount();
  const clientName = `Lighthouse Energy ${Date.now().toString(36)}`;
  let browser: Browser;
  let leader: Page;
  const leaderEmail = `lee.${Date.now().toString(36)}@lighthouse.example`;
  let firstLink: string;
  let link: string;
  let leaderErrors: string[];
  let adminPage: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    adminPage = await (await browser.newContext()).newPage();
    await signUpThroughEmail(adminPage, admin);

    const created = await graphql<{ createClient: { client: { id: string } | null } }>(
      adminPage,
      'mutation ($name: String!) { createClient(input: { name: $name, industry: UTILITIES }) { client { id } } }',
      { name: clientName },
    );
    const clientId = created.createClient.client?.id;
    await adminPage.reload();
    await adminPage.getByRole('rowheader', { name: clientName }).waitFor();
    await screenshot(adminPage, 'home-with-clients');
    expect(await seriousViolations(adminPage)).toEqual([]);
    const invited = await graphql<Invited>(
      adminPage,
      `
        mutation ($email: String!, $clientId: ID) {
          inviteMember(input: { email: $email, role: CLIENT_LEADER, clientId: $clientId }) {
            invitation {
              id
            }
            userErrors {
              field
              message
            }
          }
        }
      `,
      { email: leaderEmail, clientId },
    );
    expect(invited.inviteMember.userErrors).toEqual([]);
    firstLink = await mailedLink(leaderEmail, '/accept-invitation');
    leader = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    leaderErrors = watchPageErrors(leader);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('creates an API key and shows its secret only once', async () => {
    await adminPage.goto(`${url}/admin/api-keys`);
    await adminPage.getByLabel('Name', { exact: true }).fill('BI tool');
    await adminPage.getByLabel('Read clients and their differentiation workshops').check();
    await adminPage.getByRole('button', { name: 'Create key' }).click();
    const secret = await adminPage.getByLabel('Secret', { exact: true }).inputValue();
    expect(secret).toMatch(/^csp_/);
    expect(await seriousViolations(adminPage)).toEqual([]);
    await adminPage.reload();
    await adminPage.getByText('BI tool').first().waitFor();
    expect(await adminPage.content()).not.toContain(secret);
  });

  it('lets the admin send the invitation again, with a new link that replaces the first', async () => {
    await adminPage.goto(`${url}/admin`);
    await adminPage.getByRole('button', { name: `Send the invitation for ${leaderEmail} again` }).click();
    await adminPage.getByText(`Sent again to ${leaderEmail}`).waitFor();
    expect(await adminPage.content()).not.toContain('#token=');
    expect(await seriousViolations(adminPage)).toEqual([]);
    link = await mailedLink(leaderEmail, '/accept-invitation', { otherThan: firstLink });
    const first = await (await browser.newContext()).newPage();
    await first.goto(firstLink);
    await first.getByText('This invitation link is not valid any more').waitFor();
  });

  it('says the link is unusable when it carries no valid token', async () => {
    await leader.goto(`${url}/accept-invitation#token=not-a-real-token`);
    await leader.getByText('This invitation link is not valid any more').waitFor();
  });

  it('shows who invited them, then signs them in to their organisation', async () => {
    expect(new URL(link).pathname).toBe('/accept-invitation');
    await leader.goto(link);
    await leader.getByText(admin.consultancyName).first().waitFor();
    expect(await leader.locator('.facts').textContent()).toContain(clientName);
    await screenshot(leader, 'accept-invitation');
    expect(await seriousViolations(leader)).toEqual([]);

    await leader.getByLabel('Your name').fill('Lee Okafor');
    await leader.getByLabel('Choose a password').fill('a steady light on the shore');
    await leader.getByRole('button', { name: 'Accept and sign in' }).click();
    await leader.waitForURL(`${url}/programme`);
    await leader.getByRole('heading', { level: 1, name: clientName }).waitFor();
    expect(await leader.locator('.member-name').textContent()).toBe('Lee Okafor');
    await screenshot(leader, 'home-client-leader');
    expect(leaderErrors).toEqual([]);
  });

  it('does not accept the same invitation twice', async () => {
    const other = await (await browser.newContext()).newPage();
    await other.goto(link);
    await other.getByText('This invitation link is not valid any more').waitFor();
  });
});
