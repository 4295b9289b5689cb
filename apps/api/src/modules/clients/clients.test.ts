import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, unchecked, type TestApi } from '../../../test/test-api.js';
import { addMember, createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { graphql } from '../../../test/generated/index.js';

const CREATE = graphql(`
  mutation ClientsCreateClient($input: CreateClientInput!) {
    createClient(input: $input) {
      client {
        id
        name
        industry
        size
        region
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const UPDATE = graphql(`
  mutation ClientsUpdateClient($input: UpdateClientInput!) {
    updateClient(input: $input) {
      client {
        id
        name
        status
        archivedAt
        region
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);
const LIST = graphql(`
  query ClientsClients(
    $first: Int
    $after: String
    $status: ClientStatus
    $industry: Industry
    $search: String
  ) {
    clients(first: $first, after: $after, status: $status, industry: $industry, search: $search) {
      totalCount
      nodes {
        id
        name
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
const WORKSHOP = graphql(`
  mutation ClientsSaveDifferentiationWorkshop($input: SaveDifferentiationWorkshopInput!) {
    saveDifferentiationWorkshop(input: $input) {
      workshop {
        beliefs {
          statement
          linked
        }
        values {
          statement
        }
        commonPurpose
        pointOfDifferentiation
        gaps
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

let api: TestApi;
let admin: SignedIn;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
});
afterAll(() => api.close());

describe('clients', () => {
  it('creates a client with sensible defaults and reads it back', async () => {
    const created = await api.graphql(
      CREATE,
      { input: { name: '  Harbourline Bank ', industry: 'BANKING_FINANCE', region: ' ' } },
      admin,
    );
    expect(created.data.createClient.client).toMatchObject({
      name: 'Harbourline Bank',
      status: 'PROSPECT',
      region: null,
    });
    const read = await api.graphql(
      graphql(`
        query ClientsClient($id: ID!) {
          client(id: $id) {
            name
            industry
          }
        }
      `),
      { id: created.data.createClient.client!.id },
      admin,
    );
    expect(read.data.client).toEqual({ name: 'Harbourline Bank', industry: 'BANKING_FINANCE' });
  });

  it.each([
    ['name', { name: '' }, 'REQUIRED'],
    ['name', { name: 'n'.repeat(201) }, 'TOO_LONG'],
    ['region', { region: 'r'.repeat(121) }, 'TOO_LONG'],
  ])('refuses a bad %s (%o) by naming it, and writes nothing', async (field, change, code) => {
    const before = await api.countRows('clients', admin.tenantId);
    const response = await api.graphql(
      CREATE,
      { input: { name: 'Valid', industry: 'RETAIL', ...change } },
      admin,
    );
    expect(response.data.createClient).toEqual({
      client: null,
      userErrors: [expect.objectContaining({ field, code })],
    });
    expect(await api.countRows('clients', admin.tenantId)).toBe(before);
  });

  it('refuses an unknown enum value with an error naming the field, and writes nothing', async () => {
    const before = await api.countRows('clients', admin.tenantId);
    const response = await api.graphql(
      CREATE,
      unchecked({ input: { name: 'Valid', industry: 'SPACEFLIGHT' } }),
      admin,
    );
    // A variable that cannot be coerced is a request error: 200 for a plain application/json client, as the
    // GraphQL-over-HTTP spec asks (see core/http/response-status.ts), with the error naming the field.
    expect(response.status).toBe(200);
    expect(response.data).toBeUndefined();
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toMatch(/industry/);
    expect(await api.countRows('clients', admin.tenantId)).toBe(before);
  });

  it('updates only the fields given, and archives without losing anything', async () => {
    const id = await createClient(api, admin, { name: 'Tidewater Hotels', region: 'Queenstown' });
    const renamed = await api.graphql(UPDATE, { input: { id, name: 'Tidewater Hotel Group' } }, admin);
    expect(renamed.data.updateClient.client).toMatchObject({
      name: 'Tidewater Hotel Group',
      region: 'Queenstown',
    });
    const archived = await api.graphql(
      graphql(`
        mutation ClientsArchiveClient($id: ID!) {
          archiveClient(input: { id: $id }) {
            client {
              status
              archivedAt
            }
          }
        }
      `),
      { id },
      admin,
    );
    expect(archived.data.archiveClient.client!.status).toBe('ARCHIVED');
    expect(Date.parse(archived.data.archiveClient.client!.archivedAt!)).not.toBeNaN();
  });

  it('answers an update with no change, or of an unknown id, with a user error and no write', async () => {
    const id = await createClient(api, admin, { name: 'Unchanged' });
    const empty = await api.graphql(UPDATE, { input: { id } }, admin);
    expect(empty.data.updateClient.userErrors[0]?.message).toBe('Change at least one field.');
    for (const unknown of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await api.graphql(UPDATE, { input: { id: unknown, name: 'Renamed' } }, admin);
      expect(response.data.updateClient.userErrors).toEqual([
        { field: 'id', code: 'NOT_FOUND', message: 'No client has this id.' },
      ]);
    }
    const [row] = await api.ownerQuery<{ name: string }>('SELECT name FROM clients WHERE id = $1', [id]);
    expect(row?.name).toBe('Unchanged');
  });

  it('pages through clients by name with cursors, filters and a total', async () => {
    const tenant = await signUpConsultancy(api);
    for (const name of ['Delta', 'Alpha', 'Echo', 'Charlie', 'Bravo']) {
      await createClient(api, tenant, { name, industry: name === 'Echo' ? 'HEALTHCARE' : 'RETAIL' });
    }
    const first = await api.graphql(LIST, { first: 2 }, tenant);
    expect(first.data.clients.nodes.map((c) => c.name)).toEqual(['Alpha', 'Bravo']);
    expect(first.data.clients).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    const rest = await api.graphql(LIST, { first: 10, after: first.data.clients.pageInfo.endCursor }, tenant);
    expect(rest.data.clients.nodes.map((c) => c.name)).toEqual(['Charlie', 'Delta', 'Echo']);
    expect(rest.data.clients.pageInfo.hasNextPage).toBe(false);
    const healthcare = await api.graphql(LIST, { industry: 'HEALTHCARE' }, tenant);
    expect(healthcare.data.clients.totalCount).toBe(1);
    const search = await api.graphql(LIST, { search: 'ELT' }, tenant);
    expect(search.data.clients.nodes.map((c) => c.name)).toEqual(['Delta']);
  });

  it('caps the page size and refuses a cursor it did not give out', async () => {
    const big = await api.graphql(LIST, { first: 101 }, admin);
    expect(big.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
    const forged = await api.graphql(LIST, { after: 'bm90IGEgY3Vyc29y' }, admin);
    expect(forged.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
  });
});

describe('the differentiation workshop', () => {
  it('saves the four steps whole and says what is still missing', async () => {
    const clientId = await createClient(api, admin, { industry: 'CONTACT_CENTRE' });
    const saved = await api.graphql(
      WORKSHOP,
      {
        input: {
          clientId,
          beliefs: [
            { statement: 'Long waits on hold' },
            { statement: 'Transferred again and again', linked: true },
          ],
          values: [{ statement: 'A person who knows my history' }],
          commonPurpose: 'Keep people connected to the ones they love',
          pointOfDifferentiation: 'The first person you reach owns your problem',
        },
      },
      admin,
    );
    expect(saved.data.saveDifferentiationWorkshop.workshop!.gaps).toEqual([]);
    expect(saved.data.saveDifferentiationWorkshop.workshop!.beliefs).toEqual([
      { statement: 'Long waits on hold', linked: false },
      { statement: 'Transferred again and again', linked: true },
    ]);
    const replaced = await api.graphql(
      WORKSHOP,
      { input: { clientId, beliefs: [], values: [], pointOfDifferentiation: 'Ownership' } },
      admin,
    );
    // No beliefs, no values, no purpose, and a point linked to nothing: four gaps.
    expect(replaced.data.saveDifferentiationWorkshop.workshop!.gaps).toHaveLength(4);
    const read = await api.graphql(
      graphql(`
        query ClientsClient2($id: ID!) {
          client(id: $id) {
            workshop {
              beliefs {
                id
              }
              pointOfDifferentiation
            }
          }
        }
      `),
      { id: clientId },
      admin,
    );
    expect(read.data.client!.workshop).toEqual({ beliefs: [], pointOfDifferentiation: 'Ownership' });
  });

  it('names the entry at fault and keeps the saved workshop as it was', async () => {
    const clientId = await createClient(api, admin);
    await api.graphql(WORKSHOP, { input: { clientId, beliefs: [{ statement: 'Kept' }], values: [] } }, admin);
    const response = await api.graphql(
      WORKSHOP,
      { input: { clientId, beliefs: [{ statement: 'Fine' }, { statement: '   ' }], values: [] } },
      admin,
    );
    expect(response.data.saveDifferentiationWorkshop.userErrors.map((e) => e.field)).toEqual([
      'beliefs.1.statement',
    ]);
    const rows = await api.ownerQuery<{ statement: string }>(
      'SELECT statement FROM workshop_entries WHERE client_id = $1',
      [clientId],
    );
    expect(rows.map((r) => r.statement)).toEqual(['Kept']);
  });
});

describe('who sees which clients', () => {
  it('fences a client leader to their own organisation, read-only, without the workshop', async () => {
    const tenant = await signUpConsultancy(api);
    const own = await createClient(api, tenant, { name: 'Own Org' });
    const other = await createClient(api, tenant, { name: 'Other Org' });
    const leader = await addMember(api, tenant, 'CLIENT_LEADER', own);

    const list = await api.graphql(LIST, {}, leader);
    expect(list.data.clients).toMatchObject({ totalCount: 1, nodes: [{ name: 'Own Org' }] });
    const peek = await api.graphql(
      graphql(`
        query ClientsClient3($id: ID!) {
          client(id: $id) {
            name
          }
        }
      `),
      { id: other },
      leader,
    );
    expect(peek.data.client).toBeNull();
    const me = await api.graphql(
      graphql(`
        query ClientsMe {
          me {
            role
            client {
              name
            }
          }
        }
      `),
      {},
      leader,
    );
    expect(me.data.me).toEqual({ role: 'CLIENT_LEADER', client: { name: 'Own Org' } });

    const write = await api.graphql(UPDATE, { input: { id: own, name: 'Renamed by leader' } }, leader);
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const workshop = await api.graphql(
      graphql(`
        query ClientsClient4($id: ID!) {
          client(id: $id) {
            name
            workshop {
              gaps
            }
          }
        }
      `),
      { id: own },
      leader,
    );
    expect(workshop.errors?.[0]).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      path: ['client', 'workshop'],
    });
  });

  it('lets a consultant do everything with clients', async () => {
    const consultant = await addMember(api, admin, 'CONSULTANT');
    const id = await createClient(api, consultant, { name: 'By consultant' });
    const response = await api.graphql(UPDATE, { input: { id, name: 'Still by consultant' } }, consultant);
    expect(response.data.updateClient.client!.name).toBe('Still by consultant');
  });

  it('treats another consultancy\u2019s client id exactly like an id that does not exist', async () => {
    const other = await signUpConsultancy(api);
    const theirs = await createClient(api, other, { name: 'Not yours' });
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const id of [theirs, missing]) {
      const read = await api.graphql(
        graphql(`
          query ClientsClient5($id: ID!) {
            client(id: $id) {
              name
            }
          }
        `),
        { id },
        admin,
      );
      expect(read.data.client).toBeNull();
      const update = await api.graphql(UPDATE, { input: { id, name: 'Taken over' } }, admin);
      expect(update.data.updateClient).toEqual({
        client: null,
        userErrors: [{ field: 'id', code: 'NOT_FOUND', message: 'No client has this id.' }],
      });
      const workshop = await api.graphql(
        WORKSHOP,
        { input: { clientId: id, beliefs: [], values: [] } },
        admin,
      );
      expect(workshop.data.saveDifferentiationWorkshop.userErrors).toEqual([
        { field: 'clientId', code: 'NOT_FOUND', message: 'No client has this id.' },
      ]);
    }
    const [row] = await api.ownerQuery<{ name: string }>('SELECT name FROM clients WHERE id = $1', [theirs]);
    expect(row?.name).toBe('Not yours');
    const list = await api.graphql(LIST, { first: 100 }, admin);
    expect(list.data.clients.nodes.map((c) => c.id)).not.toContain(theirs);
  });
});
