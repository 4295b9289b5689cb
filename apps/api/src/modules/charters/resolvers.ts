import {
  describeDiff,
  describeStandard,
  publishReadiness,
  type FieldError,
  type PromiseFieldChange,
} from '@csp/domain';
import type { Resolvers } from '../../generated/resolvers.js';
import { memberById } from '../accounts/index.js';
import { clientById } from '../clients/index.js';
import type { CharterVersionRow } from './entities.js';
import { reorderCharterPromises, saveCharterDraft } from './edit-draft.js';
import {
  charterById,
  charterOfClient,
  draftOfCharter,
  publishedOfCharter,
  versionsOfCharter,
} from './loaders.js';
import { publishCharterVersion } from './publish.js';
import { signOffCharterVersion } from './sign-off.js';
import { diffBetween, findCharter, versionNumbered } from './queries.js';
import { discardCharterDraft, startCharterDraft } from './drafts.js';
import { draftOf, promisesOf, signOffOf } from './mappers.js';

const PURPOSE_PARTS = { purpose: 'PURPOSE', why: 'WHY', everythingElse: 'EVERYTHING_ELSE' } as const;
const PROMISE_FIELDS = { title: 'TITLE', description: 'DESCRIPTION', standard: 'STANDARD' } as const;

/** Only a draft has anything left to do before publishing; fields point into the save input. */
function publishGaps(version: CharterVersionRow): FieldError[] {
  if (version.status !== 'DRAFT') return [];
  return publishReadiness(draftOf(version));
}

export const resolvers: Resolvers = {
  Query: {
    charter: (_, { clientId }, context) => findCharter(context, clientId),
  },
  Client: {
    charter: (client, _, context) => charterOfClient(context).load(client.id),
  },
  Mutation: {
    startCharterDraft: (_, { input }, context) => startCharterDraft(context, input),
    saveCharterDraft: (_, { input }, context) => saveCharterDraft(context, input),
    reorderCharterPromises: (_, { input }, context) => reorderCharterPromises(context, input),
    publishCharterVersion: (_, { input }, context) => publishCharterVersion(context, input),
    signOffCharterVersion: (_, { input }, context) => signOffCharterVersion(context, input),
    discardCharterDraft: (_, { input }, context) => discardCharterDraft(context, input),
  },
  Charter: {
    client: async (charter, _, context) => {
      const client = await clientById(context).load(charter.clientId);
      if (!client) throw new Error(`Charter ${charter.id} has no visible client.`);
      return client;
    },
    currentDraft: (charter, _, context) => draftOfCharter(context).load(charter.id),
    published: (charter, _, context) => publishedOfCharter(context).load(charter.id),
    versions: (charter, _, context) => versionsOfCharter(context).load(charter.id),
    version: (charter, { number }, context) => versionNumbered(context, charter, number),
    diff: (charter, { fromVersionId, toVersionId }, context) =>
      diffBetween(context, charter, fromVersionId, toVersionId),
  },
  CharterVersion: {
    charter: async (version, _, context) => {
      const charter = await charterById(context).load(version.charterId);
      if (!charter) throw new Error(`Charter version ${version.id} has no visible charter.`);
      return charter;
    },
    purposeStatement: (version) => ({
      purpose: version.purpose,
      why: version.why,
      everythingElse: version.everythingElse,
    }),
    promises: (version) => promisesOf(version),
    publishable: (version) => version.status === 'DRAFT' && publishGaps(version).length === 0,
    publishGaps: (version) => publishGaps(version),
    createdBy: (version, _, context) =>
      version.createdBy ? memberById(context).load(version.createdBy) : null,
    publishedBy: (version, _, context) =>
      version.publishedBy ? memberById(context).load(version.publishedBy) : null,
    signOff: (version) => signOffOf(version),
  },
  CharterPromise: {
    description: (promise) => promise.description ?? null,
    standard: (promise) => promise.standard ?? null,
  },
  CharterServiceStandard: {
    description: (standard) => describeStandard(standard),
  },
  CharterSignOff: {
    signedBy: (signOff, _, context) => memberById(context).load(signOff.signedById),
  },
  CharterDiff: {
    summary: (diff) => describeDiff(diff),
  },
  CharterPurposeChange: {
    part: (change) => PURPOSE_PARTS[change.part],
  },
  CharterPromiseFieldChange: {
    field: (change) => PROMISE_FIELDS[change.field],
    before: (change) => asText(change, 'before'),
    after: (change) => asText(change, 'after'),
    beforeStandard: (change) => (change.field === 'standard' ? change.before : null),
    afterStandard: (change) => (change.field === 'standard' ? change.after : null),
  },
};

/** Titles and descriptions as they are; a standard as the phrase customers would read. */
function asText(change: PromiseFieldChange, side: 'before' | 'after'): string | null {
  if (change.field === 'standard') {
    const standard = change[side];
    return standard ? describeStandard(standard) : null;
  }
  return change[side];
}
