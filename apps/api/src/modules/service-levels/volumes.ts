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
 * Σvalid of each service level of the client per calendar month (`YYYY-MM` in `timeZone`), counting an interval in
 * the month it starts, for the intervals starting in [from, until). One statement for all the client's levels.
 */
export async function monthlyValidEvents(
  db: TenantDb,
  clientId: string,
  range: { from: Date; until: Date; timeZone: string },
): Promise<{ serviceLevelId: string; month: string; valid: number }[]> {
  const rows: { service_level_id: string; month: string; valid: string }[] = await db.query(
    `SELECT service_level_id, to_char(starts_at AT TIME ZONE $5, 'YYYY-MM') AS month, sum(valid) AS valid
       FROM service_level_measurements
      WHERE tenant_id = $1 AND client_id = $2 AND starts_at >= $3 AND starts_at < $4
      GROUP BY 1, 2`,
    [db.tenantId, clientId, range.from, range.until, range.timeZone],
  );
  return rows.map((row) => ({
    serviceLevelId: row.service_level_id,
    month: row.month,
    valid: Number(row.valid),
  }));
}
