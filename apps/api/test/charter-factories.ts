import { expect } from 'vitest';
import type { SignedIn } from './factories.js';
import { graphql } from './generated/index.js';
import type { CharterTestVersionFragment, SaveCharterDraftInput } from './generated/graphql.js';
import type { TestApi } from './test-api.js';

/** What the charter tests read of each refusal: spread `...CharterTestUserError` in `userErrors`. */
export const USER_ERROR_FIELDS = graphql(`
  fragment CharterTestUserError on UserError {
    field
    code
    message
  }
`);

/** The fields of a version the charter tests read back: spread `...CharterTestVersion` in a test's document. */
export const VERSION_FIELDS = graphql(`
  fragment CharterTestVersion on CharterVersion {
    id
    number
    status
    revision
    publishable
    purposeStatement {
      purpose
      why
      everythingElse
    }
    promises {
      key
      position
      title
      description
      standard {
        metric
        target
        unit
        description
      }
    }
    publishGaps {
      field
      code
      message
    }
    publishedAt
    publishedBy {
      id
    }
    signOff {
      signedAt
      signedBy {
        id
      }
    }
  }
`);

export type VersionView = CharterTestVersionFragment;

export interface UserErrorView {
  field: string;
  code: string;
  message: string;
}

export interface VersionPayload {
  version: VersionView | null;
  userErrors: UserErrorView[];
}

export const START = graphql(`
  mutation CharterStartDraft($clientId: ID!) {
    startCharterDraft(input: { clientId: $clientId }) {
      version {
        ...CharterTestVersion
      }
      userErrors {
        ...CharterTestUserError
      }
    }
  }
`);
export const SAVE = graphql(`
  mutation CharterSaveDraft($input: SaveCharterDraftInput!) {
    saveCharterDraft(input: $input) {
      version {
        ...CharterTestVersion
      }
      userErrors {
        ...CharterTestUserError
      }
    }
  }
`);
export const REORDER = graphql(`
  mutation CharterReorderPromises($input: ReorderCharterPromisesInput!) {
    reorderCharterPromises(input: $input) {
      version {
        ...CharterTestVersion
      }
      userErrors {
        ...CharterTestUserError
      }
    }
  }
`);
export const PUBLISH = graphql(`
  mutation CharterPublishVersion($input: PublishCharterVersionInput!) {
    publishCharterVersion(input: $input) {
      version {
        ...CharterTestVersion
      }
      userErrors {
        ...CharterTestUserError
      }
    }
  }
`);
export const SIGN_OFF = graphql(`
  mutation CharterSignOffVersion($versionId: ID!) {
    signOffCharterVersion(input: { versionId: $versionId }) {
      version {
        ...CharterTestVersion
      }
      userErrors {
        ...CharterTestUserError
      }
    }
  }
`);
export const DISCARD = graphql(`
  mutation CharterDiscardDraft($input: DiscardCharterDraftInput!) {
    discardCharterDraft(input: $input) {
      discardedVersionId
      userErrors {
        ...CharterTestUserError
      }
    }
  }
`);

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
  const response = await api.graphql(START, { clientId }, who);
  expect(response.data.startCharterDraft.userErrors).toEqual([]);
  return response.data.startCharterDraft.version!;
}

export async function saveDraft(
  api: TestApi,
  who: SignedIn,
  draft: VersionView,
  content: Partial<Pick<SaveCharterDraftInput, 'purposeStatement' | 'promises'>> = {},
): Promise<VersionView> {
  const response = await api.graphql(
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
  const response = await api.graphql(
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
  content: Partial<Pick<SaveCharterDraftInput, 'purposeStatement' | 'promises'>> = {},
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
