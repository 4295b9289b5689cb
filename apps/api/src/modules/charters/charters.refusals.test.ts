import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi, asText } from '../../../test/test-api.js';
import { createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import {
  DISCARD,
  PROMISES,
  PUBLISH,
  PURPOSE,
  REORDER,
  SAVE,
  START,
  saveDraft,
  startDraft,
  storedVersion,
  type VersionView,
} from '../../../test/charter-factories.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

let api: TestApi;
let admin: SignedIn;
let clientId: string;
let draft: VersionView;
beforeAll(async () => {
  api = await startTestApi();
  admin = await signUpConsultancy(api);
  clientId = await createClient(api, admin);
  draft = await saveDraft(api, admin, await startDraft(api, admin, clientId));
});
afterAll(() => api.close());

/** Rows and the draft as stored, to show that a refused mutation wrote nothing. */
async function snapshot() {
  return {
    charters: await api.countRows('charters', admin.tenantId),
    versions: await api.countRows('charter_versions', admin.tenantId),
    draft: await storedVersion(api, draft.id),
  };
}

const save = (change: Record<string, unknown>) => ({
  input: {
    versionId: draft.id,
    expectedRevision: draft.revision,
    purposeStatement: PURPOSE,
    promises: PROMISES,
    ...change,
  },
});

describe('input a draft refuses', () => {
  it.each([
    ['purposeStatement.purpose', { purposeStatement: { purpose: 'p'.repeat(501) } }, 'TOO_LONG'],
    ['promises.1.title', { promises: [{ title: 'Fine' }, { title: '   ' }] }, 'REQUIRED'],
    ['promises.0.title', { promises: [{ title: 't'.repeat(201) }] }, 'TOO_LONG'],
    [
      'promises.0.standard.metric',
      { promises: [{ title: 'T', standard: { metric: '', target: 1, unit: '%' } }] },
      'REQUIRED',
    ],
    [
      'promises',
      { promises: Array.from({ length: 21 }, (_, i) => ({ title: `Promise ${i + 1}` })) },
      'TOO_LONG',
    ],
    [
      'promises.1.key',
      {
        promises: [
          { key: 'same', title: 'A' },
          { key: 'same', title: 'B' },
        ],
      },
      'INVALID',
    ],
    ['promises.0.key', { promises: [{ key: 'made-up', title: 'A' }] }, 'NOT_FOUND'],
    ['versionId', { versionId: MISSING }, 'NOT_FOUND'],
    ['versionId', { versionId: 'not-a-uuid' }, 'NOT_FOUND'],
  ])('names %s (%o) and writes nothing', async (field, change, code) => {
    const before = await snapshot();
    const response = await api.graphql(SAVE, save(change), admin);
    expect(response.data.saveCharterDraft).toEqual({
      version: null,
      userErrors: [expect.objectContaining({ field, code })],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a target that is not a number before anything runs', async () => {
    const before = await snapshot();
    const response = await api.graphql(
      SAVE,
      save({ promises: [{ title: 'T', standard: { metric: 'Calls', target: 'ninety', unit: '%' } }] }),
      admin,
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
  });

  it.each(['missing', 'listed twice', 'not in this draft'])(
    'refuses an order that is not the draft\u2019s promises exactly once (%s)',
    async (problem) => {
      const [a, b, c] = draft.promises.map((p) => p.key);
      const orders: Record<string, unknown[]> = {
        missing: [c, a],
        'listed twice': [c, a, b, a],
        'not in this draft': [c, a, b, 'stranger'],
      };
      const before = await snapshot();
      const response = await api.graphql(
        REORDER,
        {
          input: {
            versionId: draft.id,
            expectedRevision: draft.revision,
            promiseKeys: orders[problem] as string[],
          },
        },
        admin,
      );
      const [error] = response.data.reorderCharterPromises.userErrors;
      expect(error).toMatchObject({ field: 'promiseKeys', code: 'INVALID' });
      expect(error?.message).toContain(problem);
      expect(await snapshot()).toEqual(before);
    },
  );

  it('answers unknown ids on every mutation with the same not-found, writing nothing', async () => {
    const before = await snapshot();
    for (const id of [MISSING, 'not-a-uuid']) {
      const start = await api.graphql(START, { clientId: id }, admin);
      expect(start.data.startCharterDraft.userErrors).toEqual([
        { field: 'clientId', code: 'NOT_FOUND', message: 'No client has this id.' },
      ]);
      const input = { versionId: id, expectedRevision: 1 };
      for (const [mutation, variables, name] of [
        [REORDER, { input: { ...input, promiseKeys: [] } }, 'reorderCharterPromises'],
        [PUBLISH, { input }, 'publishCharterVersion'],
        [DISCARD, { input }, 'discardCharterDraft'],
      ] as const) {
        const response = await api.graphql<Record<string, { userErrors: unknown[] }>>(
          asText(mutation),
          variables,
          admin,
        );
        expect(response.data[name]?.userErrors, name).toEqual([
          { field: 'versionId', code: 'NOT_FOUND', message: 'No charter version has this id.' },
        ]);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('will not start a charter for an archived client', async () => {
    const archived = await createClient(api, admin, { status: 'ARCHIVED' });
    const before = await snapshot();
    const response = await api.graphql(START, { clientId: archived }, admin);
    expect(response.data.startCharterDraft.userErrors).toEqual([
      { field: 'clientId', code: 'NOT_ALLOWED', message: 'This client is archived. Reactivate it first.' },
    ]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('edits that cross', () => {
  it('lets the first of two simultaneous saves win and refuses the other with CONFLICT', async () => {
    const id = await createClient(api, admin);
    const base = await startDraft(api, admin, id);
    const titles = ['We answer within a minute', 'We answer within two minutes'];
    const answers = await Promise.all(
      titles.map((title) =>
        api.graphql(
          SAVE,
          {
            input: {
              versionId: base.id,
              expectedRevision: base.revision,
              purposeStatement: PURPOSE,
              promises: [{ title }],
            },
          },
          admin,
        ),
      ),
    );
    const winners = answers.filter((a) => a.data.saveCharterDraft.version);
    const losers = answers.filter((a) => a.data.saveCharterDraft.userErrors.length);
    expect(winners).toHaveLength(1);
    expect(losers.map((l) => l.data.saveCharterDraft.userErrors)).toEqual([
      [
        {
          field: 'expectedRevision',
          code: 'CONFLICT',
          message:
            'This draft has changed since you loaded it (it is now at revision 2); reload it and make your change again.',
        },
      ],
    ]);
    const stored = await storedVersion(api, base.id);
    expect(stored?.revision).toBe(2);
    expect(stored?.promises.map((p) => p.title)).toEqual([
      winners[0]?.data.saveCharterDraft.version?.promises[0]?.title,
    ]);
  });

  it('refuses a stale revision on reorder, publish and discard, and keeps the draft', async () => {
    const id = await createClient(api, admin);
    const first = await saveDraft(api, admin, await startDraft(api, admin, id));
    await saveDraft(api, admin, first, {
      purposeStatement: { ...PURPOSE, why: 'because it matters' },
      promises: first.promises.map(({ key, title }) => ({ key, title })),
    });
    const stale = { versionId: first.id, expectedRevision: first.revision };
    for (const [mutation, variables, name] of [
      [
        REORDER,
        { input: { ...stale, promiseKeys: first.promises.map((p) => p.key).reverse() } },
        'reorderCharterPromises',
      ],
      [PUBLISH, { input: stale }, 'publishCharterVersion'],
      [DISCARD, { input: stale }, 'discardCharterDraft'],
      [SAVE, { input: { ...stale, purposeStatement: PURPOSE, promises: [] } }, 'saveCharterDraft'],
    ] as const) {
      const response = await api.graphql<Record<string, { userErrors: { code: string }[] }>>(
        asText(mutation),
        variables,
        admin,
      );
      expect(
        response.data[name]?.userErrors.map((e) => e.code),
        name,
      ).toEqual(['CONFLICT']);
    }
    expect(await storedVersion(api, first.id)).toMatchObject({
      status: 'DRAFT',
      revision: 3,
      why: 'because it matters',
      promises: first.promises.map(({ key, title }) => expect.objectContaining({ key, title })),
    });
  });
});
