import { MONTHLY_REPORT_JOB, nextMonthlyReportAt } from '@csp/domain';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { seed } from '../../../test/seed.js';
import type { SignedIn } from '../../../test/factories.js';

let api: TestApi;
let world: {
  admin: SignedIn;
  client: string;
  leader1: SignedIn;
  leader2: SignedIn;
  otherClient: string;
  otherLeader: SignedIn;
};

beforeAll(async () => {
  api = await startTestApi();
  // The client's charter stays a draft: its leaders must not find it in the report.
  world = await seed(api)
    .consultancy()
    .client()
    .leader('leader1')
    .leader('leader2')
    .charter({ published: false })
    .client({}, 'otherClient')
    .leader('otherLeader');
});
afterAll(() => api.close());

const pendingRuns = (clientId: string) =>
  api.ownerQuery<{ next_attempt_at: Date }>(
    `SELECT next_attempt_at FROM scheduled_work WHERE job = $1 AND key = $2 AND status = 'PENDING'`,
    [MONTHLY_REPORT_JOB, clientId],
  );

describe('the monthly report to a client’s leaders', () => {
  it('is pending for every new client, at 08:00 UTC on the next 1st', async () => {
    for (const clientId of [world.client, world.otherClient]) {
      const runs = await pendingRuns(clientId);
      expect(runs).toHaveLength(1);
      expect(runs[0]!.next_attempt_at.getUTCDate()).toBe(1);
      expect(runs[0]!.next_attempt_at.getUTCHours()).toBe(8);
      expect(runs[0]!.next_attempt_at.getTime()).toBeGreaterThan(Date.now());
    }
  });

  it('mails each leader of the client a link to one scheduled PDF, made as a leader sees it', async () => {
    await api.ownerQuery(
      `UPDATE scheduled_work SET next_attempt_at = now() WHERE job = $1 AND key = $2 AND status = 'PENDING'`,
      [MONTHLY_REPORT_JOB, world.client],
    );
    const before = new Date();
    await api.scheduledWork.runOnce();

    const mail = (await api.queuedMail()).filter((m) => m.kind === 'MONTHLY_REPORT');
    expect(mail.map((m) => m.to).sort()).toEqual([world.leader1.email, world.leader2.email].sort());
    expect(mail.some((m) => m.to === world.otherLeader.email)).toBe(false);

    const reports = await api.ownerQuery<{
      id: string;
      scheduled: boolean;
      format: string;
      page_size: string;
    }>(`SELECT id, scheduled, format, page_size FROM programme_reports WHERE client_id = $1`, [world.client]);
    expect(reports).toEqual([{ id: expect.any(String), scheduled: true, format: 'PDF', page_size: 'A4' }]);
    const trail = await api.ownerQuery<{ action: string; object_id: string; actor_member_id: string | null }>(
      `SELECT action, object_id, actor_member_id FROM activity_trail WHERE object_type = 'programmeReport'`,
    );
    expect(trail).toEqual([
      { action: 'sendMonthlyProgrammeReport', object_id: reports[0]!.id, actor_member_id: null },
    ]);

    for (const message of mail) {
      const link = /(https?:\/\/\S+\/reports\/\S+)/.exec(message.text)?.[1];
      expect(link).toContain(reports[0]!.id);
      const response = await fetch(link!);
      expect(response.status).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(Buffer.from(bytes.subarray(0, 4)).toString('latin1')).toBe('%PDF');
      const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
      expect(text).not.toContain('Version 1 of the charter');
    }

    const next = await pendingRuns(world.client);
    expect(next).toHaveLength(1);
    expect(next[0]!.next_attempt_at.toISOString()).toBe(nextMonthlyReportAt(before).toISOString());
    // The other client's run was not due and is still waiting, untouched.
    expect(await pendingRuns(world.otherClient)).toHaveLength(1);
  });

  it('sends nothing for an archived client, and keeps its next month pending', async () => {
    await api.ownerQuery(`UPDATE clients SET status = 'ARCHIVED', archived_at = now() WHERE id = $1`, [
      world.otherClient,
    ]);
    await api.ownerQuery(
      `UPDATE scheduled_work SET next_attempt_at = now() WHERE job = $1 AND key = $2 AND status = 'PENDING'`,
      [MONTHLY_REPORT_JOB, world.otherClient],
    );
    await api.scheduledWork.runOnce();
    const mail = (await api.queuedMail()).filter((m) => m.kind === 'MONTHLY_REPORT');
    expect(mail.some((m) => m.to === world.otherLeader.email)).toBe(false);
    expect(await pendingRuns(world.otherClient)).toHaveLength(1);
    const runs = await api.ownerQuery(`SELECT 1 FROM programme_reports WHERE client_id = $1`, [
      world.otherClient,
    ]);
    expect(runs).toEqual([]);
  });
});
