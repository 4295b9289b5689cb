import { LIMITS } from '@csp/domain';

/** The API's own rule, from the shared domain package; the API's message is what counts if they ever differ. */
export const PASSWORD_HINT = `At least ${LIMITS.passwordMin} characters. A short sentence is easy to remember and hard to guess.`;
