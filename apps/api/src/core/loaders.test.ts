import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/test-api.js';
import { createClient, createEngagement, signUpConsultancy, type SignedIn } from '../../test/factories.js';
import { graphql } from '../../test/generated/index.js';

const PROGRAMME = graphql(`
  query LoadersClients($first: Int) {
    clients(first: $first) {
      totalCount
      nodes {
        name
        leaders {
          name
        }
        engagements {
          title
          leadConsultant {
            name
          }
          team {
            name
          }
          client {
            name
          }
          milestones {
            title
            dueOn
            overdue
            engagement {
              title
            }
          }
        }
      }
    }
  }
`);

let api: TestApi;
let tenant: SignedIn;
beforeAll(async () => {
  api = await startTestApi();
  tenant = await signUpConsultancy(api);
  for (let i = 0; i < 50; i++) {
    const clientId = await createClient(api, tenant, { name: `Client ${String(i).padStart(2, '0')}` });
    await createEngagement(api, tenant, clientId, {
      milestones: [
        { title: 'Kick-off', dueOn: '2026-01-10' },
        { title: 'Review', dueOn: '2026-02-10' },
      ],
    });
  }
}, 120_000);
afterAll(() => api.close());

describe('per-request DataLoaders', () => {
  it('lists 50 clients with engagements and milestones in as many statements as 5', async () => {
    const five = await api.graphql(PROGRAMME, { first: 5 }, tenant);
    const fifty = await api.graphql(PROGRAMME, { first: 50 }, tenant);
    expect(five.data.clients.nodes).toHaveLength(5);
    expect(fifty.data.clients.nodes).toHaveLength(50);
    expect(fifty.data.clients.nodes.every((c) => c.engagements[0]?.milestones.length === 2)).toBe(true);
    console.log(`statements: 5 clients ${five.statements}, 50 clients ${fifty.statements}`);
    expect(fifty.statements).toBe(five.statements);
    // BEGIN, tenant, session, clients, count, then one batch each for leaders, engagements, leads, teams,
    // milestones and the engagements' own lookups, then COMMIT: a small fixed number, whatever the page size.
    expect(fifty.statements).toBeLessThanOrEqual(16);
  });
});

const LIST_PARTS = {
  total: graphql(`
    query LoadersClientsTotal {
      clients {
        totalCount
      }
    }
  `),
  page: graphql(`
    query LoadersClientsPage($after: String) {
      clients(first: 10, after: $after) {
        nodes {
          name
        }
        pageInfo {
          endCursor
        }
      }
    }
  `),
  both: graphql(`
    query LoadersClientsBoth($after: String) {
      clients(first: 10, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
        nodes {
          name
        }
      }
    }
  `),
};

describe('a list page', () => {
  it('reads a first page and its total in one statement, a total alone without the page, and after a cursor both', async () => {
    const page = await api.graphql(LIST_PARTS.page, {}, tenant);
    const both = await api.graphql(LIST_PARTS.both, {}, tenant);
    const total = await api.graphql(LIST_PARTS.total, {}, tenant);
    expect(both.data.clients.totalCount).toBe(50);
    expect(total.data.clients.totalCount).toBe(50);
    expect(both.data.clients.nodes).toEqual(page.data.clients.nodes);
    expect(both.data.clients.pageInfo.hasNextPage).toBe(true);
    expect(both.statements).toBe(page.statements);
    expect(total.statements).toBe(page.statements);

    // After a cursor the window would count only what follows it, so the total is its own statement.
    const after = page.data.clients.pageInfo.endCursor;
    const next = await api.graphql(LIST_PARTS.both, { after }, tenant);
    expect(next.data.clients.totalCount).toBe(50);
    expect(next.data.clients.nodes[0]?.name).toBe('Client 10');
    expect(next.statements).toBe(page.statements + 1);
  });
});
