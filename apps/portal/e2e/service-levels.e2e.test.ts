/// <reference types="node" />
import { periodContaining, type ServicePeriod } from '@csp/domain';
import type { Browser, Page } from 'playwright-core';
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

const ZONE = 'Europe/London';
const PROMISE = 'We answer your call quickly';
const STANDARD = 'Calls answered within 20 seconds, target 90 %';

/** The three whole weeks before this one, in the client's zone, oldest first. */
function pastWeeks(now = new Date()): ServicePeriod[] {
  const weeks: ServicePeriod[] = [periodContaining(now, 'WEEK', ZONE)];
  for (let i = 0; i < 3; i += 1)
    weeks.unshift(periodContaining(new Date(weeks[0]!.start.getTime() - 1), 'WEEK', ZONE));
  return weeks.slice(0, 3);
}

/**
 * A CSV of one hour a weekday (09:00–10:00, local times as most platforms export them): 95 of 100 calls good in
 * the first week, 80 in the second (a breach of 90 %), 93 in the third (the recovery). `bad` spoils line 5.
 */
function callsCsv(weeks: readonly ServicePeriod[], bad: boolean): string {
  const lines = ['start,end,good,valid,excluded'];
  weeks.forEach((week, w) => {
    const good = [95, 80, 93][w]!;
    for (let d = 0; d < 5; d += 1) {
      const day = new Date(`${week.firstDay}T12:00:00Z`);
      day.setUTCDate(day.getUTCDate() + d);
      const date = day.toISOString().slice(0, 10);
      lines.push(`${date} 09:00,${date} 10:00,${good},100,3`);
    }
  });
  if (bad) lines[4] = lines[4]!.replace(/,\d+,100,3$/, ',120,100,3');
  return `${lines.join('\n')}\n`;
}

/**
 * A consultant turns a charter standard into a service level (the form starts from the standard's words and the
 * browser's time zone), uploads a CSV whose one bad row is shown on that row while nothing is recorded, fixes it and
 * records it, and raises an action from the breach; the client leader then reads the promise on their programme in
 * plain words, with the audit's evidence beside the measured one.
 *
 * The browser runs under LANG=C.UTF-8, where Chromium reports `en-US@posix`: the time zone default must not hang
 * on that tag.
 */
