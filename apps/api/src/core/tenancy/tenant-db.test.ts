import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { loadParser, unpinnedTables } from '../../../test/statement-pins.js';
import { tenantTables as tenantTablesOf } from '../../../test/tenant-statements.js';
import { watchStatements } from '../database/data-source.js';
import { ClientEntity } from '../../modules/clients/entities.js';
import { EngagementEntity } from '../../modules/engagements/entities.js';
import { TenantDb } from './tenant-db.js';

/** Each call of a TenantDb repository sends statements that name the tenant, whatever the module asked for. */
let api: TestApi;
let tenantTables: Set<string>;
const tenantId = randomUUID();

beforeAll(async () => {
  api = await startTestApi();
  tenantTables = await tenantTablesOf(api.appUrl);
  await loadParser();
});
afterAll(() => api?.close());

/** Runs work on a TenantDb of a tenant with no rows, and answers with the statements it sent. */
async function statementsOf(work: (db: TenantDb) => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  await api.dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const stop = watchStatements((sql) => sent.push(sql));
    try {
      await work(new TenantDb(manager, tenantId));
    } finally {
      stop();
    }
  });
  return sent;
}

describe('TenantDb', () => {
  it('merges the tenant into every find, count, update and delete, wheres in a list included', async () => {
    const id = randomUUID();
    const sent = await statementsOf(async (db) => {
      const clients = db.getRepository(ClientEntity);
      await clients.find({ where: { name: 'x' }, order: { name: 'ASC' } });
      await clients.findBy([{ id }, { name: 'y' }]);
      await clients.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      await clients.findOneBy({ id });
      await clients.count();
      await clients.existsBy({ id });
      await clients.update({ id }, { name: 'z' });
      await clients.delete([{ id }, { id: randomUUID() }]);
      await db.getRepository(EngagementEntity).findBy({ clientId: In([id, randomUUID()]) });
    });
    expect(sent).toHaveLength(9);
    expect(sent.filter((sql) => unpinnedTables(sql, tenantTables).length)).toEqual([]);
  });

  it('starts each query builder from the tenant, links joined tenant tables, and refuses where/orWhere', async () => {
    const sent = await statementsOf(async (db) => {
      const builder = db.getRepository(EngagementEntity).createQueryBuilder('e');
      expect(() => builder.where('e.id = :id', { id: randomUUID() })).toThrow(
        'where() on a tenant-scoped query builder would drop its tenant condition: use andWhere()',
      );
      expect(() => builder.orWhere('e.id = :id', { id: randomUUID() })).toThrow(/orWhere\(\)/);
      await builder
        .innerJoin('Client', 'c', 'c.id = e.clientId')
        .andWhere('c.name = :name', { name: 'x' })
        .getMany();
    });
    expect(sent).toHaveLength(1);
    expect(unpinnedTables(sent[0]!, tenantTables)).toEqual([]);
  });

  it("stamps the tenant on inserts, and refuses a row of another tenant's", async () => {
    await statementsOf(async (db) => {
      const clients = db.getRepository(ClientEntity);
      await expect(
        clients.insert({
          tenantId: randomUUID(),
          id: randomUUID(),
          name: 'x',
          industry: 'RETAIL',
          status: 'ACTIVE',
          createdAt: new Date(),
          updatedAt: new Date(),
        }),
      ).rejects.toThrow(/cannot be written in tenant/);
    });
  });
});
