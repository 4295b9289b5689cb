import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { withDatabase } from '../../../test/global-setup.js';
import { addMember, createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import {
  publish,
  publishedCharter,
  saveDraft,
  startDraft,
  storedVersion,
} from '../../../test/charter-factories.js';
import { createAppDataSource } from '../../core/database/data-source.js';
import { entities } from '../index.js';
import { publishedCharterOf } from './published-charter.js';
import { TenantDb } from '../../core/tenancy/tenant-db.js';
import { graphql } from '../../../test/generated/index.js';

/** What the database itself guarantees about charters, and the read other modules build on. */
let api: TestApi;
let admin: SignedIn;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
});
afterAll(() => api.close());

/** Runs statements on one owner connection in a transaction with the tenant set, then rolls back. */
function asOwnerInTenant(
  tenantId: string,
  work: (query: (sql: string, params?: unknown[]) => Promise<unknown>) => Promise<void>,
  role?: string,
) {
  return api.ownerSession(async (query) => {
    await query('BEGIN');
    try {
      if (role) await query(`SET LOCAL ROLE ${role}`);
      await query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      await work(query);
    } finally {
      await query('ROLLBACK');
    }
  });
}

describe('a published version in the database', () => {
  it('refuses a direct UPDATE of its content or status, even by the table owner', async () => {
    const clientId = await createClient(api, admin);
    const v1 = await publishedCharter(api, admin, clientId);
    for (const change of [
      `purpose = 'Rewritten behind everyone''s back'`,
      `why = ''`,
      `everything_else = 'anything'`,
      `promises = '[]'`,
      `status = 'DRAFT', published_at = NULL`,
      `revision = revision + 1`,
    ]) {
      await expect(
        api.ownerSession(async (query) => {
          await query('BEGIN');
          try {
            await query(`SELECT set_config('app.tenant_id', $1, true)`, [admin.tenantId]);
            await query(`UPDATE charter_versions SET ${change} WHERE id = $1`, [v1.id]);
          } finally {
            await query('ROLLBACK');
          }
        }),
        change,
      ).rejects.toThrow('Charter version 1 is published and can no longer change.');
    }
    await expect(
      api.ownerQuery(`UPDATE charter_versions SET purpose = 'x' WHERE id = $1`, [v1.id]),
    ).rejects.toThrow(/published/);
    expect(await storedVersion(api, v1.id)).toMatchObject({
      status: 'PUBLISHED',
      purpose: v1.purposeStatement.purpose,
    });
  });

  it('lets the sign-off be written once, and a draft be changed freely, by the API role', async () => {
    const clientId = await createClient(api, admin);
    const v1 = await publishedCharter(api, admin, clientId);
    const draft = await startDraft(api, admin, clientId);
    const leader = await addMember(api, admin, 'CLIENT_LEADER', clientId);
    await asOwnerInTenant(
      admin.tenantId,
      async (query) => {
        await query(`UPDATE charter_versions SET purpose = 'Still a draft' WHERE id = $1`, [draft.id]);
        await query(`UPDATE charter_versions SET signed_off_at = now(), signed_off_by = $2 WHERE id = $1`, [
          v1.id,
          leader.memberId,
        ]);
        await expect(
          query(`UPDATE charter_versions SET signed_off_at = now() - interval '1 day' WHERE id = $1`, [
            v1.id,
          ]),
        ).rejects.toThrow('Charter version 1 has already been signed off.');
      },
      'csp_api',
    );
  });

  it('keeps one draft per charter and one charter per client', async () => {
    const clientId = await createClient(api, admin);
    const draft = await startDraft(api, admin, clientId);
    const [row] = await api.ownerQuery<{ charter_id: string }>(
      'SELECT charter_id FROM charter_versions WHERE id = $1',
      [draft.id],
    );
    await expect(
      api.ownerQuery(
        `INSERT INTO charter_versions (tenant_id, charter_id, client_id, number) VALUES ($1, $2, $3, 2)`,
        [admin.tenantId, row?.charter_id, clientId],
      ),
    ).rejects.toThrow(/charter_versions_one_draft/);
    await expect(
      api.ownerQuery(`INSERT INTO charters (tenant_id, client_id) VALUES ($1, $2)`, [
        admin.tenantId,
        clientId,
      ]),
    ).rejects.toThrow(/duplicate key/);
  });
});

