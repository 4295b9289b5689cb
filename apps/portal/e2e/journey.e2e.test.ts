/// <reference types="node" />
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoRouteError,
  graphql,
  mailedLink,
  newAccount,
  portalUrl,
  screenshot,
  seriousViolations,
  startWithClient,
  watchPageErrors,
} from './portal';

const FIRST_STAGE_NAME = 'Asking for help';
const STAGE = 'Getting help';
const PROMISE = 'We pick up within a minute';
const CRITERION = 'commitments-kept';
const FIRST = 'Help line';
const SECOND = 'Web chat <b>now</b>';
const LATER_STAGE = 'Hearing back';

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
  let stageName = FIRST_STAGE_NAME;
  let criterionPrompt = '';

  beforeAll(async () => {
    ({ browser, consultant, errors, clientId } = await startWithClient({
      account,
      clientName,
      industry: 'BANKING_FINANCE',
    }));
    // A published charter with a promise, and an audit on a framework, for the touch point to be linked to.
    const started = await graphql<{ startCharterDraft: { version: { id: string; revision: number } } }>(
      consultant,
      'mutation ($id: ID!) { startCharterDraft(input: { clientId: $id }) { version { id revision } } }',
      { id: clientId },
    );
    const saved = await graphql<{ saveCharterDraft: { version: { revision: number } } }>(
      consultant,
      'mutation ($input: SaveCharterDraftInput!) { saveCharterDraft(input: $input) { version { revision } } }',
      {
        input: {
          versionId: started.startCharterDraft.version.id,
          expectedRevision: started.startCharterDraft.version.revision,
          purposeStatement: {
            purpose: 'Banking that answers',
            why: 'because money worries do not wait for office hours',
            everythingElse: 'over queues and scripts',
          },
          promises: [{ title: PROMISE }],
        },
      },
    );
    await graphql(
      consultant,
      'mutation ($input: PublishCharterVersionInput!) { publishCharterVersion(input: $input) { version { id } } }',
      {
        input: {
          versionId: started.startCharterDraft.version.id,
          expectedRevision: saved.saveCharterDraft.version.revision,
        },
      },
    );
    await graphql(
      consultant,
      'mutation ($id: ID!) { createAudit(input: { clientId: $id, frameworkKey: "aeiou-values" }) { audit { id } } }',
      { id: clientId },
    );
    const framework = await graphql<{
      auditFramework: { sections: { criteria: { key: string; prompt: string }[] }[] };
    }>(consultant, 'query { auditFramework(key: "aeiou-values") { sections { criteria { key prompt } } } }');
    criterionPrompt = framework.auditFramework.sections
      .flatMap((section) => section.criteria)
      .find((criterion) => criterion.key === CRITERION)!.prompt;
  });

  afterAll(async () => {
    await browser?.close();
  });

  const journey = () => consultant.getByRole('region', { name: 'Customer journey' });
  const stage = () => journey().getByRole('listitem', { name: stageName, exact: true });
  const stageNames = () => journey().locator('.journey-stage h3').allTextContents();

  it('adds a stage and two touch points', async () => {
    await consultant.goto(`${url}/clients/${clientId}`);
    await expectNoRouteError(consultant);
    await journey().getByText('No journey mapped yet').waitFor();

    const newStage = journey().getByRole('form', { name: 'New stage' });
    await newStage.getByLabel('New stage').fill(FIRST_STAGE_NAME);
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
    await expect
      .poll(() => status.textContent())
      .toBe(`${FIRST} moved to ${FIRST_STAGE_NAME}, position 2 of 2.`);
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
      .toBe(`${FIRST} moved to ${FIRST_STAGE_NAME}, position 1 of 2.`);
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

  it('moves a stage by its handle with Alt+Arrow, and keeps the order over a reload', async () => {
    const newStage = journey().getByRole('form', { name: 'New stage' });
    await newStage.getByLabel('New stage').fill(LATER_STAGE);
    await newStage.getByRole('button', { name: 'Add stage' }).click();
    await expect.poll(() => stageNames()).toEqual([FIRST_STAGE_NAME, LATER_STAGE]);

    await journey()
      .getByRole('button', { name: `Move stage ${LATER_STAGE}` })
      .focus();
    await consultant.keyboard.press('Alt+ArrowLeft');
    const status = journey().getByRole('status');
    await expect.poll(() => status.textContent()).toBe(`${LATER_STAGE} moved to position 1 of 2.`);
    await expect.poll(() => stageNames()).toEqual([LATER_STAGE, FIRST_STAGE_NAME]);
    // Focus stays on the handle, so the next press moves it again: here, past the edge.
    await expect
      .poll(() => consultant.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe(`Move stage ${LATER_STAGE}`);
    await consultant.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => status.textContent()).toBe(`${LATER_STAGE} cannot move further that way.`);

    await consultant.reload();
    await expectNoRouteError(consultant);
    await stage().waitFor();
    await expect.poll(() => stageNames()).toEqual([LATER_STAGE, FIRST_STAGE_NAME]);
    expect(await cardNames(stage())).toEqual([FIRST, SECOND]);
    expect(await seriousViolations(consultant)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('renames the stage, and changes and links the touch point on its own page', async () => {
    await stage().getByText('Rename stage').click();
    const rename = stage().getByRole('form', { name: `Rename the stage ${FIRST_STAGE_NAME}` });
    await rename.getByLabel('Stage name').fill(STAGE);
    await rename.getByRole('button', { name: 'Rename' }).click();
    stageName = STAGE;
    await stage().waitFor();

    await stage().getByRole('link', { name: SECOND }).click();
    await consultant.waitForURL(/\/touch-points\//);
    await expectNoRouteError(consultant);
    await consultant.getByRole('heading', { level: 1, name: SECOND }).waitFor();
    const details = consultant.getByRole('form', { name: 'Change the touch point' });
    // A blank team is refused on its field, and nothing changes.
    await details.getByLabel('Owning team').fill(' ');
    await details.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => details.getByLabel('Owning team').getAttribute('aria-invalid')).toBe('true');
    await details.getByLabel('Channel').selectOption('EMAIL');
    await details.getByLabel('Owning team').fill('Customer care');
    await details.getByRole('button', { name: 'Save changes' }).click();
    await consultant.getByText('Email, owned by Customer care').waitFor();

    const promises = consultant.getByRole('region', { name: 'Promises it serves' });
    await promises.getByLabel('Promise', { exact: true }).selectOption({ label: PROMISE });
    await promises.getByRole('button', { name: 'Link promise' }).click();
    await promises.getByText(PROMISE, { exact: true }).waitFor();
    await promises.getByText('Every promise of the charter is linked.').waitFor();

    const criteria = consultant.getByRole('region', { name: 'Audit criteria that test it' });
    await criteria
      .getByLabel('Audit criterion', { exact: true })
      .selectOption({ label: `A-E-I-O-U service values: ${criterionPrompt}` });
    await criteria.getByRole('button', { name: 'Link criterion' }).click();
    // Its wording, not its key.
    await criteria.getByText(criterionPrompt, { exact: true }).waitFor();
    expect(await criteria.getByText(CRITERION).count()).toBe(0);
    await screenshot(consultant, 'touch-point-page');
    expect(await seriousViolations(consultant)).toEqual([]);

    // Unlink the promise again, then link it back for the leader to see.
    await promises.getByRole('button', { name: `Unlink “${PROMISE}”` }).click();
    await promises.getByText('No promises linked yet').waitFor();
    await promises.getByRole('button', { name: 'Link promise' }).click();
    await promises.getByText(PROMISE, { exact: true }).waitFor();
    await consultant.goto(`${url}/clients/${clientId}`);
    await stage().waitFor();
    expect(await cardNames(stage())).toEqual([FIRST, SECOND]);
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
    expect(await seen.getByText('Rename stage').count()).toBe(0);
    expect(await seen.getByRole('form').count()).toBe(0);
    expect(await seen.locator('[draggable="true"]').count()).toBe(0);

    // Alt+Arrow on a card changes nothing for a leader.
    await seenStage.getByRole('listitem', { name: SECOND, exact: true }).focus();
    await leader.keyboard.press('Alt+ArrowUp');
    expect(await cardNames(seenStage)).toEqual([FIRST, SECOND]);
    await screenshot(leader, 'journey-leader');
    expect(await seriousViolations(leader)).toEqual([]);

    // The touch point's page opens for the leader too, without a way to change it.
    await seenStage.getByRole('link', { name: SECOND }).click();
    await leader.waitForURL(/\/touch-points\//);
    await expectNoRouteError(leader);
    await leader.getByRole('heading', { level: 1, name: SECOND }).waitFor();
    await leader.getByText(criterionPrompt, { exact: true }).waitFor();
    await leader
      .getByRole('region', { name: 'Promises it serves' })
      .getByText(PROMISE, { exact: true })
      .waitFor();
    expect(await leader.getByRole('form', { name: 'Change the touch point' }).count()).toBe(0);
    expect(await leader.getByRole('form', { name: 'Link a promise' }).count()).toBe(0);
    expect(await leader.getByRole('button', { name: /Unlink/ }).count()).toBe(0);
    expect(await seriousViolations(leader)).toEqual([]);
    expect(leaderErrors).toEqual([]);
  });
});
