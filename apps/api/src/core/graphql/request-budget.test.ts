import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { createAudit } from '../../../test/audits-factories.js';
import { QUERY_LIMITS } from './query-limits.js';
import { queryCost } from './query-cost.js';
import { modules } from '../../modules/index.js';
import { readConfig } from '../config.js';
import { buildSchema } from './schema.js';
import { graphql } from '../../../test/generated/index.js';

/**
 * The attack from issue 11: a short query walking clients → audits → client → audits … over one new client's
 * audits. Its work grows as n⁴ and is JavaScript on the shared event loop, where no statement timeout applies.
 * Before these limits, 24 audits took 2.9 s and a 15.6 MB answer; at 40 audits it takes about 18 s.
 */
const AUDITS = 40;

function auditWalk(levels: number, clientsArgs = ''): string {
  let selection = 'id';
  for (let level = 0; level < levels; level++) {
    selection = level === 0 ? `audits { ${selection} }` : `audits { client { ${selection} } }`;
  }
  return `{ clients${clientsArgs} { nodes { ${selection} } } }`;
}

let api: TestApi;
let admin: SignedIn;
let clientId: string;
beforeAll(async () => {
  // A tenth of the default field budget: the same mechanism, and a short enough run to time on a busy machine.
  api = await startTestApi({ budget: { ...readConfig().budget, fields: 10_000 } });
  admin = await signUpConsultancy(api);
  clientId = await createClient(api, admin);
  for (let i = 0; i < AUDITS; i++) await createAudit(api, admin, clientId);
}, 120_000);
afterAll(() => api.close());

describe('the n⁴ walk through audits', () => {
  it('is refused before it runs, naming the limit and its cost', async () => {
    const started = performance.now();
    const response = await api.graphql(auditWalk(4), {}, admin);
    // 18 s and a 119 MB answer at 40 audits before; now refused before any of it runs.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(response.errors?.[0]?.message).toMatch(/would cost [\d,]+, over the limit of 100,000/);
    expect(response.data).toBeUndefined();
  });

  it('three levels deep, three times over, passes the static cost, and its budget ends it quickly', async () => {
    // Each walk is priced at 20 audits per client; this client has 40, so the work is 8 times the estimate.
    let walk = 'id';
    for (let level = 0; level < 3; level++) walk = `audits { client { ${walk} } }`;
    const query = `{ ${[1, 2, 3].map((n) => `w${n}: client(id: "${clientId}") { ${walk} }`).join(' ')} }`;
    expect(queryCost(buildSchema(modules), parse(query))).toBeLessThan(QUERY_LIMITS.cost);
    const started = performance.now();
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
      body: JSON.stringify({ query }),
    });
    const text = await response.text();
    const elapsed = performance.now() - started;
    const body = JSON.parse(text) as { data: unknown; errors: unknown[] };
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      {
        message: expect.stringMatching(/stopped: it needed more than 10,000 fields/),
        extensions: { code: 'QUERY_TOO_COSTLY' },
      },
    ]);
    // Without the budget: 192,000 audits, 32 s and an 11 MB answer on a busy 2-core machine. Now a small part of
    // the work, and a short answer.
    expect(elapsed).toBeLessThan(5000);
    expect(text.length).toBeLessThan(1000);
  });

  it('leaves a query of the same shape but modest size alone', async () => {
    const response = await api.graphql<{
      clients: { nodes: { audits: { client: { audits: unknown[] } }[] }[] };
    }>(auditWalk(2, '(first: 1)'), {}, admin);
    expect(response.errors).toBeUndefined();
    expect(response.data.clients.nodes[0]?.audits).toHaveLength(AUDITS);
  });
});

describe('budgets of time and size', () => {
  let tight: TestApi;
  let owner: SignedIn;
  let ownClient: string;
  beforeAll(async () => {
    tight = await startTestApi({ budget: { fields: 1_000_000, milliseconds: 1, responseBytes: 1500 } });
    owner = await signUpConsultancy(tight);
    ownClient = await createClient(tight, owner, { name: 'Budget Ltd' });
    for (let i = 0; i < 10; i++) await createAudit(tight, owner, ownClient);
  }, 60_000);
  afterAll(() => tight.close());

  it('ends a request that runs longer than its time budget', async () => {
    const response = await tight.graphql(
      `{ client(id: "${ownClient}") { audits { client { audits { id title status } } } } }`,
      {},
      owner,
    );
    expect(response.data).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(response.errors?.[0]?.message).toMatch(/more than 0\.001 s of work/);
  });

  it('keeps nothing a mutation wrote when its budget runs out', async () => {
    const response = await tight.graphql(
      graphql(`
        mutation RequestBudgetUpdateClient($input: UpdateClientInput!) {
          updateClient(input: $input) {
            client {
              audits {
                client {
                  audits {
                    id
                    title
                    status
                  }
                }
              }
            }
          }
        }
      `),
      { input: { id: ownClient, name: 'Renamed Ltd' } },
      owner,
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    const after = await tight.graphql<{ client: { name: string } }>(
      `{ client(id: "${ownClient}") { name } }`,
      {},
      owner,
    );
    expect(after.data.client.name).toBe('Budget Ltd');
  });

  it('answers an error instead of an answer larger than the size budget', async () => {
    const small = await tight.graphql(`{ client(id: "${ownClient}") { id name } }`, {}, owner);
    expect(small.errors).toBeUndefined();
    const large = await tight.graphql(
      graphql(`
        query RequestBudgetAudits {
          audits(first: 10) {
            nodes {
              id
              title
              status
              conductedOn
              createdAt
              updatedAt
            }
          }
        }
      `),
      {},
      owner,
    );
    expect(large.data).toBeNull();
    expect(large.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(large.errors?.[0]?.message).toMatch(/an answer larger than 1,500 bytes/);
  });
});
