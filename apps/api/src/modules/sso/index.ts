import { certificateExpiryJob } from './certificate-expiry-job.js';
import {
  SsoAccessRequestEntity,
  SsoConnectionEntity,
  SsoDomainEntity,
  SsoSessionEntity,
  SsoSignInAttemptEntity,
  SsoUsedAssertionEntity,
} from './entities.js';
import { oidcRoutes } from './oidc-sign-in.js';
import { providerLogoutRoutes } from './provider-logout.js';
import { resolvers } from './resolvers.js';
import { samlLogoutRoutes } from './saml-logout.js';
import { serviceProviderRoutes } from './saml-service-provider.js';
import { samlRoutes } from './saml-sign-in.js';
import { signInStartRoutes } from './sign-in-start.js';

/** What other modules, the demo and main.ts may use: nothing else in this folder is public. */
export { addSamlConnection } from './connections.js';
export { addSsoDomain } from './domains.js';
export { passwordSignInPolicy } from './password-policy.js';

export const sso = {
  name: 'sso',
  resolvers,
  entities: [
    SsoConnectionEntity,
    SsoDomainEntity,
    SsoAccessRequestEntity,
    SsoSignInAttemptEntity,
    SsoUsedAssertionEntity,
    SsoSessionEntity,
  ],
  routes: [
    ...signInStartRoutes,
    ...oidcRoutes,
    ...samlRoutes,
    ...serviceProviderRoutes,
    ...samlLogoutRoutes,
    ...providerLogoutRoutes,
  ],
  scheduledJobs: [certificateExpiryJob],
};
