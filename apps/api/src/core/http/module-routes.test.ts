import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { addMember, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { graphql } from '../../../test/generated/index.js';
import { modules } from '../../modules/index.js';
import { createClient } from '../../modules/clients/index.js';
import type { ApiModule } from '../api-module.js';
import { coded } from '../errors.js';

/**
 * Module routes (ApiModule.routes) behind the same door as /graphql: the same authentication, permission check,
 * rate limit, transaction and error shape. A probe module of this file declares one route of each kind.
 */
const probe: ApiModule = {
  name: 'probe',
  typeDefs: [],
  resolvers: {},
  entities: [],
  routes: [
    {
      method: 'GET',
      path: '/probe/clients',
      allow: 'client:read',
      handle: async (context) => {
        const rows: { n: number }[] = await context.db.read((db) =>
          db.query('SELECT count(*)::int AS n FROM clients WHERE tenant_id = $1', [db.tenantId]),
        );
        return { kind: 'json', body: { clients: rows[0]?.n, viewer: context.viewer.kind } };
      },
    },
    {
      method: 'POST',
      path: '/probe/clients',
      allow: 'client:create',
      handle: async (context, request) => {
        const body = request.body as { name: string; fail?: boolean };
        const payload = await createClient(context, { name: body.name, industry: 'RETAIL' });
        if (body.fail) throw new Error('the handler failed after writing');
        return { kind: 'json', status: 201, body: { id: payload.client?.id } };
      },
    },
    {
      method: 'GET',
      path: '/probe/public',
      allow: 'public',
      handle: async (context) => ({ kind: 'json', body: { viewer: context.viewer.kind } }),
    },
    {
      method: 'GET',
      path: '/probe/refuses',
      allow: 'public',
      handle: async () => {
        throw coded('BAD_USER_INPUT', 'Say which month.', { extensions: { field: 'month' } });
      },
    },
    {
      method: 'GET',
      path: '/probe/stream',
      allow: 'client:read',
      handle: async (context, request) => {
        const breakAt = Number(request.query.breakAt ?? -1);
        async function* lines() {
          for (let i = 0; i < 2000; i++) {
            if (i === breakAt) throw new Error('the source failed mid-stream');
            // Now and then a statement on the request's connection, as a cursor's fetches would be.
            const rows: { n: number }[] =
              i % 100 === 0
                ? await context.db.read((db) =>
                    db.query('SELECT count(*)::int AS n FROM clients WHERE tenant_id = $1', [db.tenantId]),
                  )
                : [{ n: 0 }];
            yield JSON.stringify({ line: i, clients: rows[0]?.n, padding: 'x'.repeat(200) }) + '\n';
          }
        }
        return {
          kind: 'stream',
          contentType: 'application/x-ndjson',
          filename: 'probe.ndjson',
          chunks: lines(),
        };
      },
    },
  ],
};

const CREATE_KEY = graphql(`
  mutation ModuleRoutesCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      userErrors {
        field
      }
    }
  }
`);

let api: TestApi;
let admin: SignedIn;
beforeAll(async () => {
  api = await startTestApi({ modules: [...modules, probe], rateLimit: { points: 1000, windowSeconds: 60 } });
  admin = await signUpConsultancy(api);
});
afterAll(() => api.close());

async function get(path: string, headers: Record<string, string> = {}) {
  return fetch(`${api.url}${path}`, { headers });
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function keyWith(scopes: string[]): Promise<string> {
  const response = await api.graphql(CREATE_KEY, { input: { name: 'probe', scopes } } as never, admin);
  expect(response.data.createApiKey.userErrors).toEqual([]);
  return response.data.createApiKey.secret!;
}

async function clientsOf(tenantId: string): Promise<number> {
  return api.countRows('clients', tenantId);
}

describe('a module route', () => {
  it('asks who is calling: anonymous is 401 in the API’s coded error shape', async () => {
    const response = await get('/probe/clients');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Sign in to do this.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('takes a session, as a bearer token or as the portal’s cookie', async () => {
    const byToken = await get('/probe/clients', bearer(admin.token));
    expect(byToken.status).toBe(200);
    expect(await byToken.json()).toEqual({ clients: 0, viewer: 'member' });
    const byCookie = await get('/probe/clients', { cookie: `csp_session=${admin.token}` });
    expect(await byCookie.json()).toEqual({ clients: 0, viewer: 'member' });
  });

  it('checks the permission as the GraphQL guard does, for roles and for API keys’ scopes', async () => {
    const leaderless = await signUpConsultancy(api);
    const consultant = await addMember(api, leaderless, 'CONSULTANT');
    expect((await get('/probe/clients', bearer(consultant.token))).status).toBe(200);

    const reader = await keyWith(['CLIENTS_READ']);
    expect(await (await get('/probe/clients', bearer(reader))).json()).toEqual({
      clients: 0,
      viewer: 'apiKey',
    });
    const refused = await post('/probe/clients', { name: 'Not allowed' }, bearer(reader));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      errors: [
        {
          message: 'Your role does not allow this.',
          extensions: { code: 'FORBIDDEN', requires: 'client:create' },
        },
      ],
    });
    const other = await keyWith(['AUDITS_READ']);
    expect((await get('/probe/clients', bearer(other))).status).toBe(403);
  });

  it('commits what its handler wrote, and rolls all of it back when the handler fails', async () => {
    const team = await signUpConsultancy(api);
    const created = await post('/probe/clients', { name: 'Harbour Energy' }, bearer(team.token));
    expect(created.status).toBe(201);
    expect(((await created.json()) as { id: string }).id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await clientsOf(team.tenantId)).toBe(1);

    const failed = await post('/probe/clients', { name: 'Half written', fail: true }, bearer(team.token));
    expect(failed.status).toBe(500);
    const body = (await failed.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await clientsOf(team.tenantId)).toBe(1);
  });

  it('refuses a write sent as a form, which another site could make a browser post with the cookie', async () => {
    const response = await fetch(`${api.url}/probe/clients`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `csp_session=${admin.token}` },
      body: 'name=Forged',
    });
    expect(response.status).toBe(400);
    expect(
      ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('BAD_REQUEST');
    expect(await clientsOf(admin.tenantId)).toBe(0);
  });

  it('answers a body that is not JSON, or too large, in the same shape', async () => {
    const response = await fetch(`${api.url}/probe/clients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(admin.token) },
      body: '{"name":',
    });
    expect(response.status).toBe(400);
    expect(
      ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('BAD_REQUEST');
  });

  it('may be public, and passes a coded error on with its extensions', async () => {
    expect(await (await get('/probe/public')).json()).toEqual({ viewer: 'anonymous' });
    const refused = await get('/probe/refuses');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      errors: [{ message: 'Say which month.', extensions: { code: 'BAD_USER_INPUT', field: 'month' } }],
    });
  });

  it('streams an answer chunk by chunk, inside the request’s transaction', async () => {
    const response = await get('/probe/stream', bearer(admin.token));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename=probe.ndjson');
    const lines = (await response.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(2000);
    expect(JSON.parse(lines[1999]!)).toMatchObject({ line: 1999, clients: 0 });
  });

  it('cuts the connection when the stream fails midway, so the client cannot take a part for the whole', async () => {
    const response = await get('/probe/stream?breakAt=1500', bearer(admin.token));
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
    // The API carries on serving.
    expect((await get('/probe/clients', bearer(admin.token))).status).toBe(200);
  });
});

describe('module routes and the rate limit', () => {
  it('counts against the same per-caller limit as GraphQL', async () => {
    const limited = await startTestApi({
      modules: [...modules, probe],
      rateLimit: { points: 3, windowSeconds: 60 },
    });
    try {
      const team = await signUpConsultancy(limited);
      // Signing up and confirming took the anonymous caller's points; the member starts afresh.
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const response = await fetch(`${limited.url}/probe/clients`, { headers: bearer(team.token) });
        statuses.push(response.status);
        if (response.status === 429) {
          expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
          const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
          expect(body.errors[0]?.extensions.code).toBe('RATE_LIMITED');
        }
      }
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
