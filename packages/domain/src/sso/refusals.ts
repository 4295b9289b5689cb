/**
 * Why a sign-in through an identity provider was refused. The API records the code in the activity trail and
 * sends the person back to the sign-in page with it (`/sign-in?sso=<code>`); the portal shows the message. The
 * wording says what the person can do, never which check of a forged response failed beyond what helps them.
 */
export const SSO_REFUSALS = {
  WRONG_AUDIENCE:
    'Your identity provider signed you in for another application. Ask your IT team to check the set-up.',
  WRONG_ISSUER: 'The answer came from an identity provider this connection does not trust.',
  EXPIRED: 'The sign-in took too long and expired. Try again.',
  NOT_YET_VALID:
    'The sign-in is not valid yet: a clock is wrong, at your provider or here. Try again in a minute.',
  BAD_SIGNATURE:
    'The answer from your identity provider was not signed by it. Ask your IT team to check the certificate.',
  REPLAYED: 'That sign-in was already used. Start again from the sign-in page.',
  STATE_REUSED: 'That sign-in link was already used. Start again from the sign-in page.',
  STATE_UNKNOWN:
    'That sign-in was not started here, or it is more than 10 minutes old. Start again from the sign-in page.',
  INVALID_RESPONSE: 'Your identity provider’s answer could not be read. Try again, or ask your IT team.',
  PROVIDER_ERROR: 'Your identity provider did not sign you in. Try again, or ask your IT team.',
  UNKNOWN_CONNECTION: 'This single sign-on connection no longer exists. Sign in from the sign-in page.',
  DOMAIN_NOT_VERIFIED:
    'Your email’s domain is not verified for single sign-on yet. Sign in with your password, or ask an admin.',
  DOMAIN_NOT_OWNED: 'Your identity provider gave an email whose domain this connection does not sign in.',
  EMAIL_NOT_VERIFIED:
    'Your identity provider has not verified your email address, so it cannot sign you in here.',
  OTHER_CONSULTANCY:
    'You belong to another consultancy on this service: sign in through its own sign-in instead.',
  ACCOUNT_REMOVED: 'Your access was removed. Ask an admin of your consultancy if this is a mistake.',
  PENDING_APPROVAL:
    'Your request for access is with the consultancy’s admins. You can sign in once one of them approves it.',
  SSO_REQUIRED:
    'Your organisation signs in with single sign-on: continue to your identity provider instead of using a password.',
} as const;

export type SsoRefusal = keyof typeof SSO_REFUSALS;

export function isSsoRefusal(code: string): code is SsoRefusal {
  return Object.hasOwn(SSO_REFUSALS, code);
}

/** How long a sign-in sent to a provider may take to come back (its state, nonce and request id expire then). */
export const SSO_ATTEMPT_MINUTES = 10;
