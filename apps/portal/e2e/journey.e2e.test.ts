/// <reference types="node" />
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import {
  expectNoRouteError,
  graphql,
  mailedLink,
  newAccount,
  portalUrl,
  screenshot,
  seriousViolations,
  signUpThroughEmail,
  watchPageErrors,
} from './portal';

const STAGE = 'Asking for help';
const FIRST = 'Help line';
const SECOND = 'Web chat <b>now</b>';

/** The names of a stage's cards, top to bottom (each card's link or title). */
async function cardNames(stage: Locator): Promise<string[]> {
  return stage.locator('.journey-card .item-title').allTextContents();
}

/**
 * A consultant maps a client's journey in the editor: adds a stage and two touch points, moves one with Alt+Arrow
 * (the live region says where it went) and one by dragging, marks a moment of truth, reloads and finds the order
 * and the flag kept. The client's leader then sees the same journey on their programme, without a way to change it.
 */
describe('the journey editor, from an empty journey to the leader’s programme', () => {
  const url = portalUrl();
  const account = newAccount();
  const stamp = Date.now().toString(36);
  const clientName = `Harbourline Bank ${stamp}`;
  const leaderEmail = `rene.${stamp}@harbourline.example`;
  let browser: Browser;
  let consultant: Page;
  let errors: string[];
  let clientId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    consultant = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    errors = watchPageErrors(consultant);
    await signUpThroughEmail(consultant, account);
    const created = await graphql<{ createClient: { client: { id: string } } }>(
      consultant,
      'mutation ($name: String!) { createClient(input: { name: $name, industry: BANKING_FINANCE }) { client { id } } }',
      { name: clientName },
    );
    clientId = created.createClient.client.id;
  });

  afterAll(async () => {
    await browser?.close();
  });

  const journey = () => consultant.getByRole('region', { name: 'Customer journey' });
  const stage = () => journey().getByRole('listitem', { name: STAGE, exact: true });

  it('adds a stage and two touch points', async () => {
    await consultant.goto(`${url}/clients/${clientId}`);
    await expectNoRouteError(consultant);
    await journey().getByText('No journey mapped yet').waitFor();

    const newStage = journey().getByRole('form', { name: 'New stage' });
    await newStage.getByLabel('New stage').fill(STAGE);
    await newStage.getByRole('button', { name: 'Add stage' }).click();
    await stage().waitFor();

    for (const [name, channel, team] of [
      [FIRST, 'PHONE', 'Contact centre'],
      [SECOND, 'CHAT', 'Digital service'],
    ] as const) {
      const form = stage().getByRole('form', { name: 'New touch point' });
      await form.getByLabel('Touch point').fill(name);
      await form.getByLabel('Channel').selectOption(channel);
      await form.getByLabel('Owning team').fill(team);
      await form.getByRole('button', { name: 'Add touch point' }).click();
      await stage().locator('.journey-card', { hasText: name }).waitFor();
    }
    // Markup in a name is text, never markup.
    expect(await stage().locator('.journey-card b').count()).toBe(0);
    expect(await cardNames(stage())).toEqual([FIRST, SECOND]);
    expect(await seriousViolations(consultant)).toEqual([]);
  });

  it('moves a touch point with Alt+Arrow and says where it went', async () => {
    const card = stage().getByRole('listitem', { name: FIRST, exact: true });
    await card.focus();
    await consultant.keyboard.press('Alt+ArrowDown');
    const status = journey().getByRole('status');
    await expect.poll(() => status.textContent()).toBe(`${FIRST} moved to ${STAGE}, position 2 of 2.`);
    await expect.poll(() => cardNames(stage())).toEqual([SECOND, FIRST]);
    // Focus follows the card to its new place, so the next press moves it again.
    await expect
      .poll(() => consultant.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(FIRST);
    await consultant.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => status.textContent()).toBe(`${FIRST} cannot move further that way.`);
    expect(await cardNames(stage())).toEqual([SECOND, FIRST]);
  });

  it('moves a touch point by drag and drop', async () => {
    const help = stage().getByRole('listitem', { name: FIRST, exact: true });
    const chat = stage().getByRole('listitem', { name: SECOND, exact: true });
    await help.dragTo(chat);
    await expect.poll(() => cardNames(stage())).toEqual([FIRST, SECOND]);
    await expect
      .poll(() => journey().getByRole('status').textContent())
      .toBe(`${FIRST} moved to ${STAGE}, position 1 of 2.`);
  });

  it('marks a moment of truth, and keeps it and the order over a reload', async () => {
    const help = stage().getByRole('listitem', { name: FIRST, exact: true });
    const toggle = help.getByRole('button', { name: 'Moment of truth' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    const marked = stage().getByRole('listitem', { name: `${FIRST}, moment of truth`, exact: true });
    await marked.waitFor();
    expect(await marked.getByRole('button', { name: 'Moment of truth' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    await consultant.reload();
    await expectNoRouteError(consultant);
    await stage().waitFor();
    await expect.poll(() => cardNames(stage())).toEqual([FIRST, SECOND]);
    await stage()
      .getByRole('listitem', { name: `${FIRST}, moment of truth`, exact: true })
      .waitFor();
    await stage().getByRole('listitem', { name: SECOND, exact: true }).waitFor();
    await journey().getByText('Recent changes').waitFor();
    await screenshot(consultant, 'journey-editor');
    expect(await seriousViolations(consultant)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the client leader the journey, read-only', async () => {
    await graphql(
      consultant,
      'mutation ($email: String!, $clientId: ID) { inviteMember(input: { email: $email, role: CLIENT_LEADER, clientId: $clientId }) { invitation { id } } }',
      { email: leaderEmail, clientId },
    );
    const token = new URLSearchParams(
      new URL(await mailedLink(leaderEmail, '/accept-invitation')).hash.slice(1),
    ).get('token');
    const leader = await (await browser.newContext({ viewport: { width: 820, height: 1180 } })).newPage();
    const leaderErrors = watchPageErrors(leader);
    await graphql(
      leader,
      'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { member { id } } }',
      { input: { token, name: 'René Dubois', password: 'queues are a promise too' } },
    );
    await leader.goto(`${url}/programme`);
    await expectNoRouteError(leader);
    const seen = leader.getByRole('region', { name: 'Customer journey' });
    const seenStage = seen.getByRole('listitem', { name: STAGE, exact: true });
    await seenStage.waitFor();
    expect(await cardNames(seenStage)).toEqual([FIRST, SECOND]);
    await seenStage.getByRole('listitem', { name: `${FIRST}, moment of truth`, exact: true }).waitFor();
    expect(await seen.getByRole('button').count()).toBe(0);
    expect(await seen.getByRole('form').count()).toBe(0);
    expect(await seen.locator('[draggable="true"]').count()).toBe(0);

    // Alt+Arrow on a card changes nothing for a leader.
    await seenStage.getByRole('listitem', { name: SECOND, exact: true }).focus();
    await leader.keyboard.press('Alt+ArrowUp');
    expect(await cardNames(seenStage)).toEqual([FIRST, SECOND]);
    await screenshot(leader, 'journey-leader');
    expect(await seriousViolations(leader)).toEqual([]);
    expect(leaderErrors).toEqual([]);
  });
});
