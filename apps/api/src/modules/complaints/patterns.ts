import {
  RECURRENCE_DAYS,
  RISING_TRAILING_MONTHS,
  monthCountingPlan,
  monthlySeries,
  periodContaining,
  previousPeriod,
  nextPeriod,
  ratePerThousand,
  recurrences,
  rootCauseKey,
  type ServicePeriod,
} from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { badInput } from '../../core/errors.js';
import { doneComplaintActions } from '../actions/index.js';
import { monthlyValidEvents, serviceLevelsOfClient, timeZoneOfClient } from '../service-levels/index.js';
import { touchPointById } from '../touch-points/index.js';
import { categoriesOfClient } from './loaders.js';
import type { ComplaintPatternsMapper } from './mappers.js';

export const MAX_PATTERN_MONTHS = 36;

/**
 * A client's complaint patterns over the last `months` calendar months in its time zone (docs/complaints.md). The
 * volume work is SQL aggregates over the domain's month bounds (the client's zone): one statement counts every
 * month × category and month × touch point (grouping sets), including the six months before the window that the
 * rising flag compares with, from the totals kept per UTC month's core (monthly-totals.ts) plus the complaints of
 * the bands between cores, read row by row (packages/domain's month-cores.ts); one more takes the median and 90th
 * percentile time to resolve per month with percentile_cont (the domain's `percentile` method), each month an
 * index-only range scan (LATERAL over the bounds) so that no step sorts three years of rows. The domain then lays
 * out the series and flags rising ones. The statements are the same few for 1 month or 36; bench/README.md has the
 * figures.
 */
export async function complaintPatterns(
  context: RequestContext,
  clientId: string,
  months: number,
): Promise<ComplaintPatternsMapper> {
  if (!Number.isInteger(months) || months < 1 || months > MAX_PATTERN_MONTHS) {
    throw badInput('months', `months must be a whole number from 1 to ${MAX_PATTERN_MONTHS}.`);
  }
  const now = new Date();
  return context.db.read(async (db) => {
    const timeZone = await timeZoneOfClient(db, clientId);
    const current = periodContaining(now, 'MONTH', timeZone);
    let first: ServicePeriod = current;
    for (let i = 1; i < months; i += 1) first = previousPeriod(first, timeZone);
    let trailingStart: ServicePeriod = first;
    for (let i = 0; i < RISING_TRAILING_MONTHS; i += 1)
      trailingStart = previousPeriod(trailingStart, timeZone);
    // Month bounds from the domain (the client's zone), so SQL never converts a row's time to local time.
    const periods: ServicePeriod[] = [];
    for (let month = trailingStart; ; month = nextPeriod(month, timeZone)) {
      periods.push(month);
      if (month.label === current.label) break;
    }
    const starts = periods.map((p) => p.start);
    const ends = periods.map((p) => p.end);
    const labelOf = (bucket: number) => periods[bucket - 1]?.label ?? '';
    const plan = monthCountingPlan(periods);
    const bands = plan.flatMap((p, index) => p.bands.map((band) => ({ ...band, bucket: index + 1 })));
    const labels = periods.slice(RISING_TRAILING_MONTHS).map((p) => p.label);

    const [counts, resolveRows, categories, levels, volumes, doneActions] = await Promise.all([
      // Each month is its core's totals plus its bands' complaints (packages/domain's month-cores.ts).
      db.query(
        `SELECT bucket, category_id, touch_point_id, grouping(category_id) AS by_touch_point,
                sum(complaints)::int AS count
           FROM (SELECT m.bucket, t.category_id, t.touch_point_id, t.complaints
                   FROM unnest($3::date[]) WITH ORDINALITY AS m(month, bucket)
                   JOIN complaint_monthly_totals t
                     ON t.tenant_id = $1 AND t.client_id = $2 AND t.month = m.month
                 UNION ALL
                 SELECT b.bucket, c.category_id, c.touch_point_id, 1
                   FROM unnest($4::timestamptz[], $5::timestamptz[], $6::int[]) AS b(starts, ends, bucket)
                   JOIN complaints c
                     ON c.tenant_id = $1 AND c.client_id = $2 AND c.received_at >= b.starts AND c.received_at < b.ends
                ) counted
          GROUP BY GROUPING SETS ((bucket, category_id), (bucket, touch_point_id))`,
        [
          db.tenantId,
          clientId,
          plan.map((p) => p.coreMonth),
          bands.map((b) => b.start),
          bands.map((b) => b.end),
          bands.map((b) => b.bucket),
        ],
      ) as Promise<
        {
          bucket: number;
          category_id: string | null;
          touch_point_id: string | null;
          by_touch_point: number;
          count: number;
        }[]
      >,
      // Ordered by the interval itself: converting each row to hours first costs more than the sort.
      db.query(
        `SELECT m.bucket + $5 AS bucket, r.resolved,
                ARRAY[extract(epoch FROM r.times[1]), extract(epoch FROM r.times[2])] AS seconds
           FROM unnest($3::timestamptz[], $4::timestamptz[]) WITH ORDINALITY AS m(starts, ends, bucket)
          CROSS JOIN LATERAL (
                SELECT count(*)::int AS resolved,
                       percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY resolved_at - received_at) AS times
                  FROM complaints
                 WHERE tenant_id = $1 AND client_id = $2 AND received_at >= m.starts AND received_at < m.ends
                   AND resolved_at IS NOT NULL) r
          WHERE r.resolved > 0`,
        [
          db.tenantId,
          clientId,
          starts.slice(RISING_TRAILING_MONTHS),
          ends.slice(RISING_TRAILING_MONTHS),
          RISING_TRAILING_MONTHS,
        ],
      ) as Promise<{ bucket: number; resolved: number; seconds: string[] }[]>,
      categoriesOfClient(context).load(clientId),
      serviceLevelsOfClient(context).load(clientId),
      monthlyValidEvents(db, clientId, periods.slice(RISING_TRAILING_MONTHS)),
      doneComplaintActions(db, clientId),
    ]);

    const byCategory = counts
      .filter((row) => Number(row.by_touch_point) === 0 && row.category_id)
      .map((row) => ({ key: row.category_id!, month: labelOf(row.bucket), count: row.count }));
    const byTouchPoint = counts
      .filter((row) => Number(row.by_touch_point) === 1 && row.touch_point_id)
      .map((row) => ({ key: row.touch_point_id!, month: labelOf(row.bucket), count: row.count }));
    const inWindow = new Set(labels);
    const categoryIds = new Set(byCategory.filter((c) => inWindow.has(c.month)).map((c) => c.key));
    const shown = categories.filter((c) => !c.archivedAt || categoryIds.has(c.id));
    const categorySeries = monthlySeries(
      byCategory,
      labels,
      shown.map((c) => c.id),
    );
    const touchPointIds = [...new Set(byTouchPoint.filter((c) => inWindow.has(c.month)).map((c) => c.key))];
    const touchPoints = await touchPointById(context).loadMany(touchPointIds);
    const touchPointSeries = monthlySeries(byTouchPoint, labels, touchPointIds);

    const totals = labels.map((month) =>
      byCategory.filter((c) => c.month === month).reduce((sum, c) => sum + c.count, 0),
    );
    const timeToResolve = labels.map((month) => {
      const row = resolveRows.find((r) => labelOf(r.bucket) === month);
      return {
        month,
        resolved: row?.resolved ?? 0,
        medianHours: row ? Number(row.seconds[0]) / 3600 : null,
        p90Hours: row ? Number(row.seconds[1]) / 3600 : null,
      };
    });
    const rates = levels
      .map((serviceLevel) => {
        const contacts = labels.map(
          (month) =>
            volumes.find((v) => v.serviceLevelId === serviceLevel.id && v.month === month)?.valid ?? 0,
        );
        return {
          serviceLevel,
          contacts,
          perThousand: contacts.map((valid, index) => ratePerThousand(totals[index]!, valid)),
        };
      })
      .filter((rate) => rate.contacts.some((valid) => valid > 0));

    return {
      months: labels,
      timeZone,
      categories: categorySeries.map((series, index) => ({
        category: shown[index]!,
        counts: series.counts,
        rising: series.rising,
      })),
      touchPoints: touchPointSeries.flatMap((series, index) => {
        const touchPoint = touchPoints[index];
        return touchPoint && !(touchPoint instanceof Error)
          ? [{ touchPoint, counts: series.counts, rising: series.rising }]
          : [];
      }),
      totals,
      timeToResolve,
      rates,
      recurrences: await recurrencesOf(db, clientId, doneActions, first.start, current.end),
    };
  });
}

