import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { describeError } from '../forms/describe-error';
import { graphql } from '../generated/gql';
import type { SignInMethodQuery as SignInMethodResult } from '../generated/graphql';

export const SignInMethodQuery = graphql(`
  query SignInMethod($email: String!) {
    signInMethod(email: $email) {
      kind
      ssoUrl
      providerName
      passwordAllowed
    }
  }
`);

export type SignInMethod = SignInMethodResult['signInMethod'];

/**
 * Asks the API how an email signs in, before the sign-in page shows a password field. Always asked afresh: an admin
 * may have verified the domain or turned SSO-only on since the last time.
 */
export function useSignInMethod() {
  const client = useApolloClient();
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function ask(email: string): Promise<SignInMethod | null> {
    setAsking(true);
    setFailure(null);
    try {
      const { data } = await client.query({
        query: SignInMethodQuery,
        variables: { email },
        fetchPolicy: 'network-only',
      });
      if (!data) throw new Error('No answer');
      return data.signInMethod;
    } catch (error) {
      setFailure(describeError(error));
      return null;
    } finally {
      setAsking(false);
    }
  }

  return { ask, asking, failure };
}
