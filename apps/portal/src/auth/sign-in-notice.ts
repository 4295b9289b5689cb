import { isSsoRefusal, SSO_REFUSALS } from '@csp/domain';

/** What the sign-in page says on arrival, from its address: a refused provider sign-in, or a finished sign-out. */
export type SignInNotice =
  { kind: 'refused'; message: string } | { kind: 'waiting'; message: string } | { kind: 'signedOut' };

/** For a code this portal does not know yet (an API newer than the portal): still say what happened. */
export const UNKNOWN_REFUSAL =
  'Your identity provider could not sign you in here. Try again, or ask your IT team if it keeps happening.';

export function signInNoticeOf(params: URLSearchParams): SignInNotice | null {
  const code = params.get('sso');
  if (code !== null) {
    if (!isSsoRefusal(code)) return { kind: 'refused', message: UNKNOWN_REFUSAL };
    // Waiting for an admin is no failure: nothing is wrong, someone just has to say yes.
    if (code === 'PENDING_APPROVAL') return { kind: 'waiting', message: SSO_REFUSALS[code] };
    return { kind: 'refused', message: SSO_REFUSALS[code] };
  }
  if (params.get('signedOut') === '1') return { kind: 'signedOut' };
  return null;
}
