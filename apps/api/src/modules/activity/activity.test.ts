import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import {
  PASSWORD,
  addMember,
  createClient,
  createEngagement,
  signUpConsultancy,
  type SignedIn,
} from '../../../test/factories.js';
import { SIGN_OFF, publishedCharter } from '../../../test/charter-factories.js';

const TRAIL = `query ($action: String, $objectId: ID, $actorId: ID, $first: Int) {
  activity(action: $action, objectId: $objectId, actorId: $actorId, first: $first) {
    totalCount
    nodes { action objectType objectId changedFields requestId actor { id } apiKey { id } occurredAt }
  }
}`;

interface Entry {
  action: string;
  objectType: string | null;
  objectId: string | null;
  changedFields: string[];
  requestId: string;
  actor: { id: string } | null;
  apiKey: { id: string } | null;
}

let api: TestApi;
let admin: SignedIn;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
});
afterAll(() => api.close());

async function trail(variables: Record<string, unknown>) {
  const response = await api.graphql<{ activity: { totalCount: number; nodes: Entry[] } }>(
    TRAIL,
    variables,
    admin,
  );
  return response.data.activity;
}

describe('the activity trail', () => {
  it('records who changed what, on which object, which fields, under which request id', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${admin.token}`,
        'x-request-id': 'req-42',
      },
      body: JSON.stringify({
        query:
          'mutation { createClient(input: { name: "Traced", industry: RETAIL, region: "Otago" }) { client { id } } }',
      }),
    });
    const { data } = (await response.json()) as { data: { createClient: { client: { id: string } } } };
    const id = data.createClient.client.id;
    expect(response.headers.get('x-request-id')).toBe('req-42');
    const entries = await trail({ objectId: id });
    expect(entries.nodes).toEqual([
      expect.objectContaining({
        action: 'createClient',
        objectType: 'client',
        objectId: id,
        changedFields: ['industry', 'name', 'region'],
        requestId: 'req-42',
        actor: { id: admin.memberId },
        apiKey: null,
      }),
    ]);
  });

  it('records sign-ins, and never a password', async () => {
    await api.graphql('mutation ($input: LogInInput!) { logIn(input: $input) { token } }', {
      input: { email: admin.email, password: PASSWORD },
    });
    const entries = await trail({ action: 'logIn' });
    expect(entries.nodes[0]).toMatchObject({
      action: 'logIn',
      objectType: 'member',
      changedFields: ['email'],
    });
  });

  it('records nothing for a refused change, since nothing changed', async () => {
    const before = (await trail({ action: 'createClient' })).totalCount;
    await api.graphql(
      'mutation { createClient(input: { name: "", industry: RETAIL }) { client { id } } }',
      {},
      admin,
    );
    expect((await trail({ action: 'createClient' })).totalCount).toBe(before);
  });

  it('names the key when the change came through one', async () => {
    const created = await api.graphql<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
      'mutation { createApiKey(input: { name: "HR sync", scopes: [CLIENTS_READ, CLIENTS_WRITE] }) { secret apiKey { id } } }',
      {},
      admin,
    );
    const { secret, apiKey } = created.data.createApiKey;
    await api.graphql(
      'mutation { createClient(input: { name: "From HR", industry: RETAIL }) { client { id } } }',
      {},
      {
        token: secret,
      },
    );
    const entries = await trail({ action: 'createClient', first: 1 });
    expect(entries.nodes[0]).toMatchObject({ apiKey: { id: apiKey.id }, actor: { id: admin.memberId } });
    const keyEvents = await trail({ action: 'createApiKey' });
    expect(keyEvents.nodes[0]).toMatchObject({ objectType: 'apiKey', objectId: apiKey.id });
  });

  it('names the object by the GraphQL type its payload holds, also for a sign-off and a removed object', async () => {
    const clientId = await createClient(api, admin);
    const version = await publishedCharter(api, admin, clientId);
    const leader = await addMember(api, admin, 'CLIENT_LEADER', clientId);
    const signed = await api.graphql<{ signOffCharterVersion: { userErrors: unknown[] } }>(
      SIGN_OFF,
      { versionId: version.id },
      leader,
    );
    expect(signed.data.signOffCharterVersion.userErrors).toEqual([]);
    const signOff = await trail({ action: 'signOffCharterVersion' });
    expect(signOff.nodes[0]).toMatchObject({ objectType: 'charterVersion', objectId: version.id });

    const engagement = await createEngagement(api, admin, clientId);
    const added = await api.graphql<{ addMilestone: { milestone: { id: string } } }>(
      'mutation ($id: ID!) { addMilestone(input: { engagementId: $id, title: "Kick-off", dueOn: "2027-01-10" }) { milestone { id } } }',
      { id: engagement },
      admin,
    );
    const milestoneId = added.data.addMilestone.milestone.id;
    await api.graphql(
      'mutation ($id: ID!) { removeMilestone(input: { id: $id }) { removedId } }',
      { id: milestoneId },
      admin,
    );
    const removed = await trail({ action: 'removeMilestone' });
    expect(removed.nodes[0]).toMatchObject({ objectType: 'milestone', objectId: milestoneId });
  });

  it('is for admins only, and each consultancy sees its own', async () => {
    const consultant = await addMember(api, admin, 'CONSULTANT');
    const refused = await api.graphql(TRAIL, {}, consultant);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await signUpConsultancy(api);
    await createClient(api, other);
    const theirs = await api.graphql<{ activity: { nodes: Entry[] } }>(TRAIL, { first: 100 }, other);
    expect(theirs.data.activity.nodes.every((e) => e.actor?.id === other.memberId)).toBe(true);
  });

  it('is append-only for the API role: no update, no delete', async () => {
    await createClient(api, admin);
    for (const statement of [
      'UPDATE activity_trail SET action = $1',
      'DELETE FROM activity_trail WHERE action = $1',
    ]) {
      await expect(
        api.ownerSession(async (query) => {
          await query('BEGIN');
          try {
            await query('SET LOCAL ROLE csp_api');
            await query(`SELECT set_config('app.tenant_id', $1, true)`, [admin.tenantId]);
            return await query(statement, ['createClient']);
          } finally {
            await query('ROLLBACK');
          }
        }),
      ).rejects.toThrow(/permission denied/);
    }
  });
});
