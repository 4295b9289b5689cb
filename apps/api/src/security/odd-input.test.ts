import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type GraphQLResponse, type TestApi } from '../../test/test-api.js';
import { rootOperations, type Leaf, type OperationOptions } from '../../test/operations.js';
import { tenantChecksums } from '../../test/tenant-checksums.js';
import { seedDemo } from '../demo/seed-demo.js';
import { DEMO_ACCOUNT } from '../demo/demo-programme.js';

/**
 * The odd-input battery: every place of every operation where a string, an id or a date goes (required and
 * optional, inside input objects and lists) is sent, one at a time, what PostgreSQL cannot store or what no client
 * should send: a NUL byte, an unpaired surrogate, the year 0000, a cursor the API never gave out. Each must be
 * refused with an error that names the place, never an internal error, and the caller's rows must stay as they
 * were. The caller is the demo consultancy's admin with real ids, so a value that slipped through would reach the
 * writes.
 */

type Odd = { kind: string } & ({ literal: string } | { value: unknown });

const TEXT: Odd[] = [
  { kind: 'NUL byte in the query text', literal: '"a\\u0000b"' },
  { kind: 'NUL byte in a variable', value: 'a\u0000b' },
  { kind: 'unpaired surrogate in a variable', value: 'a\uD800b' },
];

const DATES: Record<string, Odd[]> = {
  Date: [
    { kind: 'year 0000 in the query text', literal: '"0000-01-01"' },
    { kind: 'year 0000 in a variable', value: '0000-01-01' },
  ],
  DateTime: [
    { kind: 'year 0000 in the query text', literal: '"0000-01-01T00:00:00Z"' },
    { kind: 'year 0000 in a variable', value: '0000-01-01T00:00:00Z' },
  ],
};

const forge = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

/** Cursors of the right outline but the wrong content: what a client editing or guessing one would send. */
const CURSORS: Odd[] = [
  { kind: 'forged cursor of wrong types', value: forge(['not a time', 'not an id', 'nor this']) },
  { kind: 'forged cursor of objects', value: forge([{ at: 1 }, [2]]) },
  {
    kind: 'forged cursor hiding a NUL byte',
    value: forge(['a\u0000', '00000000-0000-4000-8000-000000000000']),
  },
];

/** The table whose ids an id argument takes, by its name; `id` itself names the operation's own object. */
const ID_TABLES: Record<string, string> = {
  clientId: 'clients',
  objectId: 'clients',
  engagementId: 'engagements',
  auditId: 'audits',
  actionId: 'actions',
  charterId: 'charters',
  versionId: 'charter_versions',
  memberId: 'users',
  ownerId: 'users',
  actorId: 'users',
  leadConsultantId: 'users',
  teamMemberIds: 'users',
  profileId: 'role_profiles',
  scorecardId: 'candidate_scorecards',
  criterionId: 'hiring_criteria',
  endpointId: 'webhook_endpoints',
  apiKeyId: 'api_keys',
  serviceLevelId: 'service_levels',
  stageId: 'journey_stages',
  touchPointId: 'touch_points',
};

const OWN_OBJECTS: [string, string][] = [
  ['touchpoint', 'touch_points'],
  ['momentoftruth', 'touch_points'],
  ['journeystage', 'journey_stages'],
  ['servicelevel', 'service_levels'],
  ['scorecard', 'candidate_scorecards'],
  ['milestone', 'milestones'],
  ['roleprofile', 'role_profiles'],
  ['webhookdelivery', 'webhook_deliveries'],
  ['webhook', 'webhook_endpoints'],
  ['apikey', 'api_keys'],
  ['invitation', 'invitations'],
  ['engagement', 'engagements'],
  ['audit', 'audits'],
  ['action', 'actions'],
  ['client', 'clients'],
];

let api: TestApi;
let token: string;
let tenantId: string;
const ids = new Map<string, string>();

beforeAll(async () => {
  api = await startTestApi();
  await seedDemo(api.dataSource);
  const login = await api.graphql<{ logIn: { token: string } }>(
    'mutation ($input: LogInInput!) { logIn(input: $input) { token } }',
    { input: { email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password } },
  );
  token = login.data.logIn.token;
  const [row] = await api.ownerQuery<{ tenant_id: string }>(
    'SELECT tenant_id FROM sign_in_directory WHERE email = $1',
    [DEMO_ACCOUNT.email],
  );
  tenantId = row!.tenant_id;
  // The demo has no webhooks, keys or open invitations: give it one of each, so their ids are real too.
  const endpoint = await api.graphql<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
    `mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/hooks", events: [AUDIT_PUBLISHED] }) {
       endpoint { id } } }`,
    {},
    { token },
  );
  await api.graphql(
    'mutation ($id: ID!) { sendTestWebhook(input: { endpointId: $id }) { delivery { id } } }',
    { id: endpoint.data.createWebhookEndpoint.endpoint.id },
    { token },
  );
  await api.graphql(
    'mutation { createApiKey(input: { name: "BI feed", scopes: [] }) { key { id } } }',
    {},
    { token },
  );
  await api.graphql(
    'mutation { inviteMember(input: { email: "new.person@example.com", role: CONSULTANT }) { invitation { id } } }',
    {},
    { token },
  );
  for (const table of new Set([...Object.values(ID_TABLES), ...OWN_OBJECTS.map(([, t]) => t)])) {
    const [first] = await api.ownerQuery<{ id: string }>(
      `SELECT id FROM ${table} WHERE tenant_id = $1 ORDER BY id LIMIT 1`,
      [tenantId],
    );
    if (first) ids.set(table, first.id);
  }
}, 120_000);

