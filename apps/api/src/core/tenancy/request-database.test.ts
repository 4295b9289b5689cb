import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { openRequestDatabase, type FirstRead } from './request-database.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

/** A first read whose answer shows what it was given and which fence the transaction had when it ran. */
const probe: FirstRead = {
  sql: `SELECT $1::text AS tenant, $2::text AS quoted, encode($3::bytea, 'hex') AS bytes,
          current_setting('app.tenant_id') AS "fenceTenant", current_setting('app.client_id') AS "fenceClient"`,
  values: ["it's \\ $2 -- not a comment", Buffer.from([0, 1, 0xfe])],
};

describe('enterTenant with a first read', () => {
  it('answers the same rows whether it opens the transaction or one is already open', async () => {
    const fence = { tenantId: randomUUID(), clientId: randomUUID() };
    const expected = [
      {
        tenant: fence.tenantId,
        quoted: "it's \\ $2 -- not a comment",
        bytes: '0001fe',
        fenceTenant: fence.tenantId,
        fenceClient: fence.clientId,
      },
    ];

    const fresh = openRequestDatabase(api.dataSource);
    expect(await fresh.enterTenant(fence, probe)).toEqual(expected);
    // Opening, fence and first read: one round trip.
    expect(fresh.statementCount()).toBe(1);
    await fresh.finish('rollback');

    // A sign-in function ran first, so the transaction is open: the fence and the read go one by one.
    const afterSignIn = openRequestDatabase(api.dataSource);
    await afterSignIn.beforeTenant((db) => db.query('SELECT 1'));
    expect(await afterSignIn.enterTenant(fence, probe)).toEqual(expected);
    expect(afterSignIn.statementCount()).toBe(4);
    await afterSignIn.finish('rollback');
  });

  it('sets a fence without a client as the empty setting, and answers no rows without a first read', async () => {
    const db = openRequestDatabase(api.dataSource);
    expect(await db.enterTenant({ tenantId: randomUUID(), clientId: null })).toEqual([]);
    const [setting] = await db.read((tenant) =>
      tenant.query(`SELECT current_setting('app.client_id') AS client`),
    );
    expect(setting).toEqual({ client: '' });
    await db.finish('rollback');
  });
});
