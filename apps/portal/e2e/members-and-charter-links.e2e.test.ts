import type { Browser, Locator, Page } from 'playwright-core';
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

const PASSWORD = 'a lantern in the harbour';
/**
 * A pointer drag as a person makes it: press on the handle, nudge so the browser starts the drag from there, then
 * travel to the target in steps and let go. With `dragTo`'s single jump, Chromium started the drag from the
 * element under the pointer after the jump (another promise's handle), so nothing moved.
 */
async function dragAndDrop(page: Page, source: Locator, target: Locator) {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('Both ends of the drag must be on screen.');
  const x = from.x + from.width / 2;
  const y = from.y + from.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 4, y + 4);
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.mouse.up();
}

const PROMISES = [
  'We answer within a minute',
  'We call back when we say we will',
  'We say sorry and mean it',
];

/**
 * An admin changes a member's role from the members list; a consultant links a charter promise to the audit
 * criteria that test it, and reorders the draft's promises by dragging them.
 */
describe('roles, promise links and drag reordering', () => {
  const url = portalUrl();
  const admin = newAccount();
  const stamp = Date.now().toString(36);
  const clientName = `Seaview Utilities ${stamp}`;
  let browser: Browser;
  let adminPage: Page;
  let consultant: Page;
  let consultantErrors: string[];
  let clientId = '';

  /** Invites a member as the admin and accepts in a browser context of their own, which is then signed in. */
  async function joinAs(role: 'CONSULTANT', name: string): Promise<Page> {
    const email = `${name.split(' ')[0]!.toLowerCase()}.${stamp}@seaview.example`;
    await graphql(
      adminPage,
      'mutation ($email: String!, $role: Role!) { inviteMember(input: { email: $email, role: $role }) { invitation { id } } }',
      { email, role },
    );
    // The invitation comes by mail: the token is read from the mailed link, as the invitee's browser would.
    const token = new URLSearchParams(
      new URL(await mailedLink(email, '/accept-invitation')).hash.slice(1),
    ).get('token');
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await graphql(
      page,
      'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { member { id } } }',
      { input: { token, name, password: PASSWORD } },
    );
    return page;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    adminPage = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signUpThroughEmail(adminPage, admin);
    const created = await graphql<{ createClient: { client: { id: string } } }>(
      adminPage,
      'mutation ($name: String!) { createClient(input: { name: $name, industry: UTILITIES }) { client { id } } }',
      { name: clientName },
    );
    clientId = created.createClient.client.id;
    consultant = await joinAs('CONSULTANT', 'Noor Haddad');
    consultantErrors = watchPageErrors(consultant);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lets the admin make a consultant the leader of a client, naming what is missing first', async () => {
    const member = await joinAs('CONSULTANT', 'Rowan Price');
    await adminPage.goto(`${url}/admin`);
    const form = adminPage.getByRole('form', { name: 'Role of Rowan Price' });
    await form.getByLabel('Role').selectOption('CLIENT_LEADER');
    // Saved without a client first: the API's refusal lands on the client picker.
    await form.getByRole('button', { name: 'Save role' }).click();
    await form.getByText('A client leader must belong to a client.').waitFor();
    expect(await form.getByLabel('Client').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Client').selectOption({ label: clientName });
    await form.getByRole('button', { name: 'Save role' }).click();
    await form.getByRole('status').getByText('Saved').waitFor();
    await screenshot(adminPage, 'admin-member-role');
    expect(await seriousViolations(adminPage)).toEqual([]);

    // The member's open session follows at once: they are now fenced to that client's programme.
    await member.goto(`${url}/`);
    await member.waitForURL(`${url}/programme`);
    await member.getByRole('heading', { level: 1, name: clientName }).waitFor();

    await adminPage.reload();
    const after = adminPage.getByRole('form', { name: 'Role of Rowan Price' });
    expect(await after.getByLabel('Role').inputValue()).toBe('CLIENT_LEADER');
    expect(await after.getByLabel('Client').inputValue()).toBe(clientId);
  });

  it('lets a consultant link a promise to audit criteria and shows the links', async () => {
    const started = await graphql<{ startCharterDraft: { version: { id: string; revision: number } } }>(
      consultant,
      'mutation ($id: ID!) { startCharterDraft(input: { clientId: $id }) { version { id revision } } }',
      { id: clientId },
    );
    const { id, revision } = started.startCharterDraft.version;
    await graphql(
      consultant,
      'mutation ($input: SaveCharterDraftInput!) { saveCharterDraft(input: $input) { version { id } } }',
      {
        input: {
          versionId: id,
          expectedRevision: revision,
          purposeStatement: {
            purpose: 'Keep homes warm and lit',
            why: 'because a household cannot wait on us',
            everythingElse: 'over the convenience of our own processes',
          },
          promises: PROMISES.map((title) => ({ title })),
        },
      },
    );
    await consultant.goto(`${url}/clients/${clientId}/charter`);
    const open = consultant.getByRole('button', { name: `Link criteria for “${PROMISES[1]}”` });
    await open.click();
    const picker = consultant.getByRole('form', { name: `Criteria that test “${PROMISES[1]}”` });
    await picker.getByLabel('Audit framework').selectOption('aeiou-values');
    const box = picker.getByRole('checkbox', {
      name: 'Small commitments to customers, such as call-backs and promised dates, are recorded and met.',
    });
    // By keyboard: focus the box and tick it with the space bar.
    await box.focus();
    await consultant.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
    await picker.getByRole('button', { name: 'Save links' }).click();
    await picker.waitFor({ state: 'detached' });
    const linked = consultant.getByRole('list', { name: `Criteria linked to “${PROMISES[1]}”` });
    await linked.getByText('Small commitments to customers').waitFor();
    expect(await linked.textContent()).toContain('A-E-I-O-U service values');
    await screenshot(consultant, 'charter-promise-links');
    expect(await seriousViolations(consultant)).toEqual([]);

    await consultant.reload();
    await consultant
      .getByRole('list', { name: `Criteria linked to “${PROMISES[1]}”` })
      .getByText('Small commitments to customers')
      .waitFor();
  });

  it('reorders the draft’s promises by drag and drop, and saves the new order', async () => {
    await consultant.goto(`${url}/clients/${clientId}/charter`);
    const title = (n: number) => consultant.getByRole('textbox', { name: `Promise ${n}`, exact: true });
    expect(await title(1).inputValue()).toBe(PROMISES[0]);
    // Tall enough for the first and the last promise to be on screen together, as the pointer needs.
    await consultant.setViewportSize({ width: 1280, height: 2400 });
    await consultant.locator('.promise-editors').evaluate((list) => list.scrollIntoView({ block: 'start' }));
    await dragAndDrop(
      consultant,
      consultant.getByTestId('drag-promise-3'),
      consultant.locator('.promise-editors > li').first(),
    );
    expect([await title(1).inputValue(), await title(2).inputValue(), await title(3).inputValue()]).toEqual([
      PROMISES[2],
      PROMISES[0],
      PROMISES[1],
    ]);
    await consultant.getByRole('button', { name: 'Save draft' }).click();
    await consultant.getByRole('status').getByText('Draft saved.').waitFor();
    await consultant.reload();
    expect(await title(1).inputValue()).toBe(PROMISES[2]);
    expect(consultantErrors).toEqual([]);
  });
});
