import type { TenantDb } from '../../core/tenancy/tenant-db.js';

/**
 * What other modules ask of a client's service levels beyond the levels themselves: the client's time zone (the one
 * its service levels are judged in) and the contacts they count, for figures such as complaints per 1,000 contacts.
 */

/** The time zone of the client's newest service-level definition; UTC when the client measures nothing yet. */
export async function timeZoneOfClient(db: TenantDb, clientId: string): Promise<string> {
  const rows: { time_zone: string }[] = await db.query(
    `SELECT time_zone FROM service_level_versions
      WHERE tenant_id = $1 AND client_id = $2
      ORDER BY created_at DESC, number DESC LIMIT 1`,
    [db.tenantId, clientId],
  );
  return rows[0]?.time_zone ?? 'UTC';
}

/**
 * Σvalid of each service level of the client per period (consecutive, e.g. the calendar months of a zone), counting
 * an interval in the period it starts in. One statement for all the client's levels, each level's measurements a
 * range of its primary key (measurements have no index by client: reading them by client scanned the whole
 * tenant's); width_bucket finds each interval's period by a binary search over the periods' starts.
 */
export async function monthlyValidEvents(
  db: TenantDb,
  clientId: string,
  periods: readonly { label: string; start: Date; end: Date }[],
): Promise<{ serviceLevelId: string; month: string; valid: number }[]> {
  if (periods.length === 0) return [];
  const bounds = [...periods.map((p) => p.start), periods.at(-1)!.end];
  const rows: { service_level_id: string; bucket: number; valid: string }[] = await db.query(
    `SELECT m.service_level_id, width_bucket(m.starts_at, $3::timestamptz[]) AS bucket, sum(m.valid) AS valid
       FROM service_levels s
       JOIN service_level_measurements m
         ON m.tenant_id = s.tenant_id AND m.service_level_id = s.id AND m.starts_at >= $4 AND m.starts_at < $5
      WHERE s.tenant_id = $1 AND s.client_id = $2
      GROUP BY 1, 2`,
    [db.tenantId, clientId, bounds, bounds[0], bounds.at(-1)],
  );
  return rows.map((row) => ({
    serviceLevelId: row.service_level_id,
    month: periods[row.bucket - 1]?.label ?? '',
    valid: Number(row.valid),
  }));
}
