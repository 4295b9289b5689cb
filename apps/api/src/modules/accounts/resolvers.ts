import type { Resolvers } from '../../generated/resolvers.js';
import { clientById } from '../clients/index.js';
import { consultancyOf, memberById } from './loaders.js';
import { changePassword } from './password-change.js';
import { logIn, logOut } from './log-in.js';
import { confirmSignUp, signUp } from './sign-up.js';

export const resolvers: Resolvers = {
  Query: {
    me: (_, __, context) =>
      context.viewer.kind === 'member' ? memberById(context).load(context.viewer.memberId) : null,
    consultancy: async (_, __, context) => {
      const tenantId = context.db.fence?.tenantId;
      const consultancy = tenantId ? await consultancyOf(context).load(tenantId) : null;
      if (!consultancy) throw new Error('The signed-in member has no consultancy.');
      return consultancy;
    },
  },
  Mutation: {
    signUp: (_, { input }, context) => signUp(context, input),
    confirmSignUp: (_, { input }, context) => confirmSignUp(context, input),
    signIn: (_, { input }, context) => logIn(context, input),
    signOut: async (_, __, context) => ({ signedOut: (await logOut(context)).loggedOut }),
    /** Deprecated names of signIn and signOut (schema-breaks.json), kept with the same behaviour. */
    logIn: (_, { input }, context) => logIn(context, input),
    logOut: (_, __, context) => logOut(context),
    changePassword: (_, { input }, context) => changePassword(context, input),
  },
  Consultancy: {
    id: (consultancy) => consultancy.tenantId,
  },
  Member: {
    client: (member, _, context) => (member.clientId ? clientById(context).load(member.clientId) : null),
  },
};
