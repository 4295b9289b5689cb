import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { seed } from '../../../test/seed.js';
import { graphql } from '../../../test/generated/index.js';
import { CREATE_SERVICE_LEVEL, DEFINITION } from '../../../test/service-level-factories.js';

graphql(`
  fragment ServiceLevelsTestServiceLevel on ServiceLevel {
    id
    promiseKey
    promiseTitle
    name
    revision
    summary
    measuredUntil
    client {
      id
    }
    definition {
      version
      effectiveFrom
      eventKind
      goodRule
      threshold {
        value
        unit
      }
      target
      period
      timeZone
      businessHours {
        day
        opens
        closes
      }
      exclusionRule
      description
      createdBy {
        id
      }
    }
    versions {
      version
      effectiveFrom
      period
      target
    }
  }
`);
const UPDATE = graphql(`
  mutation ServiceLevelsUpdateServiceLevel($input: UpdateServiceLevelInput!) {
    updateServiceLevel(input: $input) {
      serviceLevel {
        ...ServiceLevelsTestServiceLevel
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);
const READ = graphql(`
  query ServiceLevelsServiceLevel($id: ID!) {
    serviceLevel(id: $id) {
      ...ServiceLevelsTestServiceLevel
    }
  }
`);
/** What a key with only the service-level scope may read (no client, which needs CLIENTS_READ). */
const READ_BRIEF = graphql(`
  query ServiceLevelsServiceLevelBrief($id: ID!) {
    serviceLevel(id: $id) {
      id
      name
      summary
      currentPeriod {
        label
        status
      }
    }
  }
`);
const CREATE_KEY = graphql(`
  mutation ServiceLevelsCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      userErrors {
        field
        message
      }
    }
  }
`);
const OF_CLIENT = graphql(`
  query ServiceLevelsOfClient($id: ID!) {
    client(id: $id) {
      serviceLevels {
        id
        promiseKey
      }
      charter {
        published {
          promises {
            key
            serviceLevel {
              id
              name
            }
          }
        }
      }
    }
  }
