import { useApolloClient } from '@apollo/client/react';
import { useNavigate } from 'react-router';

/**
 * After signing in, out, or accepting an invitation, whatever the cache holds belongs to someone else's session:
 * clear it, then go where the new session starts. The route guards fetch `me` afresh on the way.
 */
export function useSessionChange() {
  const client = useApolloClient();
  const navigate = useNavigate();
  return async (to: '/' | '/sign-in') => {
    await client.clearStore();
    await navigate(to, { replace: true });
  };
}
