import { MONTHLY_REPORT_JOB, nextMonthlyReportAt } from '@csp/domain';
import { recordProductAction } from '../../core/activity-trail.js';
import { SYSTEM_SSO_SETTINGS, type RequestContext } from '../../core/context.js';
import { DEFAULT_FEEDBACK_SETTINGS, DEFAULT_WEBHOOK_SETTINGS } from '../../core/config.js';
import { scheduleWork, type ScheduledJob, type ScheduledWorkEnvironment } from '../../core/scheduled-work.js';
import type { RequestDatabase } from '../../core/tenancy/request-database.js';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { consultancyNameOf, leaderIdsOfClient } from '../accounts/index.js';
import { clientOf } from '../clients/index.js';
import { notify } from '../notifications/index.js';
import { keepReport, makeReportFile } from './create-report.js';

/**
 * How long the emailed link works. Longer than the 15 minutes of a link made on screen, because a monthly email is
 * read when its reader gets to it (after a holiday, on the next board day), and it cannot ask for a new link the
 * way the portal can; short enough that an old email does not keep the report reachable for good.
 */
export const MONTHLY_LINK_DAYS = 14;

/** Makes a client's next monthly report due, in the caller's transaction (a new client's first, every run's next). */
export async function scheduleMonthlyReport(db: TenantDb, clientId: string, after: Date): Promise<void> {
  await scheduleWork(db, { job: MONTHLY_REPORT_JOB, key: clientId, runAt: nextMonthlyReportAt(after) });
}

/**
 * A client's monthly report (key: the client id), due 08:00 UTC on the 1st: one A4 PDF made as one of the client's
 * leaders sees it, kept as a scheduled snapshot and emailed to every leader of the client, each as they chose. The
 * next month's run is scheduled first, whatever this one finds: a client with no leader yet, or archived for now,
 * is asked again next month rather than dropped, so nothing has to remember to start it again.
 */
export const monthlyReportJob: ScheduledJob = {
  name: MONTHLY_REPORT_JOB,
  async run(db, work, environment) {
    const clientId = work.key;
    // From the slot it was due, not from now: a run late after an outage still lands on the next 1st.
    await scheduleMonthlyReport(db, clientId, new Date(Math.max(work.dueAt.getTime(), Date.now())));
    const client = await clientOf(db, clientId);
    if (!client || client.status === 'ARCHIVED') return;
    const leaderIds = await leaderIdsOfClient(db, clientId);
    if (!leaderIds.length) return;

    const input = { clientId, format: 'PDF', pageSize: 'A4' } as const;
    const made = await asLeader(db, environment, clientId, leaderIds[0]!, work.id, (context) =>
      makeReportFile(context, input, environment.schema, { preparedBy: 'consultancy' }),
    );
    if (!made) return;
    const kept = await keepReport(db, {
      input,
      file: made.file,
      createdBy: null,
      scheduled: true,
      validityMinutes: MONTHLY_LINK_DAYS * 24 * 60,
      publicUrl: environment.publicUrl,
    });
    // The trail names the snapshot, whose SHA-256 is kept with it and never changes.
    await recordProductAction(db, work.id, {
      action: 'sendMonthlyProgrammeReport',
      object: { type: 'programmeReport', id: kept.report.id },
    });
    const consultancyName = await consultancyNameOf(db);
    const monthLabel = monthBefore(work.dueAt);
    await notify(db, environment, leaderIds, {
      kind: 'MONTHLY_REPORT',
      clientId,
      clientName: client.name,
      forAudience: () => ({
        data: {
          clientName: client.name,
          consultancyName,
          monthLabel,
          downloadUrl: kept.downloadUrl,
          expiresAt: kept.downloadExpiresAt.toISOString(),
        },
        digestLine: `The programme report for ${monthLabel} is ready to download.`,
        url: kept.downloadUrl,
      }),
    });
  },
};

/** "November 2026" for a run due on 1 December: the month the report looks back on. */
function monthBefore(dueAt: Date): string {
  const previous = new Date(Date.UTC(dueAt.getUTCFullYear(), dueAt.getUTCMonth() - 1, 1));
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    previous,
  );
}

/**
 * Runs `work` as a request by this client leader would, inside the job's own transaction: the viewer is the leader
 * (so the permission guard and the resolvers withhold what a leader may not see) and the client fence is set with
 * the same `set_config('app.client_id', …, true)` a leader's request sets (request-database.ts), so row-level
 * security fences every statement to the client as well. The fence is lifted again before the job goes on, as the
 * rest of the run (the snapshot, the emails) is the consultancy's work, not the leader's.
 */
async function asLeader<T>(
  db: TenantDb,
  environment: ScheduledWorkEnvironment,
  clientId: string,
  memberId: string,
  runId: string,
  work: (context: RequestContext) => Promise<T>,
): Promise<T> {
  const database: RequestDatabase = {
    fence: { tenantId: db.tenantId, clientId },
    enterTenant: () => Promise.reject(new Error('A scheduled run is already in its tenant.')),
    read: (read) => read(db),
    // The report only reads; a write would not get a savepoint of its own here, so none is allowed.
    write: () => Promise.reject(new Error('A report made for a scheduled run does not write.')),
    beforeTenant: () => Promise.reject(new Error('A scheduled run is already in its tenant.')),
    statementCount: () => 0,
    finish: () => Promise.resolve(),
  };
  const context: RequestContext = {
    viewer: {
      kind: 'member',
      tenantId: db.tenantId,
      memberId,
      role: 'CLIENT_LEADER',
      clientId,
      sessionId: runId,
    },
    db: database,
    loaders: new Map(),
    requestId: runId,
    session: { set: () => undefined, clear: () => undefined },
    settings: {
      sessionDays: 1,
      publicUrl: environment.publicUrl,
      webhooks: DEFAULT_WEBHOOK_SETTINGS,
      feedback: DEFAULT_FEEDBACK_SETTINGS,
      mailDelivery: 'KEPT',
      emailLinkSecret: environment.emailLinkSecret,
      sso: SYSTEM_SSO_SETTINGS,
    },
  };
  await db.query(`SELECT set_config('app.client_id', $1, true)`, [clientId]);
  try {
    return await work(context);
  } finally {
    await db.query(`SELECT set_config('app.client_id', '', true)`);
  }
}
