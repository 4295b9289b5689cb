import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntitySchema } from 'typeorm';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { entities } from '../../modules/index.js';
import { TenantDb, type Tenanted } from './tenant-db.js';

/**
 * Lean reads (lean-rows.ts) stand in for TypeORM's finds in loaders and lists, so they must answer the very same
 * objects: every column, every type (dates as text, timestamps as Date, jsonb parsed, bigint through its
 * transformer), for every entity, on the demo consultancy's rows.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await seedDemo(api.dataSource);
}, 120_000);
afterAll(() => api?.close());

describe('lean reads', () => {
  it('answer what TypeORM answers, for every entity with a tenant', async () => {
    const [consultancy] = await api.ownerQuery<{ tenant_id: string }>(
      'SELECT tenant_id FROM consultancies LIMIT 1',
    );
    const tenantId = consultancy!.tenant_id;
    let compared = 0;
    await api.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      const db = new TenantDb(manager, tenantId);
      for (const entity of entities as EntitySchema<Tenanted>[]) {
        const metadata = api.dataSource.getMetadata(entity);
        if (!metadata.findColumnWithPropertyName('tenantId')) continue;
        const order = metadata.primaryColumns.map((c) => [c.propertyName, 'ASC'] as const);
        const typeorm = await manager.getRepository(entity).find({
          where: { tenantId },
          order: Object.fromEntries(order),
        });
        const lean = await db.rows(entity, {}, order);
        expect(lean, metadata.name).toEqual(typeorm);
        if (typeorm.length) compared++;
      }
    });
    // The demo fills most tables; a comparison of empty lists would prove nothing.
    expect(compared).toBeGreaterThan(20);
  });

  it('read by a list of keys or by none, and find nothing of another tenant', async () => {
    const rows = await api.ownerQuery<{ tenant_id: string; id: string }>(
      'SELECT tenant_id, id FROM clients ORDER BY id LIMIT 3',
    );
    const tenantId = rows[0]!.tenant_id;
    const { ClientEntity } = await import('../../modules/clients/entities.js');
    await api.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      const db = new TenantDb(manager, tenantId);
      const ids = rows.map((row) => row.id);
      expect((await db.rows(ClientEntity, { id: ids }, [['id', 'ASC']])).map((c) => c.id)).toEqual(ids);
      expect(await db.rows(ClientEntity, { id: [] })).toEqual([]);
      // Another tenant's id finds nothing, as an id that does not exist.
      const other = new TenantDb(manager, '00000000-0000-4000-8000-000000000000');
      expect(await other.rows(ClientEntity, { id: ids })).toEqual([]);
    });
  });
});
