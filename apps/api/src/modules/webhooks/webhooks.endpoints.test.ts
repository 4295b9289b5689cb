import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { addMember, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { graphql } from '../../../test/generated/index.js';

/** Registering, changing and rotating endpoints: what is refused, what is kept, what is shown once. */
const ENDPOINT_FIELDS = `id url description events enabled disabledReason secrets { id hint expiresAt } createdBy { id }`;
const CREATE = `mutation ($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT_FIELDS} } userErrors { field code message } }
}`;
const UPDATE = `mutation ($input: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(input: $input) { endpoint { ${ENDPOINT_FIELDS} } userErrors { field code message } }
}`;
const ROTATE = `mutation ($input: RotateWebhookSecretInput!) {
  rotateWebhookSecret(input: $input) { secret endpoint { ${ENDPOINT_FIELDS} } userErrors { field code message } }
}`;
const DELETE = graphql(`
  mutation WebhooksEndpointsDeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {
    deleteWebhookEndpoint(input: $input) {
      removedEndpointId
      userErrors {
        field
        code
        message
      }
    }
  }
`);

interface EndpointView {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  secrets: { id: string; hint: string; expiresAt: string | null }[];
}
interface CreatePayload {
  createWebhookEndpoint: {
    secret: string | null;
    endpoint: EndpointView | null;
    userErrors: { field: string; code: string; message: string }[];
  };
}

let api: TestApi;
/** The same product with the operator setting at its production default: private addresses refused. */
let guarded: TestApi;
let admin: SignedIn;
let other: SignedIn;

beforeAll(async () => {
  [api, guarded] = await Promise.all([
    startTestApi(),
    startTestApi({ webhooks: { allowPrivateAddresses: false } }),
  ]);
  admin = await signUpConsultancy(api);
  other = await signUpConsultancy(api);
});
afterAll(async () => {
  await Promise.all([api.close(), guarded.close()]);
});

async function create(who: SignedIn, input: Record<string, unknown>, on: TestApi = api) {
  return on.graphql<CreatePayload>(CREATE, { input }, { token: who.token });
}

describe('registering an endpoint', () => {
  it('returns a Standard Webhooks secret once and afterwards only its hint', async () => {
    const created = await create(admin, {
      url: 'http://127.0.0.1:9/hooks',
      events: ['AUDIT_PUBLISHED', 'CHARTER_SIGNED_OFF'],
      description: 'BI tool',
    });
    const payload = created.data.createWebhookEndpoint;
    expect(payload.userErrors).toEqual([]);
    expect(payload.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(payload.endpoint).toMatchObject({
      enabled: true,
      events: ['AUDIT_PUBLISHED', 'CHARTER_SIGNED_OFF'],
    });
    const listed = await api.graphql<{ webhookEndpoints: { nodes: EndpointView[] } }>(
      `{ webhookEndpoints { nodes { ${ENDPOINT_FIELDS} } } }`,
      {},
      { token: admin.token },
    );
    const [endpoint] = listed.data.webhookEndpoints.nodes;
    expect(endpoint?.secrets).toHaveLength(1);
    expect(endpoint?.secrets[0]?.hint).toBe(`${payload.secret!.slice(0, 10)}…`);
    expect(JSON.stringify(listed.data)).not.toContain(payload.secret!.slice(10, 30));
  });

  it('names the field of bad input and writes nothing', async () => {
    const before = await api.countRows('webhook_endpoints', admin.tenantId);
    const bad = await create(admin, { url: 'ftp://example.com/x', events: [] });
    expect(bad.data.createWebhookEndpoint.userErrors.map((e) => e.field)).toEqual(['url', 'events']);
    const withPassword = await create(admin, {
      url: 'https://me:pw@example.com/x',
      events: ['AUDIT_PUBLISHED'],
    });
    expect(withPassword.data.createWebhookEndpoint.userErrors).toMatchObject([
      { field: 'url', code: 'INVALID' },
    ]);
    expect(await api.countRows('webhook_endpoints', admin.tenantId)).toBe(before);
  });

  it.each([
    ['loopback', 'http://127.0.0.1:8080/hooks'],
    ['loopback by name', 'http://localhost/hooks'],
    ['loopback IPv6', 'http://[::1]/hooks'],
    ['IPv4 inside IPv6', 'http://[::ffff:127.0.0.1]/hooks'],
    ['private 10/8', 'https://10.0.0.5/hooks'],
    ['private 192.168/16', 'https://192.168.1.20/hooks'],
    ['private 172.16/12', 'https://172.16.4.4/hooks'],
    ['carrier-grade NAT', 'https://100.64.0.1/hooks'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['unique-local IPv6', 'https://[fd00:ec2::254]/hooks'],
    ['unspecified', 'http://0.0.0.0/hooks'],
    ['IPv4-compatible loopback', 'http://[::127.0.0.1]/hooks'],
    ['IPv4-compatible metadata', 'http://[::169.254.169.254]/latest/meta-data/'],
    ['IPv4-compatible private, in hex', 'http://[::a00:5]/hooks'],
    ['IPv4-mapped private', 'http://[::ffff:10.0.0.5]/hooks'],
    ['IPv4-mapped metadata, in hex', 'http://[::ffff:a9fe:a9fe]/hooks'],
    ['NAT64 loopback', 'http://[64:ff9b::127.0.0.1]/hooks'],
    ['NAT64 private', 'http://[64:ff9b::192.168.1.20]/hooks'],
    ['local-use NAT64 private', 'http://[64:ff9b:1::10.0.0.5]/hooks'],
    ['6to4 of a private address', 'http://[2002:a00:5::1]/hooks'],
    ['6to4 of metadata', 'http://[2002:a9fe:a9fe::]/hooks'],
  ])('refuses a %s address unless the operator allows it', async (_, url) => {
    const before = await guarded.countRows('webhook_endpoints', admin.tenantId);
    const guardedAdmin = await signUpConsultancy(guarded);
    const refused = await create(guardedAdmin, { url, events: ['AUDIT_PUBLISHED'] }, guarded);
    expect(refused.data.createWebhookEndpoint).toMatchObject({
      endpoint: null,
      secret: null,
      userErrors: [{ field: 'url', code: 'NOT_ALLOWED' }],
    });
    expect(await guarded.countRows('webhook_endpoints', guardedAdmin.tenantId)).toBe(0);
    expect(await guarded.countRows('webhook_endpoints', admin.tenantId)).toBe(before);
  });

  it('accepts a public address with the guard on', async () => {
    const guardedAdmin = await signUpConsultancy(guarded);
    const accepted = await create(
      guardedAdmin,
      { url: 'https://93.184.215.14/hooks', events: ['ACTION_STATUS_CHANGED'] },
      guarded,
    );
    expect(accepted.data.createWebhookEndpoint.userErrors).toEqual([]);
    const moved = await guarded.graphql<{ updateWebhookEndpoint: { userErrors: { field: string }[] } }>(
      UPDATE,
      { input: { id: accepted.data.createWebhookEndpoint.endpoint!.id, url: 'http://169.254.169.254/' } },
      { token: guardedAdmin.token },
    );
    expect(moved.data.updateWebhookEndpoint.userErrors).toMatchObject([
      { field: 'url', code: 'NOT_ALLOWED' },
    ]);
  });

  it('is for admins only: a consultant can neither register nor list', async () => {
    const consultant = await addMember(api, admin, 'CONSULTANT');
    const refused = await create(consultant, { url: 'http://127.0.0.1:9/x', events: ['AUDIT_PUBLISHED'] });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await api.graphql(
      graphql(`
        query WebhooksEndpointsWebhookEndpoints {
          webhookEndpoints {
            totalCount
          }
        }
      `),
      {},
      { token: consultant.token },
    );
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('changing, rotating and removing', () => {
  let endpoint: EndpointView;
  let firstSecret: string;

  beforeAll(async () => {
    const created = await create(admin, { url: 'http://127.0.0.1:9/rotate', events: ['AUDIT_PUBLISHED'] });
    endpoint = created.data.createWebhookEndpoint.endpoint!;
    firstSecret = created.data.createWebhookEndpoint.secret!;
  });

  it('rotates with an overlap: the old secret keeps signing until it ends', async () => {
    const started = Date.now();
    const rotated = await api.graphql<{
      rotateWebhookSecret: { secret: string; endpoint: EndpointView; userErrors: unknown[] };
    }>(ROTATE, { input: { id: endpoint.id, overlapHours: 6 } }, { token: admin.token });
    const payload = rotated.data.rotateWebhookSecret;
    expect(payload.userErrors).toEqual([]);
    expect(payload.secret).not.toBe(firstSecret);
    const view = await api.graphql<{ webhookEndpoint: EndpointView }>(
      `query ($id: ID!) { webhookEndpoint(id: $id) { ${ENDPOINT_FIELDS} } }`,
      { id: endpoint.id },
      { token: admin.token },
    );
    const [current, previous] = view.data.webhookEndpoint.secrets;
    expect(current).toMatchObject({ hint: `${payload.secret.slice(0, 10)}…`, expiresAt: null });
    expect(previous?.hint).toBe(`${firstSecret.slice(0, 10)}…`);
    const ends = new Date(previous!.expiresAt!).getTime();
    expect(ends - started).toBeGreaterThanOrEqual(6 * 3600_000 - 1000);
    expect(ends - started).toBeLessThanOrEqual(6 * 3600_000 + 60_000);
  });

  it('refuses an overlap beyond a week, naming the field', async () => {
    const before = await api.countRows('webhook_secrets', admin.tenantId);
    const refused = await api.graphql<{ rotateWebhookSecret: { userErrors: { field: string }[] } }>(
      ROTATE,
      { input: { id: endpoint.id, overlapHours: 200 } },
      { token: admin.token },
    );
    expect(refused.data.rotateWebhookSecret.userErrors).toMatchObject([{ field: 'overlapHours' }]);
    expect(await api.countRows('webhook_secrets', admin.tenantId)).toBe(before);
  });

  it('records endpoint and secret events in the activity trail, never the secret', async () => {
    const trail = await api.graphql(
      graphql(`
        query WebhooksEndpointsActivity($objectId: ID!) {
          activity(objectId: $objectId) {
            nodes {
              action
              objectId
              changedFields
            }
          }
        }
      `),
      { objectId: endpoint.id },
      { token: admin.token },
    );
    expect(trail.data.activity.nodes.map((entry) => entry.action)).toEqual([
      'rotateWebhookSecret',
      'createWebhookEndpoint',
    ]);
    expect(trail.data.activity.nodes[0]?.changedFields).toEqual(['overlapHours']);
    const stored = await api.ownerQuery(`SELECT * FROM activity_trail WHERE object_id = $1`, [endpoint.id]);
    expect(JSON.stringify(stored)).not.toContain('whsec_');
  });

  it('treats another consultancy’s endpoint as one that does not exist', async () => {
    const ghost = { id: endpoint.id };
    const asOther = { token: other.token };
    const update = await api.graphql<{ updateWebhookEndpoint: { userErrors: unknown[] } }>(
      UPDATE,
      { input: { ...ghost, enabled: false } },
      asOther,
    );
    const rotate = await api.graphql<{ rotateWebhookSecret: { userErrors: unknown[] } }>(
      ROTATE,
      { input: ghost },
      asOther,
    );
    const remove = await api.graphql(DELETE, { input: ghost }, asOther);
    const read = await api.graphql(
      graphql(`
        query WebhooksEndpointsWebhookEndpoint($id: ID!) {
          webhookEndpoint(id: $id) {
            id
          }
        }
      `),
      ghost,
      asOther,
    );
    const missing = [{ field: 'id', code: 'NOT_FOUND', message: 'No webhook endpoint has this id.' }];
    expect(update.data.updateWebhookEndpoint.userErrors).toEqual(missing);
    expect(rotate.data.rotateWebhookSecret.userErrors).toEqual(missing);
    expect(remove.data.deleteWebhookEndpoint.userErrors).toEqual(missing);
    expect(read.data.webhookEndpoint).toBeNull();
    const [row] = await api.ownerQuery<{ enabled: boolean }>(
      'SELECT enabled FROM webhook_endpoints WHERE id = $1',
      [endpoint.id],
    );
    expect(row?.enabled).toBe(true);
  });

  it('turns off, on, and removes an endpoint with its secrets', async () => {
    const off = await api.graphql<{ updateWebhookEndpoint: { endpoint: EndpointView } }>(
      UPDATE,
      { input: { id: endpoint.id, enabled: false, events: ['CHARTER_PUBLISHED'] } },
      { token: admin.token },
    );
    expect(off.data.updateWebhookEndpoint.endpoint).toMatchObject({
      enabled: false,
      events: ['CHARTER_PUBLISHED'],
    });
    const removed = await api.graphql(DELETE, { input: { id: endpoint.id } }, { token: admin.token });
    expect(removed.data.deleteWebhookEndpoint.removedEndpointId).toBe(endpoint.id);
    expect(
      await api.ownerQuery('SELECT 1 FROM webhook_secrets WHERE endpoint_id = $1', [endpoint.id]),
    ).toEqual([]);
  });
});