/**
 * Complaints in the window whose root cause is that of a done action's complaint: the candidates are found in SQL
 * by the normalised cause (one statement for the actions' complaints, one for the candidates), and the domain's
 * `recurrences` applies the 90-day rule.
 */
async function recurrencesOf(
  db: TenantDb,
  clientId: string,
  doneActions: { actionId: string; complaintId: string; doneAt: Date }[],
  from: Date,
  until: Date,
) {
  if (doneActions.length === 0) return [];
  const sources: { id: string; root_cause: string | null }[] = await db.query(
    `SELECT id, root_cause FROM complaints WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND root_cause IS NOT NULL`,
    [db.tenantId, doneActions.map((a) => a.complaintId)],
  );
  const causeOf = new Map(sources.map((s) => [s.id, s.root_cause!]));
  const actions = doneActions.flatMap((a) => {
    const rootCause = causeOf.get(a.complaintId);
    return rootCause ? [{ actionId: a.actionId, rootCause, doneAt: a.doneAt }] : [];
  });
  if (actions.length === 0) return [];
  // Only complaints received after the earliest done action, and within the window after the latest one, can recur.
  const doneTimes = actions.map((a) => a.doneAt.getTime());
  const after = new Date(Math.max(from.getTime(), Math.min(...doneTimes)));
  const before = new Date(
    Math.min(until.getTime(), Math.max(...doneTimes) + RECURRENCE_DAYS * 86_400_000 + 1),
  );
  if (after >= before) return [];
  const candidates: { id: string; received_at: Date; root_cause: string }[] = await db.query(
    `SELECT id, received_at, root_cause FROM complaints
      WHERE tenant_id = $1 AND client_id = $2 AND received_at >= $3 AND received_at < $4
        AND lower(regexp_replace(btrim(root_cause), '\\s+', ' ', 'g')) = ANY($5::text[])
      ORDER BY received_at DESC, id DESC`,
    [db.tenantId, clientId, after, before, [...new Set(actions.map((a) => rootCauseKey(a.rootCause)))]],
  );
  return recurrences(
    candidates.map((c) => ({ id: c.id, receivedAt: c.received_at, rootCause: c.root_cause })),
    actions,
  );
}
