import {
  businessElapsedShare,
  complianceOf,
  periodCompliance,
  periodStatus,
  type MeasuredInterval,
  type VersionedPeriod,
} from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { queueWebhookEvent } from '../webhooks/index.js';
import type { ServiceLevelRow, ServiceLevelVersionRow } from './entities.js';
import { storedInterval, type IntervalSqlRow } from './rollup.js';
import { tellOfServiceLevel } from './service-level-news.js';

/**
 * The webhook events a batch of measurements can cause, queued in the batch's own transaction (the outbox), so an
 * event exists exactly when the figures that caused it are stored. Each service level is judged once per batch on
 * where its figures now stand, not period by period, so a year of history loaded at once announces at most one
 * breach or recovery:
 *
 * - the newest closed period with figures: missed while the level was not in breach → `breached` (and it is now);
 *   met while it was → `recovered`;
 * - the running period: at risk (the domain's projection misses the target) and not announced yet → `at_risk`,
 *   once per period.
 */

export interface LevelToJudge {
  level: ServiceLevelRow;
  versions: readonly ServiceLevelVersionRow[];
  /** The period an instant counts in under the level's versions (the domain's `versionedPeriodFinder`). */
  periodOf: (instant: Date) => VersionedPeriod;
}

const iso = (date: Date) => date.toISOString();

/** Announces what changed, and answers whether each level is in breach afterwards, by id. */
export async function announceChanges(
  db: TenantDb,
  context: RequestContext,
  levels: readonly LevelToJudge[],
  now: Date,
): Promise<Map<string, boolean>> {
  const inBreach = new Map(levels.map(({ level }) => [level.id, level.inBreach]));
  const targetOf = (judged: LevelToJudge, version: number) =>
    (judged.versions.find((v) => v.number === version) ?? judged.versions.at(-1)!).target;
  const announce = (
    type: 'SERVICE_LEVEL_AT_RISK' | 'SERVICE_LEVEL_BREACHED' | 'SERVICE_LEVEL_RECOVERED',
    { level }: LevelToJudge,
    period: { label: string; start: Date; end: Date },
    figures: { compliance: number | null; projected: number | null; target: number },
  ) =>
    // One after the other: both write in the batch's one transaction.
    queueWebhookEvent(db, {
      tenantId: db.tenantId,
      type,
      requestId: context.requestId,
      data: {
        serviceLevelId: level.id,
        clientId: level.clientId,
        promiseKey: level.promiseKey,
        period: { label: period.label, start: iso(period.start), end: iso(period.end) },
        ...figures,
      },
    }).then(() =>
      // A recovery is good news the service level page shows; only a miss or a risk is worth an email.
      type === 'SERVICE_LEVEL_RECOVERED'
        ? undefined
        : tellOfServiceLevel(
            db,
            context.settings,
            level,
            type === 'SERVICE_LEVEL_BREACHED' ? 'BREACHED' : 'AT_RISK',
            period,
            figures,
          ),
    );

  const closed = (await db.query(
    `SELECT l.id AS service_level_id, p.starts_at, p.ends_at, p.label, p.definition_version, p.good, p.valid
       FROM unnest($2::uuid[]) AS l(id)
       CROSS JOIN LATERAL (
         SELECT starts_at, ends_at, label, definition_version, good, valid FROM service_level_periods
          WHERE tenant_id = $1 AND service_level_id = l.id AND ends_at <= $3 AND valid > 0
          ORDER BY starts_at DESC LIMIT 1) p`,
    [db.tenantId, levels.map(({ level }) => level.id), iso(now)],
  )) as {
    service_level_id: string;
    starts_at: Date;
    ends_at: Date;
    label: string;
    definition_version: number;
    good: string;
    valid: string;
  }[];
  for (const row of closed) {
    const judged = levels.find(({ level }) => level.id === row.service_level_id)!;
    const totals = { good: Number(row.good), valid: Number(row.valid) };
    const target = targetOf(judged, row.definition_version);
    const status = periodStatus(totals, target);
    const was = inBreach.get(judged.level.id)!;
    const breached = status === 'MISSED' && !was;
    const recovered = status === 'MET' && was;
    if (!breached && !recovered) continue;
    const compliance = complianceOf(totals);
    const period = { label: row.label, start: row.starts_at, end: row.ends_at };
    await announce(
      status === 'MISSED' ? 'SERVICE_LEVEL_BREACHED' : 'SERVICE_LEVEL_RECOVERED',
      judged,
      period,
      {
        compliance,
        projected: compliance,
        target,
      },
    );
    inBreach.set(judged.level.id, breached);
  }

  const running = levels.map((judged) => ({ judged, period: judged.periodOf(now) }));
  // The running periods' intervals, for the projection's recent rate. Each LATERAL is fenced (LIMIT, OFFSET 0) so
  // that it stays an index probe per period instead of a join the planner may turn into a scan of the tenant.
  const measured = (await db.query(
    `SELECT p.service_level_id, m.starts_at, m.ends_at, m.good, m.valid, m.excluded
       FROM unnest($2::uuid[], $3::timestamptz[], $4::timestamptz[]) AS o(level, starts, ends)
       JOIN LATERAL (
         SELECT service_level_id, starts_at FROM service_level_periods
          WHERE tenant_id = $1 AND service_level_id = o.level AND starts_at = o.starts
            AND at_risk_announced_at IS NULL LIMIT 1) p ON true
       JOIN LATERAL (
         SELECT starts_at, ends_at, good, valid, excluded FROM service_level_measurements
          WHERE tenant_id = $1 AND service_level_id = o.level AND period_start = o.starts
            AND starts_at >= o.starts AND starts_at < o.ends OFFSET 0) m ON true`,
    [
      db.tenantId,
      running.map((r) => r.judged.level.id),
      running.map((r) => iso(r.period.start)),
      running.map((r) => iso(r.period.end)),
    ],
  )) as IntervalSqlRow[];
  const stamped: { level: string; start: Date }[] = [];
  for (const { judged, period } of running) {
    const intervals: MeasuredInterval[] = measured
      .filter((row) => row.service_level_id === judged.level.id)
      .map(storedInterval);
    if (intervals.length === 0) continue;
    const version = judged.versions.find((v) => v.number === period.version) ?? judged.versions.at(-1)!;
    const elapsed = businessElapsedShare(period, now, version.businessHours, version.timeZone);
    const figures = periodCompliance(intervals, period, version.target, now, elapsed);
    if (!figures.atRisk) continue;
    await announce('SERVICE_LEVEL_AT_RISK', judged, period, {
      compliance: figures.compliance,
      projected: figures.projected,
      target: version.target,
    });
    stamped.push({ level: judged.level.id, start: period.start });
  }
  if (stamped.length > 0) {
    await db.query(
      `UPDATE service_level_periods SET at_risk_announced_at = $2
        WHERE tenant_id = $1 AND (service_level_id, starts_at) IN (
          SELECT * FROM unnest($3::uuid[], $4::timestamptz[]))`,
      [db.tenantId, iso(now), stamped.map((s) => s.level), stamped.map((s) => iso(s.start))],
    );
  }
  return inBreach;
}
