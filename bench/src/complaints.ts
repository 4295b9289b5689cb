import pg from 'pg';
import { load, type LoadResult } from './load.js';
import { post } from './post.js';

/**
 * `BENCH_SCENARIOS=complaints npm run bench`: the complaint patterns of one client with three years of complaints,
 * 50 a day (54,750), in eight categories and twelve touch points, most resolved with a root cause, and done actions
 * on some of those causes (recurrence). The target: p95 ≤ 100 ms for the patterns.
 */
export const COMPLAINT_DAYS = 3 * 365;
export const COMPLAINTS_PER_DAY = 50;
const CATEGORIES = 8;
const TOUCH_POINTS = 12;

export const COMPLAINT_PATTERNS = `
  query BenchComplaintPatterns($id: ID!, $months: Int) {
    client(id: $id) {
      complaintPatterns(months: $months) {
        months
        timeZone
        totals
        categories { category { id name } counts rising { rising count trailingMean probability } }
        touchPoints { touchPoint { id name } counts rising { rising } }
        timeToResolve { month resolved medianHours p90Hours }
        rates { serviceLevel { id } contacts perThousand }
        recurrences { complaint { id } action { id } }
      }
    }
  }`;

/**
 * Writes the client's complaints as the owner, in a few set-based statements (generate_series), so three years
 * load in seconds: categories, a stage and touch points, the complaints, and done actions on two root causes.
 */
