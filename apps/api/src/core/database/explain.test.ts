import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { withDatabase } from '../../../test/global-setup.js';
import { generate, tenantFixture, type TenantFixture } from '../../../../../bench/src/generate.js';

/**
 * At 1,000 consultancies, the main queries of the API are served by indexes that start with tenant_id: EXPLAIN,
 * as the API's role with a tenant set (so the row-level security policies are part of the plan), shows no
 * sequential scan of a tenant table. The statements mirror what the services and DataLoaders send.
 */
const TENANTS = 1_000;
const CLIENTS_PER_TENANT = 3;

let api: TestApi;
let fixture: TenantFixture;
let tenantTables: Set<string>;

beforeAll(async () => {
  api = await startTestApi();
  const [{ name }] = (await api.ownerQuery<{ name: string }>('SELECT current_database() AS name')) as [
    { name: string },
  ];
  const ownerUrl = withDatabase(inject('testServerUrl'), name);
  await generate(ownerUrl, { from: 0, to: TENANTS, clientsPerTenant: CLIENTS_PER_TENANT, connections: 2 });
  fixture = await tenantFixture(ownerUrl, 500);
  const tables = await api.ownerQuery<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT IN ('migrations', 'sign_in_directory', 'pending_sign_ups', 'pre_tenant_mail', 'feedback_link_directory')`,
  );
  tenantTables = new Set(tables.map((table) => table.name));
}, 120_000);
afterAll(() => api?.close());

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** The plan of one statement as the API would run it: role csp_api, this tenant set, inside a transaction. */
async function explain(sql: string, asApi = true): Promise<PlanNode[]> {
  return api.ownerSession(async (query) => {
    await query('BEGIN');
    try {
      if (asApi) {
        await query('SET LOCAL ROLE csp_api');
        await query(`SELECT set_config('app.tenant_id', $1, true)`, [fixture.tenantId]);
      }
      const [row] = await query(`EXPLAIN (FORMAT JSON) ${sql}`);
      const [plan] = row?.['QUERY PLAN'] as [{ Plan: PlanNode }];
      return nodes(plan.Plan);
    } finally {
      await query('ROLLBACK');
    }
  });
}

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

describe(`EXPLAIN of the main queries at ${TENANTS.toLocaleString('en')} consultancies`, () => {
  it('has the data it needs', async () => {
    const [counts] = await api.ownerQuery<{ tenants: number; clients: number }>(
      `SELECT (SELECT count(*)::int FROM consultancies) AS tenants, (SELECT count(*)::int FROM clients) AS clients`,
    );
    expect(counts).toEqual({ tenants: TENANTS, clients: TENANTS * CLIENTS_PER_TENANT });
  });

  const cases: [string, () => string][] = [
    ['clients page by name', () => 'SELECT * FROM clients c ORDER BY c.name, c.id LIMIT 51'],
    ['the count of a clients page', () => 'SELECT count(*) FROM clients c'],
    [
      'engagements of a client',
      () =>
        `SELECT * FROM engagements WHERE client_id IN (${literal(fixture.clientId)}) ORDER BY created_at DESC, id DESC`,
    ],
    [
      'milestones of engagements',
      () =>
        `SELECT m.* FROM milestones m WHERE m.engagement_id IN
           (SELECT id FROM engagements WHERE client_id = ${literal(fixture.clientId)}) ORDER BY m.due_on, m.id`,
    ],
    [
      'audits of a client by framework',
      () =>
        `SELECT * FROM audits WHERE client_id = ${literal(fixture.clientId)}
           AND framework_key = ${literal(fixture.frameworkKey)} ORDER BY conducted_on DESC, created_at DESC, id DESC`,
    ],
    [
      'responses of an audit',
      () =>
        `SELECT * FROM audit_responses WHERE audit_id = ${literal(fixture.auditId)} ORDER BY criterion_key`,
    ],
    [
      'actions by due date',
      () => `SELECT * FROM actions WHERE status <> 'DONE' ORDER BY due_on, id LIMIT 21`,
    ],
    [
      'charter versions of a charter',
      () =>
        `SELECT * FROM charter_versions WHERE charter_id = ${literal(fixture.charter.id)} ORDER BY number DESC`,
    ],
    [
      'upcoming milestones',
      () =>
        `SELECT * FROM milestones WHERE done_at IS NULL AND due_on <= DATE '2026-12-31' ORDER BY due_on, id LIMIT 10`,
    ],
  ];

  it('sees a sequential scan where there is one (the owner, whom row-level security does not bind)', async () => {
    const plan = await explain('SELECT * FROM clients ORDER BY name', false);
    expect(plan.some((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'clients')).toBe(
      true,
    );
  });

  it.each(cases)('%s: no sequential scan of a tenant table', async (_name, sql) => {
    const plan = await explain(sql());
    const seqScans = plan.filter(
      (node) => node['Node Type'] === 'Seq Scan' && tenantTables.has(node['Relation Name'] ?? ''),
    );
    expect(
      seqScans.map((node) => node['Relation Name']),
      JSON.stringify(plan.map((n) => `${n['Node Type']} ${n['Relation Name'] ?? ''}`)),
    ).toEqual([]);
  });
});