`);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const world = () =>
  seed(api)
    .consultancy()
    .client()
    .leader()
    .consultant()
    .charter({
      content: {
        promises: [
          {
            title: 'We answer quickly',
            standard: { metric: 'Calls answered within 20 seconds', target: 90, unit: '%' },
          },
          {
            title: 'We reply to emails the same day',
            standard: { metric: 'Emails answered', target: 95, unit: '%' },
          },
          { title: 'The first person you reach owns your problem' },
        ],
      },
    });

describe('setting up a service level', () => {
  it('turns a standard of the published charter into a service level, on the promise’s key', async () => {
    const { admin, client, charter, leader } = await world();
    const promise = charter.promises[0]!;
    const created = await api.graphql(
      CREATE_SERVICE_LEVEL,
      { input: { clientId: client, promiseKey: promise.key, definition: DEFINITION } },
      admin,
    );
    expect(created.data.createServiceLevel.userErrors).toEqual([]);
    const id = created.data.createServiceLevel.serviceLevel!.id;
    const read = await api.graphql(READ, { id }, leader);
    const level = read.data.serviceLevel!;
    expect(level).toMatchObject({
      promiseKey: promise.key,
      promiseTitle: 'We answer quickly',
      name: 'Calls answered within 20 seconds',
      revision: 1,
      summary: 'Not measured yet',
      measuredUntil: null,
      client: { id: client },
      definition: {
        version: 1,
        eventKind: 'CALL',
        threshold: { value: 20, unit: 'SECONDS' },
        target: 0.9,
        period: 'WEEK',
        timeZone: 'Europe/London',
        businessHours: null,
        description: 'Calls answered by a person within 20 seconds, 90 % each week',
        createdBy: { id: admin.memberId },
      },
    });
    expect(level.versions).toHaveLength(1);
    // In force from the start of the week running now, in London: a Monday at local midnight.
    const from = new Date(level.definition.effectiveFrom);
    expect(from.getTime()).toBeLessThanOrEqual(Date.now());
    expect(Date.now() - from.getTime()).toBeLessThan(7 * 86_400_000 + 3_600_000);
    expect(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/London',
        weekday: 'long',
        hour: 'numeric',
        minute: 'numeric',
      }).format(from),
    ).toBe('Monday 00:00');
  });

  it('refuses an unknown promise key, a promise without a standard, and a second one for the same promise', async () => {
    const { admin, client, charter } = await world();
    const create = (promiseKey: string) =>
      api.graphql(
        CREATE_SERVICE_LEVEL,
        { input: { clientId: client, promiseKey, definition: DEFINITION } },
        admin,
      );
    expect((await create('no-such-promise')).data.createServiceLevel).toEqual({
      serviceLevel: null,
      userErrors: [
        {
          field: 'promiseKey',
          code: 'NOT_FOUND',
          message: 'The client’s charter in force has no promise with this key.',
        },
      ],
    });
    expect((await create(charter.promises[2]!.key)).data.createServiceLevel.userErrors).toEqual([
      expect.objectContaining({ field: 'promiseKey', code: 'NOT_ALLOWED' }),
    ]);
    expect((await create(charter.promises[0]!.key)).data.createServiceLevel.userErrors).toEqual([]);
    expect((await create(charter.promises[0]!.key)).data.createServiceLevel.userErrors).toEqual([
      expect.objectContaining({ field: 'promiseKey', code: 'TAKEN' }),
    ]);
    const stored = await api.ownerQuery('SELECT 1 FROM service_levels WHERE client_id = $1', [client]);
    expect(stored).toHaveLength(1);
  });

  it('refuses a client without a published charter, and a definition the domain refuses, field by field', async () => {
    const { admin, client } = await seed(api).consultancy().client().charter({ published: false });
    const noCharter = await api.graphql(
      CREATE_SERVICE_LEVEL,
      { input: { clientId: client, promiseKey: 'any', definition: DEFINITION } },
      admin,
    );
    expect(noCharter.data.createServiceLevel.userErrors).toEqual([
      expect.objectContaining({ field: 'promiseKey', code: 'NOT_ALLOWED' }),
    ]);
    const bad = await api.graphql(
      CREATE_SERVICE_LEVEL,
      {
        input: {
          clientId: client,
          promiseKey: 'any',
          definition: { ...DEFINITION, target: 1.5, timeZone: '+01:00', exclusionRule: ' ' },
        },
      },
      admin,
    );
    expect(bad.data.createServiceLevel.userErrors.map((e) => e.field).sort()).toEqual([
      'definition.exclusionRule',
      'definition.target',
      'definition.timeZone',
    ]);
  });

  it('answers another consultancy’s client id exactly like an unknown one', async () => {
    const mine = await world();
    const theirs = await world();
    const answer = (clientId: string) =>
      api.graphql(
        CREATE_SERVICE_LEVEL,
        { input: { clientId, promiseKey: theirs.charter.promises[0]!.key, definition: DEFINITION } },
        mine.admin,
      );
    const foreign = await answer(theirs.client);
    const unknown = await answer('00000000-0000-4000-8000-000000000000');
    expect(foreign.data).toEqual(unknown.data);
    expect(foreign.data.createServiceLevel.userErrors).toEqual([
      { field: 'clientId', code: 'NOT_FOUND', message: 'No client has this id.' },
    ]);
    expect(
      await api.ownerQuery('SELECT 1 FROM service_levels WHERE client_id = $1', [theirs.client]),
    ).toEqual([]);
  });

  it('lets a client leader read but not set up or change', async () => {
    const { admin, client, charter, leader } = await world();
    const input = { clientId: client, promiseKey: charter.promises[0]!.key, definition: DEFINITION };
    const refused = await api.graphql(CREATE_SERVICE_LEVEL, { input }, leader);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      requires: 'service-level:write',
    });
    const created = await api.graphql(CREATE_SERVICE_LEVEL, { input }, admin);
    const level = created.data.createServiceLevel.serviceLevel!;
    const change = await api.graphql(
      UPDATE,
      { input: { id: level.id, expectedRevision: 1, definition: { ...DEFINITION, name: 'Renamed' } } },
      leader,
    );
    expect(change.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await api.graphql(READ, { id: level.id }, leader)).data.serviceLevel?.name).toBe(DEFINITION.name);
  });
});

describe('changing a service level', () => {
  it('renames in place, and makes a new version for a change of what is judged', async () => {
    const { consultant, client, charter } = await world();
    const created = await api.graphql(
      CREATE_SERVICE_LEVEL,
      { input: { clientId: client, promiseKey: charter.promises[0]!.key, definition: DEFINITION } },
      consultant,
    );
    const id = created.data.createServiceLevel.serviceLevel!.id;
    const renamed = await api.graphql(
      UPDATE,
      { input: { id, expectedRevision: 1, definition: { ...DEFINITION, name: 'Calls answered quickly' } } },
      consultant,
    );
    expect(renamed.data.updateServiceLevel.userErrors).toEqual([]);
    expect(renamed.data.updateServiceLevel.serviceLevel).toMatchObject({
      name: 'Calls answered quickly',
      revision: 2,
      definition: { version: 1 },
    });
    expect(renamed.data.updateServiceLevel.serviceLevel!.versions).toHaveLength(1);

    const stale = await api.graphql(
      UPDATE,
      { input: { id, expectedRevision: 1, definition: { ...DEFINITION, target: 0.8 } } },
      consultant,
    );
    expect(stale.data.updateServiceLevel.userErrors).toEqual([
      expect.objectContaining({ field: 'expectedRevision', code: 'CONFLICT' }),
    ]);

    const daily = await api.graphql(
      UPDATE,
      {
        input: {
          id,
          expectedRevision: 2,
          definition: { ...DEFINITION, name: 'Calls answered quickly', period: 'DAY', target: 0.85 },
        },
      },
      consultant,
    );
    expect(daily.data.updateServiceLevel.userErrors).toEqual([]);
    const level = daily.data.updateServiceLevel.serviceLevel!;
    expect(level).toMatchObject({ revision: 3, definition: { version: 2, period: 'DAY', target: 0.85 } });
    expect(level.versions.map((v) => [v.version, v.period])).toEqual([
      [2, 'DAY'],
      [1, 'WEEK'],
    ]);
    // In force from today's local midnight, never before the first version's start.
    const [v2, v1] = level.versions;
    expect(new Date(v2!.effectiveFrom).getTime()).toBeGreaterThanOrEqual(
      new Date(v1!.effectiveFrom).getTime(),
    );
    expect(Date.now() - new Date(v2!.effectiveFrom).getTime()).toBeLessThan(25 * 3_600_000);
  });

  it('answers an unknown id and another consultancy’s alike', async () => {
    const mine = await world();
    const theirs = await world().serviceLevel();
    const change = (id: string) =>
      api.graphql(UPDATE, { input: { id, expectedRevision: 1, definition: DEFINITION } }, mine.admin);
    const foreign = await change(theirs.serviceLevel.id);
    expect(foreign.data).toEqual((await change('00000000-0000-4000-8000-000000000000')).data);
    expect(foreign.data.updateServiceLevel.userErrors).toEqual([
      { field: 'id', code: 'NOT_FOUND', message: 'No service level has this id.' },
    ]);
    expect(
      (await api.graphql(READ, { id: theirs.serviceLevel.id }, mine.admin)).data.serviceLevel,
    ).toBeNull();
  });
});

describe('reading service levels', () => {
  it('lists a client’s service levels in the charter’s order, and shows each on its promise', async () => {
    const { admin, client, charter } = await world().serviceLevel({}, 'calls');
    const emails = await api.graphql(
      CREATE_SERVICE_LEVEL,
      {
        input: {
          clientId: client,
          promiseKey: charter.promises[1]!.key,
          definition: {
            ...DEFINITION,
            name: 'Emails answered the same day',
            eventKind: 'EMAIL',
            period: 'MONTH',
          },
        },
      },
      admin,
    );
    const read = await api.graphql(OF_CLIENT, { id: client }, admin);
    expect(read.data.client!.serviceLevels.map((s) => s.promiseKey)).toEqual([
      charter.promises[0]!.key,
      charter.promises[1]!.key,
    ]);
    expect(read.data.client!.charter!.published!.promises.map((p) => p.serviceLevel?.name ?? null)).toEqual([
      DEFINITION.name,
      'Emails answered the same day',
      null,
    ]);
    expect(read.data.client!.serviceLevels[1]!.id).toBe(emails.data.createServiceLevel.serviceLevel!.id);
  });

  it('shows a client leader their own client’s service levels only', async () => {
    const world1 = await world().serviceLevel();
    const other = await seed(api, world1.admin)
      .client({}, 'otherClient')
      .charter()
      .serviceLevel({}, 'otherLevel');
    const own = await api.graphql(READ, { id: world1.serviceLevel.id }, world1.leader);
    expect(own.data.serviceLevel?.id).toBe(world1.serviceLevel.id);
    const foreign = await api.graphql(READ, { id: other.otherLevel.id }, world1.leader);
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data.serviceLevel).toBeNull();
    const list = await api.graphql(OF_CLIENT, { id: other.otherClient }, world1.leader);
    expect(list.data.client).toBeNull();
  });

  it('answers a key fenced to one client as if another client’s service level did not exist', async () => {
    const own = await world().serviceLevel();
    const other = await seed(api, own.admin)
      .client({}, 'otherClient')
      .charter()
      .serviceLevel({}, 'otherLevel');
    const key = await api.graphql(
      CREATE_KEY,
      { input: { name: 'Contact-centre platform', scopes: ['SERVICE_LEVELS_READ'], clientId: own.client } },
      own.admin,
    );
    const token = key.data.createApiKey.secret!;
    expect(
      (await api.graphql(READ_BRIEF, { id: own.serviceLevel.id }, { token })).data.serviceLevel?.id,
    ).toBe(own.serviceLevel.id);
    const foreign = await api.graphql(READ_BRIEF, { id: other.otherLevel.id }, { token });
    expect(foreign.errors).toBeUndefined();
    expect(foreign.data.serviceLevel).toBeNull();
    // Without the scope, not even its own client's.
    const unscoped = await api.graphql(
      CREATE_KEY,
      { input: { name: 'Clients only', scopes: ['CLIENTS_READ'], clientId: own.client } },
      own.admin,
    );
    const refused = await api.graphql(
      READ,
      { id: own.serviceLevel.id },
      { token: unscoped.data.createApiKey.secret! },
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      requires: 'service-level:read',
    });
  });
});