export async function loadComplaints(
  ownerUrl: string,
  tenantId: string,
  clientId: string,
  now: Date,
): Promise<number> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const ownerId = (
      await client.query<{ id: string }>(
        `SELECT id FROM users WHERE tenant_id = $1 AND role = 'ADMIN' ORDER BY created_at, id LIMIT 1`,
        [tenantId],
      )
    ).rows[0]!.id;
    const categories = (
      await client.query<{ id: string }>(
        `INSERT INTO complaint_categories (tenant_id, client_id, name)
         SELECT $1, $2, 'Bench category ' || n FROM generate_series(1, $3) n RETURNING id`,
        [tenantId, clientId, CATEGORIES],
      )
    ).rows.map((r) => r.id);
    await client.query(
      `INSERT INTO customer_journeys (tenant_id, client_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [tenantId, clientId],
    );
    const stage = (
      await client.query<{ id: string }>(
        `INSERT INTO journey_stages (tenant_id, client_id, name, position)
         VALUES ($1, $2, 'Bench stage', 1000) RETURNING id`,
        [tenantId, clientId],
      )
    ).rows[0]!.id;
    const touchPoints = (
      await client.query<{ id: string }>(
        `INSERT INTO touch_points (tenant_id, client_id, stage_id, name, channel, owning_team, position)
         SELECT $1, $2, $3, 'Bench touch point ' || n, 'PHONE', 'Bench team', n FROM generate_series(1, $4) n
         RETURNING id`,
        [tenantId, clientId, stage, TOUCH_POINTS],
      )
    ).rows.map((r) => r.id);
    const total = COMPLAINT_DAYS * COMPLAINTS_PER_DAY;
    // Complaint i: received (COMPLAINT_DAYS × 86,400 s) × i / total before now; its category and touch point by
    // i modulo; 85 % resolved after 1 to 120 hours; root causes from a list of 20.
    await client.query(
      `INSERT INTO complaints (tenant_id, client_id, received_at, channel, touch_point_id, category_id, severity,
                               what_happened, resolved_at, resolution, root_cause)
       SELECT $1, $2, r.at, 'PHONE', ($5::uuid[])[1 + i % array_length($5::uuid[], 1)],
              ($4::uuid[])[1 + (i * 7) % array_length($4::uuid[], 1)],
              (ARRAY['LOW','MEDIUM','HIGH','CRITICAL'])[1 + i % 4], 'Bench complaint ' || i,
              CASE WHEN i % 20 < 17 AND r.at + ((1 + i % 120) * interval '1 hour') < $3
                   THEN r.at + ((1 + i % 120) * interval '1 hour') END,
              CASE WHEN i % 20 < 17 AND r.at + ((1 + i % 120) * interval '1 hour') < $3 THEN 'Put right' END,
              CASE WHEN i % 20 < 17 AND r.at + ((1 + i % 120) * interval '1 hour') < $3 THEN 'Cause ' || (i % 20) END
         FROM generate_series(1, $6) i
         CROSS JOIN LATERAL (SELECT $3::timestamptz - (i::float8 / $6 * $7 * interval '1 day') AS at) r`,
      [tenantId, clientId, now, categories, touchPoints, total, COMPLAINT_DAYS],
    );
    // Done actions on the complaints of two causes, 60 days ago, so recurrences are found.
    await client.query(
      `INSERT INTO actions (tenant_id, id, client_id, description, owner_id, status, priority, revision, created_by,
                            created_at, updated_at, completed_at, complaint_id)
       SELECT $1, gen_random_uuid(), $2, 'Bench fix for ' || c.root_cause, $3, 'DONE', 'MEDIUM', 1, $3,
              $4::timestamptz - interval '70 days', $4::timestamptz - interval '60 days',
              $4::timestamptz - interval '60 days', c.id
         FROM (SELECT DISTINCT ON (root_cause) id, root_cause FROM complaints
                WHERE tenant_id = $1 AND client_id = $2 AND root_cause IN ('Cause 3', 'Cause 7')
                  AND received_at < $4::timestamptz - interval '70 days'
                ORDER BY root_cause, received_at DESC) c`,
      [tenantId, clientId, ownerId, now],
    );
    // The totals the API keeps with every complaint it records (apps/api's complaints/monthly-totals.ts), as
    // migration 1763800023000 counts them: per UTC month's core, category and touch point.
    await client.query(
      `INSERT INTO complaint_monthly_totals (tenant_id, client_id, month, category_id, touch_point_id, complaints)
       SELECT tenant_id, client_id, date_trunc('month', received_at AT TIME ZONE 'UTC')::date, category_id,
              touch_point_id, count(*)
         FROM complaints
        WHERE tenant_id = $1 AND client_id = $2
          AND received_at >= (date_trunc('month', received_at AT TIME ZONE 'UTC') + interval '12 hours')
                             AT TIME ZONE 'UTC'
          AND received_at < (date_trunc('month', received_at AT TIME ZONE 'UTC') + interval '1 month'
                             - interval '14 hours') AT TIME ZONE 'UTC'
        GROUP BY 1, 2, 3, 4, 5`,
      [tenantId, clientId],
    );
    await client.query('COMMIT');
    // What autovacuum would have done by now: statistics, and the visibility map the index-only scans need.
    await client.query('VACUUM ANALYZE complaints');
    return total;
  } finally {
    await client.end();
  }
}

export interface ComplaintScenarioOptions {
  url: string;
  token: string;
  clientId: string;
  connections: number;
  seconds: number;
  beforeMeasure: () => Promise<void>;
  afterMeasure: (result: LoadResult) => Promise<LoadResult>;
}

/** The patterns over 12 and 36 months, and 36 months on one connection (the request's own latency). */
export async function complaintScenarios(options: ComplaintScenarioOptions): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const [months, connections] of [
    [12, options.connections],
    [36, options.connections],
    [36, 1],
  ] as const) {
    const variables = { id: options.clientId, months };
    const answer = await post(options.url, COMPLAINT_PATTERNS, variables, options.token);
    if (!answer.data.client) throw new Error('The bench client has no complaint patterns.');
    results.push(
      await options.afterMeasure(
        await load({
          name: `complaint patterns, ${months} months${connections === 1 ? ', 1 connection' : ''}`,
          url: options.url,
          headers: { authorization: `Bearer ${options.token}` },
          connections,
          seconds: options.seconds,
          beforeMeasure: options.beforeMeasure,
          body: () => ({ query: COMPLAINT_PATTERNS, variables }),
        }),
      ),
    );
  }
  return results;
}

/** The figures against the target, under the table. */
export function complaintLines(results: readonly LoadResult[], complaints: number): void {
  for (const r of results) {
    console.log(
      `  ${r.name} over ${complaints.toLocaleString('en')} complaints: p95 ${r.p95.toFixed(1)} ms (target ≤ 100 ms), ` +
        `${r.statements === null ? '-' : r.statements.toFixed(1)} SQL statements per request`,
    );
  }
}
