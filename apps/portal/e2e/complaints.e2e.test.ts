/// <reference types="node" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoRouteError,
  graphql,
  newAccount,
  portalUrl,
  screenshot,
  seriousViolations,
  startWithClient,
} from './portal';

const CATEGORY = 'Billing';
const WHAT_HAPPENED = 'Charged twice, <b>x</b><script>alert(1)</script> and no reply to the first call';

/** A CSV of three complaints as a CRM exports them; `bad` names a category the client's list does not have. */
function complaintsCsv(bad: boolean): string {
  return [
    'received at,channel,category,severity,what happened,reference',
    `2026-11-20 09:12,Phone,${CATEGORY},Medium,"Charged twice for November.",CRM-1041`,
    `2026-11-20 11:05,Email,${bad ? 'Billling' : CATEGORY},High,"Refund promised, never came.",CRM-1042`,
    `2026-11-20T14:30:00Z,Chat,${CATEGORY},Low,Agent ended the chat before answering.,CRM-1043`,
    '',
  ].join('\n');
}

/**
 * A consultant records a complaint in the portal (its words, markup and all, shown as text), opens it, raises an
 * action from it in one step, and finds the action linked to the complaint in the actions list and the complaint
 * showing its action. Then a CSV whose one bad row is shown on that row while nothing is recorded, and the
 * corrected file, recorded whole.
 */
describe('a complaint from record to action', () => {
  const url = portalUrl();
  const account = newAccount();
  const stamp = Date.now().toString(36);
  const clientName = `Brightwater Energy ${stamp}`;
  let browser: Browser;
  let consultant: Page;
  let errors: string[];
  let clientId = '';
  let complaintPath = '';

  const complaintCount = async () =>
    (
      await graphql<{ client: { complaints: { totalCount: number } } }>(
        consultant,
        'query ($id: ID!) { client(id: $id) { complaints { totalCount } } }',
        { id: clientId },
      )
    ).client.complaints.totalCount;

  beforeAll(async () => {
    ({ browser, consultant, errors, clientId } = await startWithClient({
      account,
      clientName,
      industry: 'UTILITIES',
    }));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('records a complaint, its words shown as text', async () => {
    await consultant.goto(`${url}/clients/${clientId}/complaints`);
    await expectNoRouteError(consultant);
    await consultant.getByText('Add a category to the client’s list first.').waitFor();
    const add = consultant.getByRole('form', { name: 'Add a category' });
    await add.getByLabel('New category', { exact: true }).fill(CATEGORY);
    await add.getByRole('button', { name: 'Add category' }).click();

    const form = consultant.getByRole('form', { name: 'Record a complaint' });
    await form.waitFor();
    await form.getByLabel('Received at', { exact: true }).fill('2026-11-20T09:30');
    await form.getByLabel('Channel', { exact: true }).selectOption({ label: 'Phone' });
    await form.getByLabel('Category', { exact: true }).selectOption({ label: CATEGORY });
    await form.getByLabel('Severity', { exact: true }).selectOption({ label: 'High' });
    await form.getByLabel('What happened', { exact: true }).fill(WHAT_HAPPENED);
    await form.getByLabel('Customer reference (optional)', { exact: true }).fill('CASE-77');
    await form.getByRole('button', { name: 'Record complaint' }).click();
    await form.getByText('Complaint recorded.').waitFor();

    const log = consultant.getByRole('region', { name: /Complaint log/ });
    await log.getByText(WHAT_HAPPENED, { exact: true }).waitFor();
    expect(await consultant.locator('.complaint-list b, .complaint-list script').count()).toBe(0);
    await screenshot(consultant, 'complaints-recorded');
    expect(await seriousViolations(consultant)).toEqual([]);

    await log.getByRole('link', { name: new RegExp(`· ${CATEGORY}$`) }).click();
    await consultant.waitForURL(/\/complaints\/[^/]+$/);
    complaintPath = new URL(consultant.url()).pathname;
    await consultant.getByRole('heading', { level: 1, name: `${CATEGORY}: High` }).waitFor();
    await consultant.getByText(WHAT_HAPPENED, { exact: true }).waitFor();
    expect(await consultant.locator('.complaint-text b, .complaint-text script').count()).toBe(0);
    await consultant.getByText('CASE-77', { exact: true }).waitFor();
    expect(errors).toEqual([]);
  });

  it('raises an action from the complaint in one step, and each shows the other', async () => {
    const actions = consultant.getByRole('region', { name: /Actions/ });
    const form = consultant.getByRole('form', { name: 'Raise an action' });
    const description = 'Stop the second direct debit run <i>for good</i>';
    await form.getByLabel('What should change', { exact: true }).fill(description);
    await form.getByRole('button', { name: 'Raise action' }).click();
    await actions.getByText(description).waitFor();
    await actions.getByText('(open)').waitFor();
    await screenshot(consultant, 'complaint-action-raised');
    expect(await seriousViolations(consultant)).toEqual([]);

    await consultant.goto(`${url}/actions`);
    await expectNoRouteError(consultant);
    const row = consultant.getByRole('listitem').filter({ hasText: description });
    await row.getByRole('link', { name: `from a complaint (${CATEGORY})` }).click();
    await consultant.waitForURL(`${url}${complaintPath}`);
    await consultant.getByRole('heading', { level: 1, name: `${CATEGORY}: High` }).waitFor();
    await consultant
      .getByRole('region', { name: /Actions/ })
      .getByText(description)
      .waitFor();
    expect(errors).toEqual([]);
  });

  it('shows a bad row of an uploaded CSV on that row, records nothing, then records the fixed file', async () => {
    await consultant.goto(`${url}/clients/${clientId}/complaints`);
    await expectNoRouteError(consultant);
    expect(await complaintCount()).toBe(1);
    const upload = consultant.getByLabel('Complaints CSV file', { exact: true });
    await upload.setInputFiles({
      name: 'complaints.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(complaintsCsv(true)),
    });
    await consultant.getByText(/^1 of 3 rows in complaints\.csv needs fixing/).waitFor();
    const line3 = consultant.getByRole('row', { name: /^Line 3/ });
    await line3.getByText(/no category named “Billling”/).waitFor();
    expect(await consultant.getByRole('row', { name: /^Line \d/ }).count()).toBe(1);
    expect(await consultant.getByRole('button', { name: /^Record \d+ complaints/ }).count()).toBe(0);
    await screenshot(consultant, 'complaints-upload-bad-row');
    expect(await seriousViolations(consultant)).toEqual([]);
    expect(await complaintCount()).toBe(1);

    await upload.setInputFiles({
      name: 'complaints-fixed.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(complaintsCsv(false)),
    });
    await consultant.getByText(/^All 3 rows of complaints-fixed\.csv are good: 3 new\./).waitFor();
    expect(await complaintCount()).toBe(1);
    await consultant.getByRole('button', { name: 'Record 3 complaints' }).click();
    await consultant.getByText('Recorded: 3 new.').waitFor();
    await consultant.getByText('Agent ended the chat before answering.', { exact: true }).waitFor();
    expect(await complaintCount()).toBe(4);
    expect(errors).toEqual([]);
  });
});
