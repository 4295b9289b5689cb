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
  publish,
  saveDraft,
  startDraft,
  storedVersion,
  type VersionView,
} from '../../../test/charter-factories.js';
import { graphql } from '../../../test/generated/index.js';

const CHARTER = graphql(`
  query ChartersLifecycleCharter2($clientId: ID!) {
    charter(clientId: $clientId) {
      id
      client {
        id
      }
      currentDraft {
        number
      }
      published {
        number
      }
      versions {
        number
        status
      }
      first: version(number: 1) {
        ...CharterTestVersion
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

describe('the first version of a charter', () => {
  it('starts empty, saves whole with generated keys, and says what publishing still needs', async () => {
    const clientId = await createClient(api, admin);
    const none = await api.graphql(CHARTER, { clientId }, admin);
    expect(none.data.charter).toBeNull();

    const draft = await startDraft(api, admin, clientId);
    expect(draft).toMatchObject({
      number: 1,
      status: 'DRAFT',
      revision: 1,
      promises: [],
      publishable: false,
    });
    expect(draft.purposeStatement).toEqual({ purpose: '', why: '', everythingElse: '' });
    expect(draft.publishGaps.map((g) => g.field)).toEqual([
      'purposeStatement.purpose',
      'purposeStatement.why',
      'purposeStatement.everythingElse',
      'promises',
    ]);

    const saved = await saveDraft(api, admin, draft, { purposeStatement: { purpose: PURPOSE.purpose } });
    expect(saved.revision).toBe(2);
    expect(saved.promises.map((p) => [p.position, p.title])).toEqual([
      [1, 'We answer quickly'],
      [2, 'The first person you reach owns your problem'],
      [3, 'We call back when we said we would'],
    ]);
    expect(new Set(saved.promises.map((p) => p.key)).size).toBe(3);
    expect(saved.promises[0]?.standard).toEqual({
      metric: 'Calls answered within 20 seconds',
      target: 90,
      unit: '%',
      description: 'Calls answered within 20 seconds, target 90 %',
    });
    expect(saved.promises[1]).toMatchObject({
      description: 'No transfers from desk to desk.',
      standard: null,
    });
    // Half-written: the why and the everything else are still empty.
    expect(saved.publishGaps.map((g) => `${g.field} ${g.code}`)).toEqual([
      'purposeStatement.why REQUIRED',
      'purposeStatement.everythingElse REQUIRED',
    ]);

    const early = await api.graphql(
      PUBLISH,
      { input: { versionId: saved.id, expectedRevision: saved.revision } },
      admin,
    );
    expect(early.data.publishCharterVersion.userErrors).toEqual([
      {
        field: 'purposeStatement.why',
        code: 'REQUIRED',
        message: 'Write the why: the reason behind the purpose.',
      },
      expect.objectContaining({ field: 'purposeStatement.everythingElse', code: 'REQUIRED' }),
    ]);
    expect(await storedVersion(api, saved.id)).toMatchObject({ status: 'DRAFT', revision: 2 });

    const complete = await saveDraft(api, admin, saved, {
      promises: saved.promises.map(({ key, title }) => ({ key, title })),
    });
    expect(complete.promises.map((p) => p.key)).toEqual(saved.promises.map((p) => p.key));
    expect(complete.publishable).toBe(true);
    const published = await publish(api, admin, complete);
    expect(published).toMatchObject({
      status: 'PUBLISHED',
      revision: 4,
      publishable: false,
      publishGaps: [],
      publishedBy: { id: admin.memberId },
      signOff: null,
    });

    const charter = await api.graphql(CHARTER, { clientId }, admin);
    expect(charter.data.charter).toMatchObject({
      client: { id: clientId },
      currentDraft: null,
      published: { number: 1 },
      versions: [{ number: 1, status: 'PUBLISHED' }],
      first: { id: published.id, purposeStatement: PURPOSE },
    });
  });

  it('never changes a published version, whatever the mutation', async () => {
    const clientId = await createClient(api, admin);
    const v1 = await publish(api, admin, await saveDraft(api, admin, await startDraft(api, admin, clientId)));
    const input = { versionId: v1.id, expectedRevision: v1.revision };
    const attempts = [
      [SAVE, { input: { ...input, purposeStatement: PURPOSE, promises: [] } }, 'saveCharterDraft'],
      [REORDER, { input: { ...input, promiseKeys: [] } }, 'reorderCharterPromises'],
      [PUBLISH, { input }, 'publishCharterVersion'],
      [DISCARD, { input }, 'discardCharterDraft'],
    ] as const;
    for (const [mutation, variables, name] of attempts) {
      const response = await api.graphql<Record<string, { userErrors: unknown[] }>>(
        asText(mutation),
        variables,
        admin,
      );
      expect(response.data[name]?.userErrors, name).toEqual([
        {
          field: 'versionId',
          code: 'NOT_ALLOWED',
          message:
            'Version 1 is published and can no longer change; start a new draft to change the charter.',
        },
      ]);
    }
    const stored = await storedVersion(api, v1.id);
    expect(stored).toMatchObject({ status: 'PUBLISHED', revision: v1.revision, purpose: PURPOSE.purpose });
    expect(stored?.promises).toHaveLength(3);
  });
});

describe('the next version', () => {
  let clientId: string;
  let v1: VersionView;
  beforeAll(async () => {
    clientId = await createClient(api, admin);
    v1 = await publish(api, admin, await saveDraft(api, admin, await startDraft(api, admin, clientId)));
  });

  it('starts as a copy of the published version, and only one draft at a time', async () => {
    const v2 = await startDraft(api, admin, clientId);
    expect(v2).toMatchObject({ number: 2, status: 'DRAFT', revision: 1, purposeStatement: PURPOSE });
    expect(v2.promises).toEqual(v1.promises);
    const again = await api.graphql(START, { clientId }, admin);
    expect(again.data.startCharterDraft).toEqual({
      version: null,
      userErrors: [
        {
          field: 'clientId',
          code: 'NOT_ALLOWED',
          message: 'Version 2 of this charter is already a draft; carry on with it, or discard it first.',
        },
      ],
    });
    expect(await api.countRows('charter_versions', admin.tenantId)).toBeGreaterThan(0);
    const [count] = await api.ownerQuery<{ n: number }>(
      'SELECT count(*)::int AS n FROM charter_versions WHERE client_id = $1',
      [clientId],
    );
    expect(count?.n).toBe(2);
    const discarded = await api.graphql(DISCARD, { input: { versionId: v2.id, expectedRevision: 1 } }, admin);
    expect(discarded.data.discardCharterDraft.discardedVersionId).toBe(v2.id);
    expect(await storedVersion(api, v2.id)).toBeUndefined();
    expect(await storedVersion(api, v1.id)).toMatchObject({ status: 'PUBLISHED' });
  });

  it('shows what changed between two versions, promise by promise', async () => {
    const draft = await startDraft(api, admin, clientId);
    const [answer, own, callBack] = v1.promises.map((p) => p.key);
    // v1: answer (1), own (2), call back (3).
    // v2: own renamed (1), answer with a 95 % target (2), a new promise (3); call back removed.
    const edited = await saveDraft(api, admin, draft, {
      purposeStatement: { ...PURPOSE, why: 'because every call is someone’s moment' },
      promises: [
        { key: answer, title: 'We answer quickly', standard: { ...PROMISES[0]!.standard!, target: 95 } },
        {
          key: own,
          title: 'Whoever answers owns your problem',
          description: 'No transfers from desk to desk.',
        },
        { title: 'We tell you before we change anything' },
      ],
    });
    const reordered = await api.graphql(
      REORDER,
      {
        input: {
          versionId: edited.id,
          expectedRevision: edited.revision,
          promiseKeys: [own!, answer!, edited.promises[2]?.key as string],
        },
      },
      admin,
    );
    const v2 = reordered.data.reorderCharterPromises.version!;
    expect(v2.promises.map((p) => p.key)).toEqual([own, answer, edited.promises[2]?.key]);
    expect(v2.revision).toBe(3);
    const published = await publish(api, admin, v2);

    const response = await api.graphql(
      graphql(`
        query ChartersLifecycleCharter($clientId: ID!, $from: ID!, $to: ID!) {
          charter(clientId: $clientId) {
            diff(fromVersionId: $from, toVersionId: $to) {
              from {
                number
              }
              to {
                number
              }
              purpose {
                part
                before
                after
              }
              added {
                key
                title
                position
              }
              removed {
                key
                title
                position
              }
              changed {
                key
                title
                fields {
                  field
                  before
                  after
                  beforeStandard {
                    target
                  }
                  afterStandard {
                    target
                  }
                }
              }
              reordered {
                key
                title
                from
                to
              }
              summary
            }
          }
        }
      `),
      { clientId, from: v1.id, to: published.id },
      admin,
    );
    expect(response.data.charter!.diff).toEqual({
      from: { number: 1 },
      to: { number: 2 },
      purpose: [
        {
          part: 'WHY',
          before: 'because a dropped call is a missed moment in someone’s life',
          after: 'because every call is someone’s moment',
        },
      ],
      added: [{ key: edited.promises[2]?.key, title: 'We tell you before we change anything', position: 3 }],
      removed: [{ key: callBack, title: 'We call back when we said we would', position: 3 }],
      changed: [
        {
          key: own,
          title: 'Whoever answers owns your problem',
          fields: [
            {
              field: 'TITLE',
              before: 'The first person you reach owns your problem',
              after: 'Whoever answers owns your problem',
              beforeStandard: null,
              afterStandard: null,
            },
          ],
        },
        {
          key: answer,
          title: 'We answer quickly',
          fields: [
            {
              field: 'STANDARD',
              before: 'Calls answered within 20 seconds, target 90 %',
              after: 'Calls answered within 20 seconds, target 95 %',
              beforeStandard: { target: 90 },
              afterStandard: { target: 95 },
            },
          ],
        },
      ],
      // Kept promises answer, own become own, answer: one of the two moved; the domain reports the earlier one.
      reordered: [{ key: answer, title: 'We answer quickly', from: 1, to: 2 }],
      summary: [
        'The why changed from "because a dropped call is a missed moment in someone’s life" to "because every call is someone’s moment".',
        'Promise "We call back when we said we would" was removed (it was number 3).',
        'Promise "We tell you before we change anything" was added as number 3.',
        'Promise "The first person you reach owns your problem" was renamed "Whoever answers owns your problem".',
        'The standard of promise "We answer quickly" changed from "Calls answered within 20 seconds, target 90 %" to "Calls answered within 20 seconds, target 95 %".',
        'Promise "We answer quickly" moved from number 1 to number 2.',
      ],
    });

    const charter = await api.graphql(CHARTER, { clientId }, admin);
    expect(charter.data.charter).toMatchObject({
      currentDraft: null,
      published: { number: 2 },
      versions: [
        { number: 2, status: 'PUBLISHED' },
        { number: 1, status: 'PUBLISHED' },
      ],
      first: { id: v1.id, promises: v1.promises },
    });
  });

  it('keeps a removed promise\u2019s identity when it comes back, and never reuses a key for a new one', async () => {
    const draft = await startDraft(api, admin, clientId);
    const callBack = v1.promises[2]!;
    const saved = await saveDraft(api, admin, draft, {
      promises: [
        ...draft.promises.map(({ key, title }) => ({ key, title })),
        { key: callBack.key, title: callBack.title },
        { title: 'Brand new' },
      ],
    });
    expect(saved.promises[3]?.key).toBe(callBack.key);
    const everKnown = [...v1.promises, ...draft.promises].map((p) => p.key);
    expect(everKnown).not.toContain(saved.promises[4]?.key);
    expect(saved.promises[4]?.key).toMatch(/^p-[A-Za-z0-9_-]{8}$/);
  });
});
