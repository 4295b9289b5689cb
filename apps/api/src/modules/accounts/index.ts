import { ConsultancyEntity, MemberEntity, SessionEntity } from './entities.js';
import { resolvers } from './resolvers.js';

/** What other modules, the demo and main.ts may use: nothing else in this folder is public. */
export { MemberEntity, type MemberRow } from './entities.js';
export { consultancyOf, leadersOfClient, memberById } from './loaders.js';
export { logIn, logOut, signInGuardOf } from './log-in.js';
export {
  adminIdsOf,
  consultancyNameOf,
  hasPassword,
  leaderIdsOfClient,
  memberOf,
  membersByIds,
  rolesOfMembers,
} from './references.js';
export { endSession, startSession } from './sessions.js';
export { claimSignInEmail } from './sign-in-directory.js';
export { clearFailureRun, failureRunsOf } from './sign-in-failures.js';
export { confirmSignUp, signUp, signUpMailing } from './sign-up.js';
export { signUpTokenIn } from './sign-up-mail.js';

export const accounts = {
  name: 'accounts',
  resolvers,
  entities: [ConsultancyEntity, MemberEntity, SessionEntity],
};
