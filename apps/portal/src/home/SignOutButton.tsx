import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../generated/gql';
import { describeError } from '../forms/describe-error';
import { useSessionChange } from '../session/useSessionChange';
import { Button } from '../ui/Button';

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut {
      signedOut
    }
  }
`);

/** Ends the session on the server first, then forgets everything the portal cached for it. */
export function SignOutButton() {
  const [signOutOfApi, { loading }] = useMutation(SignOutMutation);
  const sessionChange = useSessionChange();
  const [failure, setFailure] = useState<string | null>(null);

  async function signOut() {
    setFailure(null);
    try {
      await signOutOfApi();
      await sessionChange('/sign-in');
    } catch (error) {
      setFailure(describeError(error));
    }
  }

  return (
    <>
      <Button onClick={signOut} disabled={loading}>
        {loading ? 'Signing out…' : 'Sign out'}
      </Button>
      {failure && (
        <p className="header-error" role="alert">
          Could not sign out: {failure}
        </p>
      )}
    </>
  );
}
