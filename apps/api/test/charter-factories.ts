import { expect } from 'vitest';
import type { SignedIn } from './factories.js';
import type { TestApi } from './test-api.js';

/** The fields of a version the charter tests read back. */
export const VERSION_FIELDS = `id number status revision publishable
  purposeStatement { purpose why everythingElse }
  promises { key position title description standard { metric target unit description } }
  publishGaps { field code message }
  publishedAt publishedBy { id } signOff { signedAt signedBy { id } }`;

export interface VersionView {
  id: string;
  number: number;
  status: 'DRAFT' | 'PUBLISHED';
  revision: number;
  publishable: boolean;
  purposeStatement: { purpose: string; why: string; everythingElse: string };
  promises: {
    key: string;
    position: number;
    title: string;
    description: string | null;
    standard: { metric: string; target: number; unit: string; description: string } | null;
  }[];
  publishGaps: { field: string; code: string; message: string }[];
  publishedAt: string | null;
  publishedBy: { id: string } | null;
  signOff: { signedAt: string; signedBy: { id: string } } | null;
}

export interface UserErrorView {
  field: string;
  code: string;
  message: string;
}

export interface VersionPayload {
  version: VersionView | null;
  userErrors: UserErrorView[];
}

export const START = `mutation ($clientId: ID!) {
  startCharterDraft(input: { clientId: $clientId }) { version { ${VERSION_FIELDS} } userErrors { field code message } }
}`;
export const SAVE = `mutation ($input: SaveCharterDraftInput!) {
  saveCharterDraft(input: $input) { version { ${VERSION_FIELDS} } userErrors { field code message } }
}`;
export const REORDER = `mutation ($input: ReorderCharterPromisesInput!) {
  reorderCharterPromises(input: $input) { version { ${VERSION_FIELDS} } userErrors { field code message } }
}`;
export const PUBLISH = `mutation ($input: PublishCharterVersionInput!) {
  publishCharterVersion(input: $input) { version { ${VERSION_FIELDS} } userErrors { field code message } }
}`;
export const SIGN_OFF = `mutation ($versionId: ID!) {
  signOffCharterVersion(input: { versionId: $versionId }) { version { ${VERSION_FIELDS} } userErrors { field code message } }
}`;
export const DISCARD = `mutation ($input: DiscardCharterDraftInput!) {
  discardCharterDraft(input: $input) { discardedVersionId userErrors { field code message } }
}`;

export const PURPOSE = {
  purpose: 'Keep every customer connected to the people who matter to them',
  why: 'because a dropped call is a missed moment in someone’s life',
  everythingElse: 'over call-handling targets and scripts',
};

export const PROMISES = [
  {
    title: 'We answer quickly',
    standard: { metric: 'Calls answered within 20 seconds', target: 90, unit: '%' },
  },
  { title: 'The first person you reach owns your problem', description: 'No transfers from desk to desk.' },
  { title: 'We call back when we said we would' },
];

export async function startDraft(api: TestApi, who: SignedIn, clientId: string): Promise<VersionView> {
  const response = await api.graphql<{ startCharterDraft: VersionPayload }>(START, { clientId }, who);
  expect(response.data.startCharterDraft.userErrors).toEqual([]);
  return response.data.startCharterDraft.version!;
}

export async function saveDraft(
  api: TestApi,
  who: SignedIn,
  draft: VersionView,
  content: { purposeStatement?: object; promises?: object[] } = {},
): Promise<VersionView> {
  const response = await api.graphql<{ saveCharterDraft: VersionPayload }>(
    SAVE,
    {
      input: {
        versionId: draft.id,
        expectedRevision: draft.revision,
        purposeStatement: content.purposeStatement ?? PURPOSE,
        promises: content.promises ?? PROMISES,
      },
    },
    who,
  );
  expect(response.data.saveCharterDraft.userErrors).toEqual([]);
  return response.data.saveCharterDraft.version!;
}

export async function publish(api: TestApi, who: SignedIn, draft: VersionView): Promise<VersionView> {
  const response = await api.graphql<{ publishCharterVersion: VersionPayload }>(
    PUBLISH,
    { input: { versionId: draft.id, expectedRevision: draft.revision } },
    who,
  );
  expect(response.data.publishCharterVersion.userErrors).toEqual([]);
  return response.data.publishCharterVersion.version!;
}

/** A client's charter with version 1 published (the standard purpose and promises unless given). */
export async function publishedCharter(
  api: TestApi,
  who: SignedIn,
  clientId: string,
  content: { purposeStatement?: object; promises?: object[] } = {},
): Promise<VersionView> {
  const draft = await saveDraft(api, who, await startDraft(api, who, clientId), content);
  return publish(api, who, draft);
}

/** The version row as stored, read as the table owner (row-level security does not apply). */
export async function storedVersion(api: TestApi, id: string) {
  const [row] = await api.ownerQuery<{
    status: string;
    revision: number;
    purpose: string;
    why: string;
    promises: { key: string; title: string }[];
    signed_off_by: string | null;
  }>('SELECT status, revision, purpose, why, promises, signed_off_by FROM charter_versions WHERE id = $1', [
    id,
  ]);
  return row;
}