afterAll(async () => {
  await api?.close();
});

/** Valid values everywhere else, so that the one odd value is the only thing wrong with the call. */
function fill(leaf: Leaf): string | undefined {
  if (leaf.name === 'after') return 'null';
  if (leaf.scalar === 'ID') {
    const own = OWN_OBJECTS.find(([word]) => leaf.operation.toLowerCase().includes(word))?.[1];
    const table = leaf.name === 'id' ? own : ID_TABLES[leaf.name];
    const id = table ? ids.get(table) : undefined;
    return id ? JSON.stringify(id) : undefined;
  }
  if (leaf.name === 'email') return '"someone@example.com"';
  if (leaf.name === 'password') return '"a long enough password"';
  if (leaf.name === 'url') return '"http://127.0.0.1:9/other"';
  return undefined;
}

function oddValuesFor(leaf: Leaf): Odd[] {
  const odd = [...TEXT, ...(DATES[leaf.scalar] ?? [])];
  return leaf.name === 'after' ? [...odd, ...CURSORS] : odd;
}

/** `input.promises[0].title` as a payload's user error writes it: `promises.0.title`. */
function asUserErrorField(path: string): string {
  return path.replace(/^input\./, '').replace(/\[(\d+)\]/g, '.$1');
}

function problemsOf(leaf: Leaf, response: GraphQLResponse<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  const errors = response.errors ?? [];
  if (response.status >= 500 || errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) {
    problems.push(`internal error (${response.status}): ${errors.map((e) => e.message).join(' | ')}`);
  }
  const payload = response.data?.[leaf.operation] as { userErrors?: { field: string }[] } | null | undefined;
  const named =
    errors.some((e) => e.extensions?.field === leaf.path) ||
    (payload?.userErrors ?? []).some((u) => u.field === asUserErrorField(leaf.path));
  if (!named) {
    const answer = errors.length
      ? errors.map((e) => `${String(e.extensions?.code)} ${String(e.extensions?.field)}: ${e.message}`)
      : [JSON.stringify(payload?.userErrors ?? payload ?? null).slice(0, 200)];
    problems.push(`does not name ${leaf.path}: ${answer.join(' | ')}`);
  }
  return problems;
}

const everyField: OperationOptions = { everyField: true, fill };
const tally = { calls: 0, failures: 0 };

describe('the odd-input battery', () => {
  it('refuses odd values in every argument and input field of every operation, naming the field, writing nothing', async () => {
    const failures: string[] = [];
    const operations = rootOperations(undefined, everyField);
    let before = await tenantChecksums(api, tenantId);
    for (const operation of operations) {
      const leaves = operation.leaves.filter((leaf) =>
        ['String', 'ID', 'Date', 'DateTime'].includes(leaf.scalar),
      );
      if (!leaves.length) continue;
      for (const leaf of leaves) {
        for (const { kind, ...odd } of oddValuesFor(leaf)) {
          const [call] = rootOperations(undefined, {
            ...everyField,
            odd: { operation: operation.name, path: leaf.path, ...odd },
          }).filter((candidate) => candidate.name === operation.name);
          tally.calls++;
          const response = await api.graphql<Record<string, unknown>>(call!.document, call!.variables, {
            token,
          });
          for (const problem of problemsOf(leaf, response))
            failures.push(`${operation.name} ${kind}: ${problem}`);
        }
      }
      if (operation.kind === 'mutation') {
        const after = await tenantChecksums(api, tenantId);
        const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
        if (changed.length) failures.push(`${operation.name}: wrote to ${changed.join(', ')}`);
        before = after;
      }
    }
    tally.failures = failures.length;
    console.log(`odd-input battery: ${tally.calls} calls, ${failures.length} failures`);
    expect(failures).toEqual([]);
  }, 180_000);

  it('refuses a forged cursor in a list below the root (an endpoint’s deliveries)', async () => {
    for (const { kind, ...odd } of CURSORS) {
      const response = await api.graphql<Record<string, unknown>>(
        'query ($odd: String) { webhookEndpoints { nodes { deliveries(after: $odd) { nodes { id } } } } }',
        { odd: 'value' in odd ? odd.value : null },
        { token },
      );
      const errors = response.errors ?? [];
      expect({ kind, codes: errors.map((e) => [e.extensions?.code, e.extensions?.field]) }).toEqual({
        kind,
        codes: [['BAD_USER_INPUT', 'after']],
      });
    }
  });
});
