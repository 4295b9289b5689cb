import type { Payload } from '../forms/useMutationForm';
import { useSessionChange } from '../session/useSessionChange';

/** What signIn, confirmSignUp and acceptInvitation return (`AuthPayload`), as far as a form cares. */
export interface AuthResult extends Payload {
  readonly member?: { readonly id: string } | null;
}

const NO_MEMBER = 'Signing in did not complete. Please try again.';

/**
 * The `onSaved` of a `useMutationForm` that ends in a session: clear the previous session's cache and go home, or,
 * when the payload came back without its member, say so above the form (`showGeneral` from the same hook).
 */
export function useStartSession(showGeneral: (messages: readonly string[]) => void) {
  const sessionChange = useSessionChange();
  return async (_form: HTMLFormElement, result: AuthResult) => {
    if (result.member) await sessionChange('/');
    else showGeneral([NO_MEMBER]);
  };
}
