import { monthCoreOf } from '@csp/domain';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { ComplaintRow } from './entities.js';

/** What a complaint's place in the totals depends on. */
export type CountedComplaint = Pick<ComplaintRow, 'receivedAt' | 'categoryId' | 'touchPointId'>;

/**
 * Complaints counted per UTC month's core, category and touch point in `complaint_monthly_totals` (migration
 * 1763800023000), what the patterns read. Every write of a complaint calls this in its own transaction with what
 * it changed (`before` gone, `after` come; both for a change), so the totals never drift from the log; a complaint
 * in a band between two cores counts nowhere here (the patterns read those row by row).
 *
 * One statement however many complaints: the changes are summed here and sent in key order, so two writers
 * touching the same months lock their rows in the same order (no deadlock).
 */
export async function countInMonthlyTotals(
  db: TenantDb,
  clientId: string,
  changes: readonly { before?: CountedComplaint | null; after?: CountedComplaint | null }[],
): Promise<void> {
  const deltas = new Map<
    string,
    { month: string; categoryId: string; touchPointId: string | null; delta: number }
  >();
  const add = (complaint: CountedComplaint | null | undefined, delta: number) => {
    if (!complaint) return;
    const month = monthCoreOf(complaint.receivedAt);
    if (!month) return;
    const key = `${month} ${complaint.categoryId} ${complaint.touchPointId ?? ''}`;
    const entry = deltas.get(key) ?? {
      month,
      categoryId: complaint.categoryId,
      touchPointId: complaint.touchPointId,
      delta: 0,
    };
    entry.delta += delta;
    deltas.set(key, entry);
  };
  for (const { before, after } of changes) {
    add(before, -1);
    add(after, 1);
  }
  const rows = [...deltas.entries()]
    .filter(([, entry]) => entry.delta !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, entry]) => entry);
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO complaint_monthly_totals AS t (tenant_id, client_id, month, category_id, touch_point_id, complaints)
     SELECT $1, $2, d.month, d.category_id, d.touch_point_id, d.delta
       FROM unnest($3::date[], $4::uuid[], $5::uuid[], $6::int[]) WITH ORDINALITY AS d(month, category_id, touch_point_id, delta, n)
      ORDER BY d.n
     ON CONFLICT (tenant_id, client_id, month, category_id, touch_point_id)
     DO UPDATE SET complaints = t.complaints + EXCLUDED.complaints WHERE t.tenant_id = $1`,
    [
      db.tenantId,
      clientId,
      rows.map((r) => r.month),
      rows.map((r) => r.categoryId),
      rows.map((r) => r.touchPointId),
      rows.map((r) => r.delta),
    ],
  );
}