describe('reading charters', () => {
  it('costs the same few statements for one client or many (DataLoaders, no N+1)', async () => {
    const tenant = await signUpConsultancy(api);
    const LIST = graphql(`
      query ChartersDatabaseClients {
        clients {
          nodes {
            charter {
              client {
                name
              }
              currentDraft {
                number
                createdBy {
                  name
                }
              }
              published {
                number
                publishedBy {
                  name
                }
                signOff {
                  signedBy {
                    name
                  }
                }
              }
              versions {
                number
                promises {
                  key
                  standard {
                    description
                  }
                }
                charter {
                  id
                }
              }
            }
          }
        }
      }
    `);
    const counts: number[] = [];
    for (let clients = 1; clients <= 3; clients++) {
      const clientId = await createClient(api, tenant);
      await publishedCharter(api, tenant, clientId);
      await startDraft(api, tenant, clientId);
      const response = await api.graphql(LIST, {}, tenant);
      expect(response.data.clients.nodes.map((n) => n.charter!.versions.length)).toEqual(
        Array.from({ length: clients }, () => 2),
      );
      counts.push(response.statements);
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[2]).toBe(counts[0]);
  });
});

describe('the charter in force, for other modules', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    const [{ name }] = (await api.ownerQuery<{ name: string }>('SELECT current_database() AS name')) as [
      { name: string },
    ];
    dataSource = createAppDataSource(withDatabase(inject('testServerUrl'), name), entities, { poolSize: 2 });
    await dataSource.initialize();
  });
  afterAll(() => dataSource.destroy());

  /** Calls publishedCharterOf as the API role, fenced to a tenant (and a client, as for a client leader). */
  async function inForce(tenantId: string, clientId: string, fence: string | null = null) {
    return dataSource.transaction(async (db) => {
      await db.query('SET LOCAL ROLE csp_api');
      await db.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.client_id', $2, true)`, [
        tenantId,
        fence ?? '',
      ]);
      return publishedCharterOf(new TenantDb(db, tenantId), clientId);
    });
  }

  it('is the newest published version, whatever draft is in progress', async () => {
    const clientId = await createClient(api, admin);
    expect(await inForce(admin.tenantId, clientId)).toBeNull();
    const draft = await startDraft(api, admin, clientId);
    expect(await inForce(admin.tenantId, clientId)).toBeNull();
    const v1 = await publish(api, admin, await saveDraft(api, admin, draft));
    const v2Draft = await saveDraft(api, admin, await startDraft(api, admin, clientId), {
      promises: [{ title: 'Only in the draft' }],
    });
    const first = await inForce(admin.tenantId, clientId);
    expect(first?.versionId).toBe(v1.id);
    expect(first?.promises.map((p) => p.title)).toEqual(v1.promises.map((p) => p.title));
    expect(first?.promises[0]).toEqual({
      key: v1.promises[0]?.key,
      title: 'We answer quickly',
      description: null,
      standard: { metric: 'Calls answered within 20 seconds', target: 90, unit: '%' },
    });
    const v2 = await publish(api, admin, v2Draft);
    expect(await inForce(admin.tenantId, clientId)).toEqual({
      charterId: first?.charterId,
      versionId: v2.id,
      promises: [{ key: v2.promises[0]?.key, title: 'Only in the draft', description: null, standard: null }],
    });
  });

  it('sees only what the caller may: nothing of another tenant or another client', async () => {
    const clientId = await createClient(api, admin);
    const otherClient = await createClient(api, admin);
    await publishedCharter(api, admin, clientId);
    const stranger = await signUpConsultancy(api);
    expect(await inForce(stranger.tenantId, clientId)).toBeNull();
    expect(await inForce(admin.tenantId, clientId, otherClient)).toBeNull();
    expect((await inForce(admin.tenantId, clientId, clientId))?.promises).toHaveLength(3);
    expect(await inForce(admin.tenantId, 'not-a-uuid')).toBeNull();
  });
});
