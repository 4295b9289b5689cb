import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi, asText } from '../../../test/test-api.js';
import { addMember, createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import {
  DISCARD,
  PUBLISH,
  PURPOSE,
  REORDER,
  SAVE,
  SIGN_OFF,
  START,
  publish,
  publishedCharter,
  saveDraft,
  startDraft,
  storedVersion,
  type VersionView,
} from '../../../test/charter-factories.js';
import { graphql } from '../../../test/generated/index.js';
import { seed } from '../../../test/seed.js';

const CHARTER = graphql(`
  query ChartersVisibilityCharter($clientId: ID!, $draftId: ID!, $publishedId: ID!) {
    charter(clientId: $clientId) {
      id
      currentDraft {
        id
      }
      published {
        id
        number
      }
      versions {
        id
        number
        status
      }
      second: version(number: 2) {
        id
      }
      diff(fromVersionId: $publishedId, toVersionId: $draftId) {
        summary
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

describe('what a client leader sees of the charter', () => {
  let own: string;
  let leader: SignedIn;
  let v1: VersionView;
  let draft: VersionView;
  beforeAll(async () => {
    ({ client: own, leader, charter: v1 } = await seed(api, admin).client().leader().charter());
    draft = await saveDraft(api, admin, await startDraft(api, admin, own), {
      promises: [{ title: 'Secret' }],
    });
  });

  it('shows the published versions of their own client, and no draft', async () => {
    const variables = { clientId: own, draftId: draft.id, publishedId: v1.id };
    const staff = await api.graphql(CHARTER, variables, admin);
    expect(staff.data.charter!.currentDraft).toEqual({ id: draft.id });
    expect(staff.data.charter!.versions).toHaveLength(2);

    const seen = await api.graphql(CHARTER, variables, leader);
    expect(seen.errors).toBeUndefined();
    expect(seen.data.charter).toMatchObject({
      currentDraft: null,
      published: { id: v1.id, number: 1 },
      versions: [{ id: v1.id, number: 1, status: 'PUBLISHED' }],
      second: null,
      diff: null,
    });
    const viaClient = await api.graphql(
      graphql(`
        query ChartersVisibilityClient($id: ID!) {
          client(id: $id) {
            charter {
              published {
                id
                promises {
                  title
                }
              }
            }
          }
        }
      `),
      { id: own },
      leader,
    );
    expect(viaClient.data.client!.charter!.published).toEqual({
      id: v1.id,
      promises: v1.promises.map((p) => ({ title: p.title })),
    });
  });

  it('shows nothing of another client, nor a charter that has only a draft', async () => {
    const other = await createClient(api, admin);
    const theirs = await publishedCharter(api, admin, other);
    const unpublished = await createClient(api, admin);
    const onlyDraft = await startDraft(api, admin, unpublished);
    const fence = await addMember(api, admin, 'CLIENT_LEADER', unpublished);
    const peek = await api.graphql(
      CHARTER,
      { clientId: other, draftId: theirs.id, publishedId: theirs.id },
      leader,
    );
    expect(peek.data.charter).toBeNull();
    const early = await api.graphql(
      graphql(`
        query ChartersVisibilityCharter2($id: ID!) {
          charter(clientId: $id) {
            id
          }
          client(id: $id) {
            charter {
              id
            }
          }
        }
      `),
      { id: unpublished },
      fence,
    );
    expect(early.data).toEqual({ charter: null, client: { charter: null } });
    expect(await storedVersion(api, onlyDraft.id)).toMatchObject({ status: 'DRAFT' });
  });

  it('lets them sign off the version in force once, and change nothing else', async () => {
    const signed = await api.graphql(SIGN_OFF, { versionId: v1.id }, leader);
    expect(signed.data.signOffCharterVersion.userErrors).toEqual([]);
    expect(signed.data.signOffCharterVersion.version?.signOff).toMatchObject({
      signedBy: { id: leader.memberId },
    });
    const twice = await api.graphql(SIGN_OFF, { versionId: v1.id }, leader);
    expect(twice.data.signOffCharterVersion).toEqual({
      version: null,
      userErrors: [
        { field: 'versionId', code: 'NOT_ALLOWED', message: 'Version 1 has already been signed off.' },
      ],
    });
    expect((await storedVersion(api, v1.id))?.signed_off_by).toBe(leader.memberId);

    const forbidden = [
      [START, { clientId: own }],
      [
        SAVE,
        {
          input: {
            versionId: draft.id,
            expectedRevision: draft.revision,
            purposeStatement: PURPOSE,
            promises: [],
          },
        },
      ],
      [REORDER, { input: { versionId: draft.id, expectedRevision: draft.revision, promiseKeys: [] } }],
      [PUBLISH, { input: { versionId: draft.id, expectedRevision: draft.revision } }],
      [DISCARD, { input: { versionId: draft.id, expectedRevision: draft.revision } }],
    ] as const;
    for (const [mutation, variables] of forbidden) {
      const response = await api.graphql(asText(mutation), variables, leader);
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await storedVersion(api, draft.id)).toMatchObject({ status: 'DRAFT', revision: draft.revision });
  });

  it('answers a draft, another client\u2019s version or a replaced version like the rules say', async () => {
    const ownDraft = await api.graphql(SIGN_OFF, { versionId: draft.id }, leader);
    expect(ownDraft.data.signOffCharterVersion.userErrors).toEqual([
      { field: 'versionId', code: 'NOT_FOUND', message: 'No charter version has this id.' },
    ]);
    const { charter: theirs } = await seed(api, admin).client().charter();
    const elsewhere = await api.graphql(SIGN_OFF, { versionId: theirs.id }, leader);
    expect(elsewhere.data.signOffCharterVersion.userErrors).toEqual([
      { field: 'versionId', code: 'NOT_FOUND', message: 'No charter version has this id.' },
    ]);
    expect((await storedVersion(api, theirs.id))?.signed_off_by).toBeNull();

    const {
      client,
      leader: otherLeader,
      charter: first,
    } = await seed(api, admin).client().leader().charter();
    await publish(api, admin, await startDraft(api, admin, client));
    const replaced = await api.graphql(SIGN_OFF, { versionId: first.id }, otherLeader);
    expect(replaced.data.signOffCharterVersion.userErrors).toEqual([
      {
        field: 'versionId',
        code: 'NOT_ALLOWED',
        message: 'Version 1 has been replaced by version 2; sign off the version in force instead.',
      },
    ]);
    const staff = await api.graphql(SIGN_OFF, { versionId: first.id }, admin);
    expect(staff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('another consultancy\u2019s charter', () => {
  it('is answered exactly like one that does not exist, on every query and mutation', async () => {
    const other = await signUpConsultancy(api);
    const theirClient = await createClient(api, other);
    const theirPublished = await publishedCharter(api, other, theirClient);
    const theirDraft = await startDraft(api, other, theirClient);
    const { client: ourClient, charter: ours, leader } = await seed(api, admin).client().charter().leader();
    const missing = '00000000-0000-4000-8000-000000000000';

    for (const [clientId, versionId] of [
      [theirClient, theirDraft.id],
      [missing, missing],
    ] as const) {
      const read = await api.graphql(
        CHARTER,
        { clientId, draftId: versionId, publishedId: theirPublished.id },
        admin,
      );
      expect(read.data.charter).toBeNull();
      const diff = await api.graphql(
        CHARTER,
        { clientId: ourClient, draftId: versionId, publishedId: ours.id },
        admin,
      );
      expect(diff.data.charter!.diff).toBeNull();
      const start = await api.graphql(START, { clientId }, admin);
      expect(start.data.startCharterDraft.userErrors).toEqual([
        { field: 'clientId', code: 'NOT_FOUND', message: 'No client has this id.' },
      ]);
      const input = { versionId, expectedRevision: theirDraft.revision };
      for (const [mutation, variables, name, who] of [
        [SAVE, { input: { ...input, purposeStatement: PURPOSE, promises: [] } }, 'saveCharterDraft', admin],
        [REORDER, { input: { ...input, promiseKeys: [] } }, 'reorderCharterPromises', admin],
        [PUBLISH, { input }, 'publishCharterVersion', admin],
        [DISCARD, { input }, 'discardCharterDraft', admin],
        [
          SIGN_OFF,
          { versionId: versionId === missing ? missing : theirPublished.id },
          'signOffCharterVersion',
          leader,
        ],
      ] as const) {
        const response = await api.graphql<Record<string, { userErrors: unknown[] }>>(
          asText(mutation),
          variables,
          who,
        );
        expect(response.data[name]?.userErrors, name).toEqual([
          { field: 'versionId', code: 'NOT_FOUND', message: 'No charter version has this id.' },
        ]);
      }
    }
    const rows = await api.ownerQuery<{ id: string; status: string; revision: number; signed_off_at: null }>(
      'SELECT id, status, revision, signed_off_at FROM charter_versions WHERE client_id = $1 ORDER BY number',
      [theirClient],
    );
    expect(rows).toEqual([
      { id: theirPublished.id, status: 'PUBLISHED', revision: theirPublished.revision, signed_off_at: null },
      { id: theirDraft.id, status: 'DRAFT', revision: 1, signed_off_at: null },
    ]);
    const charters = await api.ownerQuery('SELECT 1 FROM charters WHERE tenant_id = $1', [other.tenantId]);
    expect(charters).toHaveLength(1);
  });
});
