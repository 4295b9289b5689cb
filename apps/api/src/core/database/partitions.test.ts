import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { withDatabase } from '../../../test/global-setup.js';
import { loadParser, tenantTablesIn } from '../../../test/statement-pins.js';
import { tenantTables as tenantTablesOf } from '../../../test/tenant-statements.js';
import { watchStatements } from './data-source.js';
import { generate, tenantFixture, type TenantFixture } from '../../../../../bench/src/generate.js';
import {
  AUDIT,
  CHARTER_DIFF,
  CLIENTS,
  HOME,
  LOG_IN,
  SAVE_RESPONSES,
} from '../../../../../bench/src/queries.js';

/**
 * The closest local stand-in for Citus's shard routing: a copy of the schema whose tenant tables are
 * hash-partitioned by tenant_id (PostgreSQL's declarative partitioning, 8 partitions), filled with bench data.
 * Every statement the API sends for the bench's operations (captured as it serves them, with its parameters) is
 * EXPLAINed on the copy: each touches exactly one partition of each tenant table it reads or writes, which is
 * what Citus needs to send it to one worker. Partition pruning works only from `tenant_id = $n` in the statement
 * itself (row-level security's `app_tenant()` is not a constant the planner can prune by), so this fails for any
 * of them that does not name its tenant.
 */
const PARTITIONS = 8;
const TENANTS = 24;
const SCHEMA = 'hashed';

let api: TestApi;
let fixture: TenantFixture;
let tenantTables: Set<string>;
const captured: { operation: string; sql: string; parameters: readonly unknown[] }[] = [];

beforeAll(async () => {
  api = await startTestApi();
  const [{ name }] = (await api.ownerQuery<{ name: string }>('SELECT current_database() AS name')) as [
    { name: string },
  ];
  const ownerUrl = withDatabase(inject('testServerUrl'), name);
  await generate(ownerUrl, { from: 0, to: TENANTS, clientsPerTenant: 4, connections: 2 });
  fixture = await tenantFixture(ownerUrl, 5);
  tenantTables = await tenantTablesOf(ownerUrl);
  await loadParser();
  await buildHashedCopy();

  const logIn = await api.graphql<{ logIn: { token: string } }>(LOG_IN, {
    input: { email: fixture.email, password: fixture.password },
  });
  const token = logIn.data.logIn.token;
  const operations: [string, string, Record<string, unknown>][] = [
    ['consultant home', HOME, {}],
    ['clients + engagements + milestones', CLIENTS, {}],
    ['audit with scores, deltas, benchmark', AUDIT, { id: fixture.auditId }],
    [
      'charter diff',
      CHARTER_DIFF,
      { clientId: fixture.charter.clientId, from: fixture.charter.v1, to: fixture.charter.v2 },
    ],
    [
      'bulk save of audit responses',
      SAVE_RESPONSES,
      {
        input: {
          auditId: fixture.inProgressAudits[0]!.id,
          expectedRevision: fixture.inProgressAudits[0]!.revision,
          responses: fixture.criterionKeys.map((criterionKey, k) => ({
            criterionKey,
            score: (k % 5) + 1,
            evidence: 'Partition check',
          })),
        },
      },
    ],
  ];
  for (const [operation, query, variables] of operations) {
    const stop = watchStatements((sql, parameters) => captured.push({ operation, sql, parameters }));
    try {
      const answer = await api.graphql(query, variables, { token });
      expect(answer.errors, operation).toBeUndefined();
    } finally {
      stop();
    }
  }
}, 180_000);
afterAll(() => api?.close());

/**
 * `hashed.<table>`: LIKE the original (columns, defaults, checks), partitioned by hash of tenant_id, with every
 * one of the original's indexes. PostgreSQL accepts each primary key and unique index of a partitioned table only
 * if it includes the partition key: they all include tenant_id (as Citus requires too, see citus.test.ts).
 */
