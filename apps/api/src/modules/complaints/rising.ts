import {
  RISING_TRAILING_MONTHS,
  monthOf,
  nextPeriod,
  periodContaining,
  previousPeriod,
  risingFlag,
} from '@csp/domain';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { timeZoneOfClient } from '../service-levels/index.js';
import { queueWebhookEvent } from '../webhooks/index.js';
import type { RequestContext } from '../../core/context.js';
import { tellOfRising } from './rising-news.js';

/**
 * After complaints are written: each category they fall in whose count this month (in the client's time zone) is
 * now rising against the six months before (the domain's `risingFlag`) is announced with `complaint.rising`, once
 * per category and month (complaint_rising_announcements). Complaints received in earlier months (a backfill) do
 * not announce anything: a rising flag is news only while the month runs. Two statements whatever the batch's size:
 * the counts of the categories over the seven months, and the claim of the announcements.
 */
export async function announceRising(
  db: TenantDb,
  clientId: string,
  complaints: readonly { categoryId: string; receivedAt: Date }[],
  now: Date,
  context: Pick<RequestContext, 'requestId' | 'settings'>,
): Promise<void> {
  const requestId = context.requestId;
  const timeZone = await timeZoneOfClient(db, clientId);
  const current = periodContaining(now, 'MONTH', timeZone);
  const categories = [
    ...new Set(
      complaints.filter((c) => monthOf(c.receivedAt, timeZone) === current.label).map((c) => c.categoryId),
    ),
  ];
  if (categories.length === 0) return;
  let first = current;
  for (let i = 0; i < RISING_TRAILING_MONTHS; i += 1) first = previousPeriod(first, timeZone);
  const rows: { category_id: string; month: string; count: number }[] = await db.query(
    `SELECT category_id, to_char(received_at AT TIME ZONE $6, 'YYYY-MM') AS month, count(*)::int AS count
       FROM complaints
      WHERE tenant_id = $1 AND client_id = $2 AND category_id = ANY($3::uuid[])
        AND received_at >= $4 AND received_at < $5
      GROUP BY 1, 2`,
    [db.tenantId, clientId, categories, first.start, current.end, timeZone],
  );
  const trailingMonths: string[] = [];
  for (let month = first; month.label !== current.label; month = nextPeriod(month, timeZone)) {
    trailingMonths.push(month.label);
  }
  const countOf = (category: string, month: string) =>
    rows.find((row) => row.category_id === category && row.month === month)?.count ?? 0;
  const rising = categories
    .map((categoryId) => ({
      categoryId,
      flag: risingFlag(
        countOf(categoryId, current.label),
        trailingMonths.map((month) => countOf(categoryId, month)),
      ),
    }))
    .filter((c) => c.flag.rising);
  if (rising.length === 0) return;
  const claimed: { category_id: string }[] = await db.query(
    `INSERT INTO complaint_rising_announcements (tenant_id, category_id, client_id, month)
     SELECT $1, category_id, $2, $3 FROM unnest($4::uuid[]) AS category_id
     ON CONFLICT DO NOTHING
     RETURNING category_id`,
    [db.tenantId, clientId, current.label, rising.map((c) => c.categoryId)],
  );
  for (const { category_id } of claimed) {
    const { flag } = rising.find((c) => c.categoryId === category_id)!;
    await tellOfRising(db, context.settings, {
      clientId,
      categoryId: category_id,
      month: current,
      thisMonth: flag.count,
      monthBefore: countOf(category_id, trailingMonths.at(-1) ?? ''),
    });
    await queueWebhookEvent(db, {
      tenantId: db.tenantId,
      type: 'COMPLAINT_RISING',
      requestId,
      data: {
        clientId,
        categoryId: category_id,
        month: current.label,
        count: flag.count,
        trailingMean: flag.trailingMean,
        probability: flag.probability,
      },
    });
  }
}
