import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { graphql } from '../../../test/generated/index.js';

let api: TestApi;
let admin: SignedIn;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
});
afterAll(() => api.close());

const CREATE = graphql(`
  mutation InputChecksCreateClient5($input: CreateClientInput!) {
    createClient(input: $input) {
      client {
        id
      }
    }
  }
`);

describe('the input check', () => {
  it('refuses a NUL character in a variable, naming the path and the operation', async () => {
    const before = await api.countRows('clients', admin.tenantId);
    const response = await api.graphql(
      CREATE,
      { input: { name: 'Harbour\u0000Bank', industry: 'RETAIL' } },
      admin,
    );
    expect(response.status).toBe(200);
    expect(response.data).toBeUndefined();
    expect(response.errors).toEqual([
      {
        message:
          'input.name in createClient cannot hold a NUL character (U+0000). Remove it and send the text again.',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.name' },
      },
    ]);
    expect(await api.countRows('clients', admin.tenantId)).toBe(before);
  });

  it('refuses an unpaired surrogate, deep in a list of input objects', async () => {
    const clientId = await createClient(api, admin);
    const response = await api.graphql(
      graphql(`
        mutation InputChecksSaveDifferentiationWorkshop3($input: SaveDifferentiationWorkshopInput!) {
          saveDifferentiationWorkshop(input: $input) {
            userErrors {
              field
            }
          }
        }
      `),
      {
        input: {
          clientId,
          beliefs: [{ statement: 'Long holds 😀' }, { statement: 'Cut off \uD83D' }],
          values: [],
        },
      },
      admin,
    );
    expect(response.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
      ['BAD_USER_INPUT', 'input.beliefs[1].statement'],
    ]);
    expect(response.errors?.[0]?.message).toMatch(/not valid Unicode/);
    expect(await api.countRows('workshop_entries', admin.tenantId)).toBe(0);
  });

  it('refuses a NUL written in the query text, in a search argument, through an alias and a fragment', async () => {
    const response = await api.graphql(
      `query { ...Found } fragment Found on Query { found: clients(search: "a\\u0000b") { totalCount } }`,
      {},
      admin,
    );
    expect(response.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^search in found cannot hold a NUL/),
        extensions: { code: 'BAD_USER_INPUT', field: 'search' },
      }),
    ]);
  });

  it('checks a variable’s default value too', async () => {
    const response = await api.graphql(
      'query ($search: String = "a\\u0000b") { clients(search: $search) { totalCount } }',
      {},
      admin,
    );
    expect(response.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'search' });
  });

  it('runs none of several mutations when one of them carries an odd value', async () => {
    const before = await api.countRows('clients', admin.tenantId);
    const response = await api.graphql(
      `mutation {
         first: createClient(input: { name: "Fine", industry: RETAIL }) { client { id } }
         second: createClient(input: { name: "Not\\u0000fine", industry: RETAIL }) { client { id } }
       }`,
      {},
      admin,
    );
    expect(response.data).toBeUndefined();
    expect(response.errors?.map((e) => e.message)).toEqual([
      'input.name in second cannot hold a NUL character (U+0000). Remove it and send the text again.',
    ]);
    expect(await api.countRows('clients', admin.tenantId)).toBe(before);
  });

  it('names the argument of a date outside 1900–9999, sent as a variable or written in the query', async () => {
    const clientId = await createClient(api, admin);
    const asVariable = await api.graphql(
      graphql(`
        mutation InputChecksCreateEngagement3($input: CreateEngagementInput!) {
          createEngagement(input: $input) {
            engagement {
              id
            }
          }
        }
      `),
      {
        input: {
          clientId,
          title: 'Diagnostic',
          kind: 'DIAGNOSTIC',
          milestones: [{ title: 'Kick-off', dueOn: '0000-01-01' }],
        },
      },
      admin,
    );
    expect(asVariable.errors).toEqual([
      {
        message:
          'input.milestones[0].dueOn in createEngagement: A Date must be a real day from 1900-01-01 to 9999-12-31, written as YYYY-MM-DD, e.g. 2026-03-31.',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.milestones[0].dueOn' },
      },
    ]);
    const inQuery = await api.graphql(
      `mutation { createEngagement(input: { clientId: "${clientId}", title: "Diagnostic", kind: DIAGNOSTIC,
         startsOn: "1899-12-31" }) { engagement { id } } }`,
      {},
      admin,
    );
    expect(inQuery.errors).toEqual([
      expect.objectContaining({
        message:
          'A Date must be a real day from 1900-01-01 to 9999-12-31, written as YYYY-MM-DD, e.g. 2026-03-31.',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.startsOn' },
      }),
    ]);
    expect(await api.countRows('engagements', admin.tenantId)).toBe(0);
  });

  it('takes an instant only as a full ISO 8601 timestamp within the years 1900 to 9999', async () => {
    const query = graphql(`
      query InputChecksActivity3($from: DateTime) {
        activity(from: $from) {
          totalCount
        }
      }
    `);
    for (const odd of ['0000-01-01T00:00:00Z', '1', 'March 7, 2026']) {
      const response = await api.graphql(query, { from: odd }, admin);
      expect(response.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'from' });
      expect(response.errors?.[0]?.message).toMatch(/ISO 8601 timestamp with its offset/);
    }
    const fine = await api.graphql(query, { from: '2026-03-31T09:00:00+13:00' }, admin);
    expect(fine.errors).toBeUndefined();
  });

  it('leaves ordinary text, emoji and all, alone', async () => {
    const response = await api.graphql(
      CREATE,
      { input: { name: 'Café Zoë 😀 — 東京', industry: 'RETAIL' } },
      admin,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.createClient.client!.id).toBeTruthy();
  });
});
