import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { PASSWORD, addMember, signUpConsultancy } from '../../../test/factories.js';
import { seedDemo } from '../../demo/seed-demo.js';
import { DEMO_ACCOUNT } from '../../demo/demo-programme.js';
import { graphql } from '../../../test/generated/index.js';
import { GLOBAL_TABLES } from '../../../test/global-tables.js';

/** A consultancy's data is its own: it can take all of it away, and leave without a trace. */
let api: TestApi;
let demoToken: string;
let demoTenant: string;
beforeAll(async () => {
  api = await startTestApi();
  await seedDemo(api.dataSource);
  const login = await api.graphql(
    graphql(`
      mutation ConsultancyLogIn($input: LogInInput!) {
        logIn(input: $input) {
          token
        }
      }
    `),
    { input: { email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password } },
  );
  demoToken = login.data.logIn.token!;
  const me = await api.graphql(
    graphql(`
      query ConsultancyConsultancy {
        consultancy {
          id
        }
      }
    `),
    {},
    { token: demoToken },
  );
  demoTenant = me.data.consultancy.id;
}, 120_000);
afterAll(() => api.close());

async function tenantTables(): Promise<string[]> {
  const rows = await api.ownerQuery<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id'`,
  );
  return rows.map((r) => r.table_name);
}

async function rowsOf(tenantId: string): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const table of await tenantTables()) {
    const [row] = await api.ownerQuery<{ n: number; sum: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, ',' ORDER BY t::text)) AS sum FROM ${table} t WHERE tenant_id = $1`,
      [tenantId],
    );
    sums[table] = `${row?.n}:${row?.sum}`;
  }
  return sums;
}

describe('exporting a consultancy', () => {
  it('gives every table it owns, without secrets, however large: the demo’s year of quarter hours', async () => {
    const webhook = await api.graphql(
      graphql(`
        mutation ConsultancyCreateWebhookEndpoint {
          createWebhookEndpoint(input: { url: "http://127.0.0.1:9/x", events: [AUDIT_PUBLISHED] }) {
            secret
          }
        }
      `),
      {},
      { token: demoToken },
    );
    expect(webhook.data.createWebhookEndpoint.secret).toMatch(/^whsec_/);
    // A year of quarter-hour measurements for two clients is more than one GraphQL answer may hold (16 MB):
    // the demo consultancy takes its data away through the download, which streams it.
    const tooLarge = await api.graphql(
      graphql(`
        query ConsultancyConsultancyExport {
          consultancyExport
        }
      `),
      {},
      { token: demoToken },
    );
    expect(tooLarge.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    const response = await fetch(`${api.url}/exports/consultancy`, {
      headers: { authorization: `Bearer ${demoToken}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.length).toBeGreaterThan(16 * 1024 * 1024);
    const lines = text
      .trimEnd()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { type: string; table?: string; row?: { tenant_id: string } } & Record<
            string,
            unknown
          >,
      );
    expect(lines[0]).toMatchObject({ type: 'export', tenantId: demoTenant });
    const end = lines.at(-1) as { type: string; rows: Record<string, number> };
    expect(end.type).toBe('end');
    const tables: Record<string, { tenant_id: string }[]> = {};
    for (const line of lines) if (line.type === 'row') (tables[line.table!] ??= []).push(line.row!);
    const owned = (await tenantTables()).filter((t) => !GLOBAL_TABLES.includes(t));
    expect(Object.keys(end.rows).sort()).toEqual(owned.sort());
    expect(tables.clients?.length).toBeGreaterThanOrEqual(4);
    expect(tables.audits?.length).toBeGreaterThan(0);
    expect(tables.service_level_measurements?.length).toBeGreaterThan(60_000);
    expect(text).not.toMatch(/password_hash|token_hash|secret_hash|\$argon2|whsec_/);
    expect(tables.webhook_secrets).toHaveLength(1);
    expect(new Set(Object.values(tables).flatMap((rows) => rows.map((row) => row.tenant_id)))).toEqual(
      new Set([demoTenant]),
    );
  });

  it('is for admins only', async () => {
    const other = await signUpConsultancy(api);
    const consultant = await addMember(api, other, 'CONSULTANT');
    const response = await api.graphql(
      graphql(`
        query ConsultancyConsultancyExport2 {
          consultancyExport
        }
      `),
      {},
      consultant,
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('deleting a consultancy', () => {
  it('needs its exact name, and otherwise deletes nothing', async () => {
    const before = await rowsOf(demoTenant);
    const response = await api.graphql(
      graphql(`
        mutation ConsultancyDeleteConsultancy {
          deleteConsultancy(input: { confirmName: "Northbridge" }) {
            deleted
            userErrors {
              field
            }
          }
        }
      `),
      {},
      { token: demoToken },
    );
    expect(response.data.deleteConsultancy).toEqual({
      deleted: false,
      userErrors: [{ field: 'confirmName' }],
    });
    expect(await rowsOf(demoTenant)).toEqual(before);
  });

  it('removes every row of that consultancy and nothing of any other', async () => {
    const bystander = await signUpConsultancy(api, 'Bystander Partners');
    const bystanderBefore = await rowsOf(bystander.tenantId);
    const response = await api.graphql(
      graphql(`
        mutation ConsultancyDeleteConsultancy2($name: String!) {
          deleteConsultancy(input: { confirmName: $name }) {
            deleted
            userErrors {
              field
            }
          }
        }
      `),
      { name: DEMO_ACCOUNT.consultancyName },
      { token: demoToken },
    );
    expect(response.data.deleteConsultancy.deleted).toBe(true);
    const left = await rowsOf(demoTenant);
    expect(Object.entries(left).filter(([, value]) => !value.startsWith('0:'))).toEqual([]);
    expect(await rowsOf(bystander.tenantId)).toEqual(bystanderBefore);
    const me = await api.graphql(
      graphql(`
        query ConsultancyMe {
          me {
            id
          }
        }
      `),
      {},
      { token: demoToken },
    );
    expect(me.data.me).toBeNull();
    const again = await api.graphql(
      graphql(`
        mutation ConsultancySignUp($input: SignUpInput!) {
          signUp(input: $input) {
            userErrors {
              field
            }
          }
        }
      `),
      {
        input: {
          consultancyName: 'Fresh start',
          name: 'Morgan',
          email: DEMO_ACCOUNT.email,
          password: PASSWORD,
        },
      },
    );
    expect(again.data.signUp.userErrors).toEqual([]);
  });
});
