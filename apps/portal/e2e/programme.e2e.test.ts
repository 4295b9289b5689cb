import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import {
  expectNoRouteError,
  mailedLink,
  newAccount,
  portalUrl,
  screenshot,
  seriousViolations,
  signUpThroughEmail,
  watchPageErrors,
} from './portal';

/**
 * A whole programme through the portal, from both sides: a consultant signs up, creates a client, drafts and
 * publishes a charter, runs and publishes an audit, invites the client's leader and raises an action for them
 * from a finding; the leader accepts, signs in, sees only their programme, signs off the charter and completes
 * the action. Each main page leaves a screenshot in artifacts/ and passes an axe check.
 *
 * The browser runs under LANG=C.UTF-8, as on a bare machine, where Chromium reports `en-US@posix`: a tag Intl
 * rejects, which once broke every page that shows a date or a number.
 */
describe('a client programme, from the consultant to the client leader', () => {
  const url = portalUrl();
  const account = newAccount();
  const stamp = Date.now().toString(36);
  const clientName = `Harbourline Ferries ${stamp}`;
  const leaderEmail = `morgan.${stamp}@harbourline.example`;
  const leaderPassword = 'tide tables and kind words';
  let browser: Browser;
  let consultant: Page;
  let leader: Page;
  let consultantErrors: string[];
  let clientPath = '';
  let acceptLink = '';

  beforeAll(async () => {
    browser = await launchBrowser({ lang: 'C.UTF-8' });
    consultant = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    consultantErrors = watchPageErrors(consultant);
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function axe(page: Page) {
    expect(await seriousViolations(page)).toEqual([]);
  }

  it('signs up and creates a client', async () => {
    await signUpThroughEmail(consultant, account);
    expect(await consultant.evaluate(() => navigator.language)).toBe('en-US@posix');
    await expectNoRouteError(consultant);
    await consultant.getByText('Nothing due in the next two weeks').waitFor();
    await screenshot(consultant, 'home-dashboard');
    await axe(consultant);

    await consultant.getByRole('button', { name: 'New client' }).click();
    await consultant.getByLabel('Client name').fill(clientName);
    await consultant.getByLabel('Industry').selectOption('TRAVEL_TRANSPORT');
    await consultant.getByRole('button', { name: 'Add client' }).click();
    await consultant.getByRole('heading', { level: 1, name: clientName }).waitFor();
    clientPath = new URL(consultant.url()).pathname;
    expect(clientPath).toMatch(/^\/clients\//);
    await consultant.getByText('No engagements yet').waitFor();
    await consultant.getByRole('button', { name: 'New engagement' }).click();
    await consultant.getByLabel('Title').fill('Service culture diagnostic');
    await consultant.getByLabel('Kind', { exact: true }).selectOption('DIAGNOSTIC');
    await consultant.getByRole('button', { name: 'Propose engagement' }).click();
    await consultant.getByRole('heading', { name: 'Service culture diagnostic' }).waitFor();
    // Only the moves the API allows from "proposed" are offered.
    const moves = consultant.getByRole('group', { name: 'Change status' }).getByRole('button');
    expect(await moves.allTextContents()).toEqual(['Start', 'Cancel engagement']);
    await consultant.getByRole('button', { name: 'Start', exact: true }).click();
    await consultant.getByRole('button', { name: 'Put on hold' }).waitFor();
    await consultant
      .getByRole('textbox', { name: 'Milestone', exact: true })
      .fill('Findings workshop with the executive team');
    await consultant.getByLabel('Due on').fill('2030-03-02');
    await consultant.getByRole('button', { name: 'Add milestone' }).click();
    await consultant.getByText('Findings workshop with the executive team').waitFor();
    // Dates fall back to the browser's default locale (en-US) rather than failing.
    await consultant.getByText('Mar 2, 2030').waitFor();
    await screenshot(consultant, 'client');
    await axe(consultant);
  });

  it('drafts a charter, is told what is missing, and publishes it', async () => {
    await consultant.getByRole('link', { name: /^Charter/ }).click();
    await consultant.getByRole('button', { name: 'Start the charter' }).click();
    await consultant.getByLabel('Purpose (P)').fill('We get every traveller home on time');
    await consultant.getByRole('button', { name: 'Save draft' }).click();
    await consultant.getByText('Draft saved.').waitFor();
    await consultant.getByText('Before this draft can be published').waitFor();

    await consultant.getByLabel('Why we do it (W)').fill('because someone is waiting for them');
    await consultant
      .getByLabel('Over everything else (E)')
      .fill('over timetables, paperwork and our own convenience');
    await consultant.getByRole('button', { name: 'Add a promise' }).click();
    await consultant.getByLabel('Promise 1', { exact: true }).fill('We answer your call quickly');
    await consultant.getByLabel('Service standard: metric').fill('Calls answered within 20 seconds');
    await consultant.getByLabel('Target').fill('90');
    await consultant.getByLabel('Unit').fill('%');
    await consultant.getByRole('button', { name: 'Add a promise' }).click();
    await consultant.getByLabel('Promise 2', { exact: true }).fill('We tell you first when plans change');
    await consultant.getByRole('button', { name: 'Move promise 2 up' }).click();
    expect(await consultant.getByLabel('Promise 1', { exact: true }).inputValue()).toBe(
      'We tell you first when plans change',
    );
    await consultant.getByRole('button', { name: 'Save draft' }).click();
    await consultant.getByText('Ready to publish.').waitFor();
    await screenshot(consultant, 'charter-draft');
    await axe(consultant);
    await consultant.getByRole('button', { name: 'Publish', exact: true }).click();
    await consultant.getByRole('heading', { name: 'In force: version 1' }).waitFor();
    await consultant.getByText('Awaiting sign-off by the client.').waitFor();
    await screenshot(consultant, 'charter-published');
  });

  it('runs an audit from the keyboard, submits and publishes it', async () => {
    await consultant.goto(`${url}${clientPath}`);
    await consultant.getByLabel('Framework').selectOption('aeiou-values');
    await consultant.getByRole('button', { name: 'Start audit' }).click();
    await consultant.waitForURL(/\/audits\//);
    const criteria = consultant.locator('[data-criterion]');
    await criteria.first().waitFor();
    const count = await criteria.count();
    await criteria.first().locator('input[type="radio"]').first().focus();
    await consultant.keyboard.press('2');
    for (let i = 1; i < count; i += 1) await consultant.keyboard.press(i === count - 1 ? 'n' : '4');
    expect(await consultant.getByText(`${count - 2} scored`).count()).toBe(0);
    await consultant.getByText(`${count - 1} scored, 1 not applicable`).waitFor();
    await screenshot(consultant, 'audit-scoring');
    await axe(consultant);
    await consultant.getByRole('button', { name: /^Save responses/ }).click();
    await consultant.getByText('Responses saved.').waitFor();
    await consultant.getByRole('button', { name: 'Submit' }).click();
    await consultant.getByRole('button', { name: 'Publish to the client' }).click();
    await consultant.getByText('Published', { exact: true }).waitFor();
    await consultant.getByRole('heading', { name: 'Findings' }).waitFor();
    await screenshot(consultant, 'audit-results');
    await axe(consultant);
  });

  it('invites the client leader, whose link goes to them by mail', async () => {
    await consultant.getByRole('link', { name: 'Admin' }).click();
    // Scoped to the invitation form: each member's row has its own role and client pickers too.
    const invite = consultant.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel('Email').fill(leaderEmail);
    await invite.getByLabel('Role').selectOption('CLIENT_LEADER');
    await invite.getByLabel('Client', { exact: true }).selectOption({ label: clientName });
    await consultant.getByRole('button', { name: 'Send invitation' }).click();
    await consultant.getByText(`We sent an invitation to ${leaderEmail}`).waitFor();
    expect(await consultant.content()).not.toContain('#token=');
    acceptLink = await mailedLink(leaderEmail, '/accept-invitation');
    expect(acceptLink).toContain('/accept-invitation#token=');
    await screenshot(consultant, 'admin');
    await axe(consultant);
  });

  it('lets the leader accept, and fences them to their programme', async () => {
    leader = await (await browser.newContext({ viewport: { width: 820, height: 1180 } })).newPage();
    const token = new URL(acceptLink).hash;
    await leader.goto(`${url}/accept-invitation${token}`);
    await leader.getByLabel('Your name').fill('Morgan Reyes');
    await leader.getByLabel('Choose a password').fill(leaderPassword);
    await leader.getByRole('button', { name: 'Accept and sign in' }).click();
    await leader.waitForURL(`${url}/programme`);
    await expectNoRouteError(leader);
    await leader.getByRole('heading', { level: 1, name: clientName }).waitFor();
    await leader.goto(`${url}${clientPath}`);
    await leader.waitForURL(`${url}/programme`);
    await leader.goto(`${url}/actions`);
    await leader.waitForURL(`${url}/programme`);
  });

  it('raises an action from a finding for the leader', async () => {
    await consultant.goto(`${url}${clientPath}`);
    const auditLink = consultant.getByRole('link', { name: /A-E-I-O-U/ });
    await auditLink.click();
    await consultant
      .getByRole('button', { name: /^Raise an action on/ })
      .first()
      .click();
    await consultant.getByLabel('Action', { exact: true }).fill('Name one owner for every cross-team case');
    await consultant.getByLabel('Owner').selectOption({ label: 'Morgan Reyes (client leader)' });
    await consultant.getByLabel('Due on').fill('2030-01-31');
    await consultant.getByLabel('Priority').selectOption('HIGH');
    await consultant.getByRole('button', { name: 'Raise action' }).click();
    await consultant.getByText('Action raised.').waitFor();
    await consultant.getByRole('link', { name: 'Actions', exact: true }).click();
    await consultant.getByText('Name one owner for every cross-team case', { exact: true }).waitFor();
    await screenshot(consultant, 'actions');
    await axe(consultant);
    expect(consultantErrors).toEqual([]);
  });

  it('designs hiring criteria that weigh 100 and ranks a candidate', async () => {
    await consultant.goto(`${url}${clientPath}`);
    await consultant.setViewportSize({ width: 768, height: 1024 });
    const overflow = await consultant.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(consultant, 'client-tablet');
    await consultant.setViewportSize({ width: 1280, height: 900 });

    await consultant.getByRole('link', { name: 'Hiring criteria' }).click();
    await consultant.getByLabel('New role', { exact: true }).fill('Reservations agent');
    await consultant.getByRole('button', { name: 'Create profile' }).click();
    await consultant.getByRole('heading', { level: 1, name: 'Reservations agent' }).waitFor();
    await consultant.getByRole('button', { name: 'Add a criterion' }).click();
    await consultant.getByLabel('Criterion 1 title').fill('Warmth under pressure');
    await consultant.getByLabel('Criterion 1 weight').fill('60');
    await consultant
      .getByLabel('Criterion 1 evidence')
      .fill('Tell me about a passenger who missed a sailing.');
    await consultant.getByRole('button', { name: 'Add a criterion' }).click();
    await consultant.getByLabel('Criterion 2 title').fill('Booking systems');
    await consultant.getByLabel('Criterion 2 category').selectOption('PRODUCT_KNOWLEDGE');
    await consultant.getByLabel('Criterion 2 weight').fill('30');
    await consultant.getByLabel('Criterion 2 evidence').fill('A short booking exercise.');
    await consultant.getByText('add 10 more').waitFor();
    await consultant.getByLabel('Criterion 2 weight').fill('40');
    await consultant.getByText('Ready to score candidates.').waitFor();
    await consultant.getByRole('button', { name: 'Save profile' }).click();
    await consultant.getByLabel('Candidate name or reference').fill('Candidate R-17');
    await consultant.getByRole('group', { name: 'Warmth under pressure' }).getByLabel('4').check();
    await consultant.getByRole('group', { name: 'Booking systems' }).getByLabel('3').check();
    await consultant.getByRole('button', { name: 'Save scorecard' }).click();
    await consultant.getByRole('rowheader', { name: 'Candidate R-17' }).waitFor();
    await screenshot(consultant, 'hiring-profile');
    await axe(consultant);
  });

  it('has the leader sign in, sign off the charter and complete the action', async () => {
    await leader.getByRole('button', { name: 'Sign out' }).click();
    await leader.waitForURL(`${url}/sign-in?signedOut=1`);
    await leader.getByLabel('Email').fill(leaderEmail);
    await leader.getByRole('button', { name: 'Continue' }).click();
    await leader.getByLabel('Password').fill(leaderPassword);
    await leader.getByRole('button', { name: 'Sign in' }).click();
    await leader.waitForURL(`${url}/programme`);
    await leader.getByText('We tell you first when plans change').first().waitFor();
    await leader.getByText('Findings workshop with the executive team').waitFor();
    expect(await leader.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    expect(await leader.getByText('Harbour Service Partners').count()).toBeGreaterThan(0);
    await screenshot(leader, 'programme-leader');
    await axe(leader);

    await leader.getByRole('button', { name: 'Sign off this charter' }).click();
    await leader.getByText(/Signed off by Morgan Reyes/).waitFor();

    const form = leader.getByRole('form', { name: /Name one owner/ });
    await form.getByLabel('Status').selectOption('DONE');
    await form.getByLabel('Note (optional)').fill('Owners named in the March rota.');
    await form.getByRole('button', { name: 'Update action' }).click();
    await leader.getByText('Owners named in the March rota.').waitFor();
    await screenshot(leader, 'programme-leader-done');
  });
});