async function buildHashedCopy() {
  await api.ownerQuery(`CREATE SCHEMA ${SCHEMA}`);
  for (const table of tenantTables) {
    await api.ownerQuery(
      `CREATE TABLE ${SCHEMA}.${table} (LIKE public.${table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS
         INCLUDING GENERATED) PARTITION BY HASH (tenant_id)`,
    );
    for (let part = 0; part < PARTITIONS; part++) {
      await api.ownerQuery(
        `CREATE TABLE ${SCHEMA}.${table}__p${part} PARTITION OF ${SCHEMA}.${table}
           FOR VALUES WITH (MODULUS ${PARTITIONS}, REMAINDER ${part})`,
      );
    }
    const indexes = await api.ownerQuery<{ definition: string }>(
      `SELECT indexdef AS definition FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1`,
      [table],
    );
    for (const { definition } of indexes) {
      await api.ownerQuery(definition.replace(` ON public.${table} `, ` ON ${SCHEMA}.${table} `));
    }
    await api.ownerQuery(`INSERT INTO ${SCHEMA}.${table} SELECT * FROM public.${table}`);
    await api.ownerQuery(`ANALYZE ${SCHEMA}.${table}`);
  }
}

interface PlanNode {
  'Relation Name'?: string;
  Schema?: string;
  Plans?: PlanNode[];
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

/** The partitions each tenant table's scans in the plan touch (on the hashed copy, as the owner). */
async function partitionsTouched(
  sql: string,
  parameters: readonly unknown[],
): Promise<Map<string, Set<string>>> {
  return api.ownerSession(async (query) => {
    await query('BEGIN');
    try {
      await query(`SET LOCAL search_path = ${SCHEMA}, public`);
      const [row] = await query(`EXPLAIN (FORMAT JSON, VERBOSE) ${sql}`, [...parameters]);
      const [plan] = row?.['QUERY PLAN'] as [{ Plan: PlanNode }];
      const touched = new Map<string, Set<string>>();
      for (const node of nodes(plan.Plan)) {
        const relation = node['Relation Name'];
        if (!relation) continue;
        // The parent itself shows only as the target of an UPDATE or DELETE; rows are in the partitions.
        const [table, partition] = relation.split('__p') as [string, string | undefined];
        if (partition === undefined || !tenantTables.has(table)) continue;
        if (!touched.has(table)) touched.set(table, new Set());
        touched.get(table)!.add(`${node.Schema ?? ''}.${relation}`);
      }
      return touched;
    } finally {
      await query('ROLLBACK');
    }
  });
}

describe(`the bench's statements on tenant tables hash-partitioned by tenant_id (${PARTITIONS} partitions)`, () => {
  it('has the copy and the statements it needs', async () => {
    const [parts] = await api.ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhparent
         JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = $1 AND c.relkind = 'p'`,
      [SCHEMA],
    );
    expect(parts?.n).toBe(tenantTables.size * PARTITIONS);
    const [unique] = await api.ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = $1 AND indexdef LIKE 'CREATE UNIQUE%'`,
      [SCHEMA],
    );
    expect(unique?.n).toBeGreaterThanOrEqual(tenantTables.size); // a primary key each, and the unique keys
    const [spread] = await api.ownerQuery<{ used: number }>(
      `SELECT count(DISTINCT tableoid)::int AS used FROM ${SCHEMA}.clients`,
    );
    expect(spread?.used).toBeGreaterThan(PARTITIONS / 2); // the tenants really are spread over the partitions
    expect(onTenantTables().length).toBeGreaterThan(20);
  });

  it('a statement without its tenant touches every partition (the check can fail)', async () => {
    const touched = await partitionsTouched('SELECT * FROM clients WHERE id = $1', [fixture.clientId]);
    expect(touched.get('clients')?.size).toBe(PARTITIONS);
  });

  it('each statement the operations send touches one partition of each tenant table', async () => {
    const spread: string[] = [];
    for (const { operation, sql, parameters } of onTenantTables()) {
      for (const [table, partitions] of await partitionsTouched(sql, parameters)) {
        if (partitions.size !== 1 || ![...partitions][0]!.startsWith(`${SCHEMA}.`)) {
          spread.push(`${operation}: ${table} → ${[...partitions].join(', ')}\n    ${sql}`);
        }
      }
    }
    expect(spread).toEqual([]);
  });
});

function onTenantTables() {
  return captured.filter(({ sql }) => tenantTablesIn(sql, tenantTables).length > 0);
}
