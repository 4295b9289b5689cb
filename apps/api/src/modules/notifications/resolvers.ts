import { nextDigestAt } from '@csp/domain';
import type { Resolvers } from '../../generated/resolvers.js';
import { aboutKind, myEmailPreferences } from './preferences.js';
import { setDigestSettings, setEmailPreference } from './set-preferences.js';

export const resolvers: Resolvers = {
  Query: {
    myEmailPreferences: (_, __, context) => myEmailPreferences(context),
  },
  Mutation: {
    setEmailPreference: (_, { input }, context) => setEmailPreference(context, input),
    setDigestSettings: (_, { input }, context) => setDigestSettings(context, input),
  },
  EmailPreference: {
    label: (preference) => aboutKind(preference.kind).label,
    description: (preference) => aboutKind(preference.kind).description,
  },
  DigestSettings: {
    nextDigestAt: (digest) => nextDigestAt(digest, new Date()),
  },
};
