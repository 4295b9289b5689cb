import { beforeAll, describe, expect, it } from 'vitest';
import { functionsCalled, loadParser, tenantTablesIn, unpinnedTables } from '../../../test/statement-pins.js';

/** Worked examples of what the statement test (test/tenant-statements.ts) accepts as naming its tenant. */
const TENANT_TABLES = new Set(['clients', 'engagements', 'milestones', 'charters']);
const unpinned = (sql: string) => unpinnedTables(sql, TENANT_TABLES);

beforeAll(() => loadParser());

describe('a statement names its tenant', () => {
  it('pinned: tenant_id equal to a parameter or a constant, qualified or not', () => {
    expect(unpinned('SELECT * FROM clients WHERE tenant_id = $1 AND id = $2')).toEqual([]);
    expect(unpinned(`SELECT * FROM clients c WHERE c.id = $2 AND c.tenant_id = '0f0e'::uuid`)).toEqual([]);
    expect(unpinned(`SELECT * FROM "clients" "Client" WHERE "Client"."tenant_id" = $1`)).toEqual([]);
  });

  it('unpinned: no tenant equality, or one that only row-level security would supply', () => {
    expect(unpinned('SELECT * FROM clients WHERE id = $1')).toEqual(['clients']);
    expect(unpinned('SELECT * FROM clients c WHERE c.tenant_id = app_tenant()')).toEqual(['clients AS c']);
    expect(unpinned('SELECT * FROM clients c WHERE c.tenant_id IS NOT NULL')).toEqual(['clients AS c']);
    // a tenant equality on another alias pins that one only
    expect(
      unpinned('SELECT * FROM clients c, engagements e WHERE c.tenant_id = $1 AND e.client_id = c.id'),
    ).toEqual(['engagements AS e']);
  });

  it('OR pins only what every branch pins', () => {
    expect(
      unpinned('SELECT * FROM clients WHERE (tenant_id = $1 AND id = $2) OR (tenant_id = $1 AND id = $3)'),
    ).toEqual([]);
    expect(unpinned('SELECT * FROM clients WHERE tenant_id = $1 AND id = $2 OR id = $3')).toEqual([
      'clients',
    ]);
  });

  it('join-linked: tenant_id = tenant_id to a pinned table, in ON or WHERE, in either direction', () => {
    expect(
      unpinned(`SELECT * FROM engagements e JOIN clients c ON c.tenant_id = e.tenant_id AND c.id = e.client_id
                WHERE e.tenant_id = $1`),
    ).toEqual([]);
    expect(
      unpinned(`SELECT * FROM milestones m JOIN engagements e ON e.id = m.engagement_id AND e.tenant_id = m.tenant_id
                JOIN clients c ON c.id = e.client_id AND c.tenant_id = e.tenant_id WHERE c.tenant_id = $1`),
    ).toEqual([]);
    // joined on the client id only: engagements could be any tenant's
    expect(
      unpinned('SELECT * FROM clients c JOIN engagements e ON e.client_id = c.id WHERE c.tenant_id = $1'),
    ).toEqual(['engagements AS e']);
  });

  it('subqueries and CTEs are checked on their own; a correlated one may link to its pinned outer query', () => {
    expect(
      unpinned(`SELECT * FROM milestones WHERE tenant_id = $1 AND engagement_id IN
                  (SELECT id FROM engagements WHERE client_id = $2)`),
    ).toEqual(['engagements']);
    expect(
      unpinned(`SELECT * FROM milestones WHERE tenant_id = $1 AND engagement_id IN
                  (SELECT id FROM engagements WHERE tenant_id = $1 AND client_id = $2)`),
    ).toEqual([]);
    expect(
      unpinned(`SELECT c.id, (SELECT count(*) FROM engagements e WHERE e.client_id = c.id AND e.tenant_id = c.tenant_id)
                  FROM clients c WHERE c.tenant_id = $1`),
    ).toEqual([]);
    expect(
      unpinned(`WITH mine AS (SELECT id FROM clients WHERE name = $2)
                SELECT * FROM engagements WHERE tenant_id = $1 AND client_id IN (SELECT id FROM mine)`),
    ).toEqual(['clients']);
    expect(unpinned(`SELECT n FROM (SELECT count(*) AS n FROM clients) d`)).toEqual(['clients']);
    expect(unpinned('SELECT id FROM clients WHERE tenant_id = $1 UNION SELECT id FROM charters')).toEqual([
      'charters',
    ]);
  });

  it('INSERT by its column list; UPDATE and DELETE like a SELECT', () => {
    expect(unpinned('INSERT INTO clients (tenant_id, id, name) VALUES ($1, $2, $3)')).toEqual([]);
    expect(unpinned('INSERT INTO clients (id, name) VALUES ($1, $2)')).toEqual(['clients']);
    expect(
      unpinned(
        'INSERT INTO milestones (tenant_id, id) SELECT tenant_id, id FROM engagements WHERE client_id = $1',
      ),
    ).toEqual(['engagements']);
    expect(unpinned('UPDATE clients SET name = $2 WHERE id = $1')).toEqual(['clients']);
    expect(unpinned('UPDATE clients SET name = $3 WHERE tenant_id = $1 AND id = $2')).toEqual([]);
    expect(unpinned('DELETE FROM engagements WHERE client_id = $1')).toEqual(['engagements']);
    expect(
      unpinned('DELETE FROM engagements e USING clients c WHERE c.id = e.client_id AND c.tenant_id = $1'),
    ).toEqual(['engagements AS e']);
  });

  it('statements on no tenant table pass', () => {
    expect(unpinned(`SELECT set_config('app.tenant_id', $1, true)`)).toEqual([]);
    expect(unpinned('SELECT sign_in_tenant($1) AS tenant_id')).toEqual([]);
    expect(unpinned('START TRANSACTION')).toEqual([]);
    expect(unpinned('SELECT * FROM sign_in_directory WHERE email = $1')).toEqual([]);
  });

  it('lists the functions a statement calls (the test cannot see inside them, so each must be declared)', () => {
    expect(functionsCalled('SELECT tenant_id FROM webhook_tenants_due($1)')).toEqual(['webhook_tenants_due']);
    expect(
      functionsCalled(
        'SELECT k.position FROM unnest($1::text[]) k CROSS JOIN LATERAL industry_benchmark_rows($2, k.x) r',
      ),
    ).toEqual(['unnest', 'industry_benchmark_rows']);
    expect(functionsCalled('SELECT pg_catalog.now()')).toEqual([]);
  });

  it('lists every tenant table a statement reads or writes, pinned or not', () => {
    expect(
      tenantTablesIn(
        'SELECT * FROM clients c JOIN engagements e ON e.tenant_id = c.tenant_id WHERE c.tenant_id = $1',
        TENANT_TABLES,
      ),
    ).toEqual(['clients AS c', 'engagements AS e']);
  });
});