describe('service levels, from a charter standard to the leader’s programme', () => {
  const url = portalUrl();
  const account = newAccount();
  const stamp = Date.now().toString(36);
  const clientName = `Northgate Water ${stamp}`;
  const leaderEmail = `sam.${stamp}@northgate.example`;
  const weeks = pastWeeks();
  let browser: Browser;
  let consultant: Page;
  let errors: string[];
  let clientId = '';
  let charterId = '';
  let promiseKey = '';
  let serviceLevelPath = '';

  beforeAll(async () => {
    ({ browser, consultant, errors, clientId } = await startWithClient({
      account,
      clientName,
      industry: 'UTILITIES',
      launch: { lang: 'C.UTF-8' },
      context: { timezoneId: ZONE },
    }));
    const started = await graphql<{
      startCharterDraft: {
        version: { id: string; revision: number; charter: { id: string } };
      };
    }>(
      consultant,
      'mutation ($id: ID!) { startCharterDraft(input: { clientId: $id }) { version { id revision charter { id } } } }',
      { id: clientId },
    );
    const { id, revision, charter } = started.startCharterDraft.version;
    charterId = charter.id;
    const saved = await graphql<{
      saveCharterDraft: {
        version: { revision: number; promises: { key: string }[] };
      };
    }>(
      consultant,
      'mutation ($input: SaveCharterDraftInput!) { saveCharterDraft(input: $input) { version { revision promises { key } } } }',
      {
        input: {
          versionId: id,
          expectedRevision: revision,
          purposeStatement: {
            purpose: 'Clean water, and a person when you need one',
            why: 'because a household without water cannot wait',
            everythingElse: 'over scripts, queues and our own convenience',
          },
          promises: [
            {
              title: PROMISE,
              standard: {
                metric: 'Calls answered within 20 seconds',
                target: 90,
                unit: '%',
              },
            },
            { title: 'We say sorry and put it right' },
          ],
        },
      },
    );
    promiseKey = saved.saveCharterDraft.version.promises[0]!.key;
    await graphql(
      consultant,
      'mutation ($input: PublishCharterVersionInput!) { publishCharterVersion(input: $input) { version { id } } }',
      {
        input: {
          versionId: id,
          expectedRevision: saved.saveCharterDraft.version.revision,
        },
      },
    );
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sets up a service level from the promise’s standard', async () => {
    await consultant.goto(`${url}/clients/${clientId}/charter`);
    await expectNoRouteError(consultant);
    expect(await consultant.evaluate(() => navigator.language)).toBe('en-US@posix');
    const standards = consultant.getByRole('region', {
      name: 'Standards, measured',
    });
    const row = standards.getByRole('listitem', { name: PROMISE });
    await row.getByText('Not measured yet').waitFor();
    // The promise without a standard has nothing to measure.
    expect(await standards.getByRole('listitem').count()).toBe(1);
    await row.getByRole('button', { name: `Measure this standard: ${PROMISE}` }).click();

    const form = consultant.getByRole('form', { name: `Measure “${PROMISE}”` });
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe(STANDARD);
    expect(await form.getByLabel('What makes an event good').inputValue()).toBe('answered within');
    expect(await form.getByLabel('Threshold (optional)').inputValue()).toBe('20');
    expect(await form.getByLabel('Target (%)').inputValue()).toBe('90');
    // The browser's own zone, as Intl's default reports it (the context runs in Europe/London).
    expect(await form.getByLabel('Client’s time zone').inputValue()).toBe(ZONE);

    // A target with three decimals of a percentage is caught before sending; the exclusion rule is required.
    await form.getByLabel('Target (%)').fill('90.125');
    await form.getByRole('button', { name: 'Set up the service level' }).click();
    await form.getByText('The target can have at most two decimals, e.g. 99.95 %.').waitFor();
    expect(await form.getByLabel('Target (%)').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Target (%)').fill('90');
    await form.getByRole('button', { name: 'Set up the service level' }).click();
    await expect
      .poll(async () => form.getByLabel('Abandoned and excluded events').getAttribute('aria-invalid'))
      .toBe('true');
    await form
      .getByLabel('Abandoned and excluded events')
      .fill('Calls abandoned within 5 seconds are not counted; all others are valid.');
    await screenshot(consultant, 'service-level-set-up');
    expect(await seriousViolations(consultant)).toEqual([]);
    await form.getByRole('button', { name: 'Set up the service level' }).click();

    await consultant.waitForURL(/\/service-levels\//);
    serviceLevelPath = new URL(consultant.url()).pathname;
    await consultant.getByRole('heading', { level: 1, name: STANDARD }).waitFor();
    await consultant
      .getByText('No figures yet: upload a CSV or connect the client’s platform with an API key')
      .waitFor();
    await consultant.getByText('Not measured yet', { exact: true }).waitFor();
    await screenshot(consultant, 'service-level-empty');
    expect(await seriousViolations(consultant)).toEqual([]);

    await consultant.getByRole('link', { name: 'Charter' }).click();
    await consultant
      .getByRole('region', { name: 'Standards, measured' })
      .getByRole('link', { name: `Open the service level “${STANDARD}”` })
      .waitFor();
  });

  it('shows a bad row of an uploaded CSV on that row, records nothing, then records the fixed file', async () => {
    await consultant.goto(`${url}${serviceLevelPath}`);
    const upload = consultant.getByLabel('CSV file', { exact: true });
    await upload.setInputFiles({
      name: 'calls.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(callsCsv(weeks, true)),
    });
    await consultant.getByText('1 of 15 rows in calls.csv need fixing').waitFor();
    const line5 = consultant.getByRole('row', { name: /^Line 5/ });
    await line5.getByText('Good cannot be more than valid.').waitFor();
    expect(await consultant.getByRole('row', { name: /^Line \d/ }).count()).toBe(1);
    expect(await consultant.getByRole('button', { name: /^Record \d+ intervals/ }).count()).toBe(0);
    await screenshot(consultant, 'service-level-upload-bad-row');
    expect(await seriousViolations(consultant)).toEqual([]);
    const before = await graphql<{
      serviceLevel: { measuredUntil: string | null };
    }>(consultant, 'query ($id: ID!) { serviceLevel(id: $id) { measuredUntil } }', {
      id: serviceLevelPath.split('/').at(-1),
    });
    expect(before.serviceLevel.measuredUntil).toBeNull();

    await upload.setInputFiles({
      name: 'calls-fixed.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(callsCsv(weeks, false)),
    });
    await consultant.getByText('All 15 rows of calls-fixed.csv are good: 15 new.').waitFor();
    await consultant.getByRole('button', { name: 'Record 15 intervals' }).click();
    await consultant.getByText('Recorded: 15 new.').waitFor();

    const table = consultant.getByRole('table', {
      name: /Each period, newest first/,
    });
    await table
      .getByRole('row', { name: new RegExp(`^${weeks[1]!.label}`) })
      .getByText('Missed')
      .waitFor();
    await table
      .getByRole('row', { name: new RegExp(`^${weeks[1]!.label}`) })
      .getByText('80.0%')
      .waitFor();
    await table
      .getByRole('row', { name: new RegExp(`^${weeks[2]!.label}`) })
      .getByText('Met')
      .waitFor();
    const changes = consultant.getByRole('region', {
      name: 'Breaches and recoveries',
    });
    await changes.getByText('Recovered').waitFor();
    await changes.getByText('Breached').waitFor();
    await consultant
      .getByRole('img', {
        name: /Compliance per period against the target of 90%/,
      })
      .waitFor();
    await screenshot(consultant, 'service-level-figures');
    expect(await seriousViolations(consultant)).toEqual([]);
  });

  it('raises an action from the breach, linked to the promise', async () => {
    const changes = consultant.getByRole('region', {
      name: 'Breaches and recoveries',
    });
    await changes.getByRole('button', { name: `Raise an action on ${weeks[1]!.label}` }).click();
    const form = consultant.getByRole('form', {
      name: `Raise an action on ${weeks[1]!.label}`,
    });
    const description = form.getByLabel('Action', { exact: true });
    expect(await description.inputValue()).toBe(`Compliance 80.0% in ${weeks[1]!.label}, target 90%: `);
    await description.fill(`${await description.inputValue()}staff the 09:00 peak with two more agents`);
    await form.getByLabel('Owner').selectOption({ label: account.name });
    await form.getByRole('button', { name: 'Raise action' }).click();
    await changes.getByText('Action raised.').waitFor();
    const actions = await graphql<{
      client: {
        actions: {
          description: string;
          promise: { promiseKey: string; title: string | null } | null;
        }[];
      };
    }>(
      consultant,
      'query ($id: ID!) { client(id: $id) { actions { description promise { promiseKey title } } } }',
      {
        id: clientId,
      },
    );
    expect(actions.client.actions).toEqual([
      {
        description: `Compliance 80.0% in ${weeks[1]!.label}, target 90%: staff the 09:00 peak with two more agents`,
        promise: { promiseKey, title: PROMISE },
      },
    ]);
    expect(errors).toEqual([]);
  });

  it('changes the definition: a new version from this week, the closed weeks keep the one they were judged by', async () => {
    await consultant
      .getByRole('region', { name: 'Definition (version 1)' })
      .getByRole('button', { name: 'Change the definition' })
      .click();
    const form = consultant.getByRole('form', {
      name: 'Change the definition',
    });
    await form.getByText(/starts definition version 2 from the start of the current period/).waitFor();
    expect(await form.getByLabel('Target (%)').inputValue()).toBe('90');
    await form.getByLabel('Target (%)').fill('92.5');
    await form.getByRole('button', { name: 'Save the definition' }).click();
    await consultant.getByRole('region', { name: 'Definition (version 2)' }).waitFor();
    const history = consultant.getByRole('region', { name: 'History' });
    await history.getByText(/^Version 2/).waitFor();
    await history.getByText(/^Version 1/).waitFor();
    const table = consultant.getByRole('table', {
      name: /Each period, newest first/,
    });
    await table
      .getByRole('row', { name: new RegExp(`^${weeks[1]!.label}`) })
      .getByText('Missed')
      .waitFor();
    expect(errors).toEqual([]);
  });

  it('asks for a reason when one interval entered by hand changes a closed week, and shows the correction', async () => {
    await consultant.goto(`${url}${serviceLevelPath}`);
    await expectNoRouteError(consultant);
    const closed = weeks[0]!;
    const table = consultant.getByRole('table', { name: /Each period, newest first/ });
    const closedRow = table.getByRole('row', { name: new RegExp(`^${closed.label}`) });
    await closedRow.getByText('95.0%').waitFor();
    const history = consultant.getByRole('region', { name: 'History' });
    await history.getByText('No corrections').waitFor();

    // An afternoon hour the platform's export left out, on the closed week's Monday (the client's local time).
    const form = consultant.getByRole('form', { name: 'Enter one interval by hand' });
    await form.getByLabel('Start', { exact: true }).fill(`${closed.firstDay}T14:00`);
    await form.getByLabel('End', { exact: true }).fill(`${closed.firstDay}T15:00`);
    await form.getByLabel('Good', { exact: true }).fill('98');
    await form.getByLabel('Valid', { exact: true }).fill('100');
    await form.getByRole('button', { name: 'Record interval' }).click();

    // Refused until a reason is given: the form asks for one, and the week keeps its figures.
    const reason = form.getByLabel('Reason for the correction');
    await reason.waitFor();
    await form
      .getByText(/This period has closed and already has figures: say why they change/)
      .first()
      .waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await closedRow.getByText('95.0%').waitFor();
    await history.getByText('No corrections').waitFor();
    await screenshot(consultant, 'service-level-correction-reason');
    expect(await seriousViolations(consultant)).toEqual([]);

    // Markup in the reason is kept as text, never read as HTML.
    const why = 'The 14:00 hour was missing from the <b>Monday</b> export; re-sent by the platform team';
    await reason.fill(why);
    await form.getByRole('button', { name: 'Record interval' }).click();
    await form.getByText('Interval recorded; the closed period’s correction is in the history.').waitFor();

    // 475 good of 500, and the hour's 98 of 100: 573 of 600, 95.5 %, still met.
    await closedRow.getByText('95.5%').waitFor();
    const correction = history.getByRole('listitem').filter({ hasText: closed.label });
    await correction.getByText('475 good of 500 → 573 good of 600').waitFor();
    await correction.getByText(`“${why}”`).waitFor();
    await correction.getByText(`by ${account.name}`).waitFor();
    expect(await history.locator('.correction-reason b').count()).toBe(0);
    await screenshot(consultant, 'service-level-correction-history');
    expect(await seriousViolations(consultant)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows the client leader each promise in plain words, audited and measured side by side', async () => {
    // An audit that tests the promise, published, so the leader has both kinds of evidence.
    await graphql(
      consultant,
      'mutation ($input: LinkPromiseToCriteriaInput!) { linkPromiseToCriteria(input: $input) { links { criterionKey } } }',
      {
        input: {
          charterId,
          promiseKey,
          frameworkKey: 'aeiou-values',
          criterionKeys: ['commitments-kept'],
        },
      },
    );
    const framework = await graphql<{
      auditFramework: { sections: { criteria: { key: string }[] }[] };
    }>(consultant, 'query { auditFramework(key: "aeiou-values") { sections { criteria { key } } } }');
    const audit = await graphql<{
      createAudit: { audit: { id: string; revision: number } };
    }>(
      consultant,
      'mutation ($id: ID!) { createAudit(input: { clientId: $id, frameworkKey: "aeiou-values" }) { audit { id revision } } }',
      { id: clientId },
    );
    const auditId = audit.createAudit.audit.id;
    let revision = audit.createAudit.audit.revision;
    const responses = framework.auditFramework.sections.flatMap((s) =>
      s.criteria.map((c) => ({ criterionKey: c.key, score: 4 })),
    );
    const step = async (query: string, input: Record<string, unknown>) => {
      const answer = await graphql<Record<string, { audit: { revision: number } }>>(consultant, query, {
        input: { auditId, expectedRevision: revision, ...input },
      });
      revision = Object.values(answer)[0]!.audit.revision;
    };
    await step(
      'mutation ($input: SaveAuditResponsesInput!) { saveAuditResponses(input: $input) { audit { revision } } }',
      { responses },
    );
    for (const status of ['SUBMITTED', 'PUBLISHED']) {
      await step(
        'mutation ($input: ChangeAuditStatusInput!) { changeAuditStatus(input: $input) { audit { revision } } }',
        { status },
      );
    }

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
      {
        input: {
          token,
          name: 'Sam Okafor',
          password: 'rain on the reservoir roof',
        },
      },
    );
    await leader.goto(`${url}/programme`);
    await expectNoRouteError(leader);
    const evidence = leader.getByRole('region', {
      name: 'Your promises, and the evidence they are kept',
    });
    const promise = evidence.getByRole('listitem', { name: PROMISE });
    const measured = promise.getByRole('region', {
      name: `Measured: ${PROMISE}`,
    });
    await measured.getByText(/Kept in 2 of the 3 weeks measured/).waitFor();
    const audited = promise.getByRole('region', {
      name: `Audited: ${PROMISE}`,
    });
    await audited.getByText('A-E-I-O-U service values', { exact: true }).waitFor();
    await audited.getByText('75.0 of 100').waitFor();
    await evidence
      .getByRole('listitem', { name: 'We say sorry and put it right' })
      .getByText('This promise has no measurable standard.')
      .waitFor();
    await screenshot(leader, 'programme-promises-evidence');
    expect(await seriousViolations(leader)).toEqual([]);

    // The service level's own page is the consultants': a leader is sent back to their programme.
    await leader.goto(`${url}${serviceLevelPath}`);
    await leader.waitForURL(`${url}/programme`);
    expect(leaderErrors).toEqual([]);
  });
});
