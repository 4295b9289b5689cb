import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_SCOPES } from '@csp/domain';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { addMember, createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { rootOperations } from '../../../test/operations.js';
import { SCOPE_PERMISSIONS } from '@csp/domain';

const CREATE = `mutation ($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { id prefix hint scopes status client { id } } userErrors { field code message } }
}`;

let api: TestApi;
let admin: SignedIn;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
});
afterAll(() => api.close());

async function newKey(input: Record<string, unknown>, by: SignedIn = admin) {
  const response = await api.graphql<{
    createApiKey: { secret: string; apiKey: { id: string; hint: string } };
  }>(CREATE, { input: { name: 'BI dashboard', ...input } }, by);
  return response.data.createApiKey;
}

describe('API keys', () => {
  it('shows the secret once, with a visible prefix, and keeps only its hash', async () => {
    const { secret, apiKey } = await newKey({ scopes: ['CLIENTS_READ'] });
    expect(secret).toMatch(/^csp_[A-Za-z0-9_-]{64}$/);
    expect(apiKey.hint).toBe(secret.slice(-6));
    const listed = await api.graphql<{ apiKeys: Record<string, unknown>[] }>(
      '{ apiKeys { id prefix hint status scopes } }',
      {},
      admin,
    );
    expect(listed.data.apiKeys).toContainEqual({
      id: apiKey.id,
      prefix: 'csp_',
      hint: secret.slice(-6),
      status: 'ACTIVE',
      scopes: ['CLIENTS_READ'],
    });
    const [row] = await api.ownerQuery<Record<string, unknown>>('SELECT * FROM api_keys WHERE id = $1', [
      apiKey.id,
    ]);
    expect(JSON.stringify(row)).not.toContain(secret.slice(4, 40));
  });

  it('lets a key do what its scopes allow and nothing more', async () => {
    const clientId = await createClient(api, admin, { name: 'Readable' });
    const { secret } = await newKey({ scopes: ['CLIENTS_READ'] });
    const read = await api.graphql<{ client: { name: string } }>(
      'query ($id: ID!) { client(id: $id) { name } }',
      { id: clientId },
      { token: secret },
    );
    expect(read.data.client.name).toBe('Readable');
    const engagements = await api.graphql('{ engagements { totalCount } }', {}, { token: secret });
    expect(engagements.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const write = await api.graphql(
      'mutation { createClient(input: { name: "Via key", industry: RETAIL }) { client { id } } }',
      {},
      { token: secret },
    );
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const me = await api.graphql<{ me: null }>('{ me { id } }', {}, { token: secret });
    expect(me.data.me).toBeNull();
  });

  it('writes with a write scope', async () => {
    const { secret } = await newKey({ scopes: ['CLIENTS_READ', 'CLIENTS_WRITE'] });
    const write = await api.graphql<{ createClient: { client: { name: string } } }>(
      'mutation { createClient(input: { name: "Via key", industry: RETAIL }) { client { name } } }',
      {},
      { token: secret },
    );
    expect(write.data.createClient.client.name).toBe('Via key');
  });

  it('refuses, with every scope but one area’s, every operation of that area', async () => {
    for (const area of ['CLIENTS', 'ENGAGEMENTS', 'CHARTERS', 'AUDITS', 'ACTIONS', 'HIRING']) {
      const scopes = API_SCOPES.filter((scope) => !scope.startsWith(area));
      const missing = new Set(
        API_SCOPES.filter((s) => s.startsWith(area)).flatMap((s) => SCOPE_PERMISSIONS[s]),
      );
      const { secret } = await newKey({ scopes });
      const operations = rootOperations().filter((op) => missing.has(op.rule as never));
      expect(operations.length, area).toBeGreaterThan(0);
      for (const operation of operations) {
        const response = await api.graphql(operation.document, {}, { token: secret });
        expect({ op: operation.name, code: response.errors?.[0]?.extensions?.code }).toEqual({
          op: operation.name,
          code: 'FORBIDDEN',
        });
      }
    }
  });

  it('never lets a key manage members, keys or frameworks', async () => {
    const { secret } = await newKey({ scopes: [...API_SCOPES] });
    const operations = rootOperations().filter((op) =>
      ['member:manage', 'member:read', 'apikey:manage', 'framework:manage', 'charter:sign-off'].includes(
        op.rule,
      ),
    );
    expect(operations.length).toBeGreaterThanOrEqual(6);
    for (const operation of operations) {
      const response = await api.graphql(operation.document, {}, { token: secret });
      expect({ op: operation.name, code: response.errors?.[0]?.extensions?.code }).toEqual({
        op: operation.name,
        code: 'FORBIDDEN',
      });
    }
  });

  it('fences a key to one client', async () => {
    const own = await createClient(api, admin, { name: 'Fenced in' });
    const other = await createClient(api, admin, { name: 'Fenced out' });
    const { secret } = await newKey({ scopes: ['CLIENTS_READ'], clientId: own });
    const list = await api.graphql<{ clients: { nodes: { name: string }[] } }>(
      '{ clients(first: 100) { nodes { name } } }',
      {},
      { token: secret },
    );
    expect(list.data.clients.nodes.map((c) => c.name)).toEqual(['Fenced in']);
    const peek = await api.graphql<{ client: null }>(
      'query ($id: ID!) { client(id: $id) { name } }',
      { id: other },
      {
        token: secret,
      },
    );
    expect(peek.data.client).toBeNull();
  });

  it('refuses a fenced key creating a client, as FORBIDDEN, and writes nothing', async () => {
    const own = await createClient(api, admin, { name: 'Fenced writer' });
    const { secret } = await newKey({ scopes: ['CLIENTS_READ', 'CLIENTS_WRITE'], clientId: own });
    const before = await api.countRows('clients', admin.tenantId);
    const created = await api.graphql(
      'mutation { createClient(input: { name: "Outside the fence", industry: RETAIL }) { client { id } } }',
      {},
      { token: secret },
    );
    expect(created.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(created.errors?.[0]?.message).toMatch(/one client/);
    expect(await api.countRows('clients', admin.tenantId)).toBe(before);
    // Its own client it may still change.
    const renamed = await api.graphql<{ updateClient: { client: { name: string } } }>(
      'mutation ($id: ID!) { updateClient(input: { id: $id, name: "Fenced, renamed" }) { client { name } } }',
      { id: own },
      { token: secret },
    );
    expect(renamed.data.updateClient.client.name).toBe('Fenced, renamed');
  });

  it('answers a fenced key with every scope in every operation without an internal error', async () => {
    const own = await createClient(api, admin, { name: 'Fenced sweep' });
    const other = await createClient(api, admin, { name: 'Outside the sweep' });
    const { secret } = await newKey({ scopes: [...API_SCOPES], clientId: own });
    const internal: string[] = [];
    for (const id of [own, other]) {
      for (const operation of rootOperations(() => id)) {
        const response = await api.graphql(operation.document, {}, { token: secret });
        if (
          response.status >= 500 ||
          response.errors?.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')
        ) {
          internal.push(operation.name);
        }
      }
    }
    expect(internal).toEqual([]);
  });

  it('stops working at once when revoked or expired', async () => {
    const revoked = await newKey({ scopes: ['CLIENTS_READ'] });
    expect(
      (await api.graphql('{ clients { totalCount } }', {}, { token: revoked.secret })).errors,
    ).toBeUndefined();
    const answer = await api.graphql<{ revokeApiKey: { apiKey: { status: string } } }>(
      'mutation ($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { status } userErrors { field } } }',
      { id: revoked.apiKey.id },
      admin,
    );
    expect(answer.data.revokeApiKey.apiKey.status).toBe('REVOKED');
    const after = await api.graphql('{ clients { totalCount } }', {}, { token: revoked.secret });
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const expiring = await newKey({ scopes: ['CLIENTS_READ'], expiresAt: '2099-01-01T00:00:00Z' });
    await api.ownerQuery(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      expiring.apiKey.id,
    ]);
    const expired = await api.graphql('{ clients { totalCount } }', {}, { token: expiring.secret });
    expect(expired.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('is for admins only', async () => {
    const consultant = await addMember(api, admin, 'CONSULTANT');
    const response = await api.graphql(
      CREATE,
      { input: { name: 'Mine', scopes: ['CLIENTS_READ'] } },
      consultant,
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it.each([
    ['name', { name: '', scopes: ['CLIENTS_READ'] }, 'REQUIRED'],
    ['scopes', { name: 'x', scopes: [] }, 'TOO_SHORT'],
    ['expiresAt', { name: 'x', scopes: ['CLIENTS_READ'], expiresAt: '2001-01-01T00:00:00Z' }, 'INVALID'],
    [
      'clientId',
      { name: 'x', scopes: ['CLIENTS_READ'], clientId: '00000000-0000-4000-8000-000000000000' },
      'NOT_FOUND',
    ],
  ])('names %s when it is wrong and creates nothing', async (field, input, code) => {
    const before = await api.countRows('api_keys', admin.tenantId);
    const response = await api.graphql<{ createApiKey: { secret: null; userErrors: unknown[] } }>(
      CREATE,
      { input },
      admin,
    );
    expect(response.data.createApiKey).toMatchObject({
      secret: null,
      userErrors: [expect.objectContaining({ field, code })],
    });
    expect(await api.countRows('api_keys', admin.tenantId)).toBe(before);
  });

  it('answers another consultancy’s key id like an unknown one', async () => {
    const { apiKey } = await newKey({ scopes: ['CLIENTS_READ'] });
    const other = await signUpConsultancy(api);
    const response = await api.graphql<{ revokeApiKey: { userErrors: unknown[] } }>(
      'mutation ($id: ID!) { revokeApiKey(input: { id: $id }) { userErrors { field code message } } }',
      { id: apiKey.id },
      other,
    );
    expect(response.data.revokeApiKey.userErrors).toEqual([
      { field: 'id', code: 'NOT_FOUND', message: 'No API key has this id.' },
    ]);
    const list = await api.graphql<{ apiKeys: unknown[] }>('{ apiKeys { id } }', {}, other);
    expect(list.data.apiKeys).toEqual([]);
    const [row] = await api.ownerQuery<{ revoked_at: null }>(
      'SELECT revoked_at FROM api_keys WHERE id = $1',
      [apiKey.id],
    );
    expect(row?.revoked_at).toBeNull();
  });
});
