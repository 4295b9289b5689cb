import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../generated/gql';
import { describeError } from '../forms/describe-error';
import { signOutEverywhere } from '../session/provider-logout';
import { useSessionChange } from '../session/useSessionChange';
import { Button } from '../ui/Button';

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut {
      signedOut
    }
  }
`);

/**
 * Ends the session on the server first, then leaves with a full page load for where the API says: the identity
 * provider's logout for a session that came through one, else the signed-out sign-in page. The load drops
 * everything the portal cached for the session. Should that route fail, the `signOut` mutation ends the session and
 * the cache is cleared by hand.
 */
export function SignOutButton() {
  const [signOutOfApi] = useMutation(SignOutMutation);
  const sessionChange = useSessionChange();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function signOut() {
    setFailure(null);
    setPending(true);
    const redirectTo = await signOutEverywhere();
    if (redirectTo) {
      // Still pending: the page is about to be replaced.
      window.location.assign(redirectTo);
      return;
    }
    try {
      await signOutOfApi();
      await sessionChange('/sign-in');
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button onClick={signOut} disabled={pending}>
        {pending ? 'Signing out…' : 'Sign out'}
      </Button>
      {failure && (
        <p className="header-error" role="alert">
          Could not sign out: {failure}
        </p>
      )}
    </>
  );
}
