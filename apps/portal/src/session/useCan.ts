import { useQuery } from '@apollo/client/react';
import { roleCan, type Permission } from '@csp/domain';
import { MeQuery } from './me';

/**
 * Whether the signed-in member may do this, from the catalogue the API enforces: for offering a button or a form
 * only to those whose request would be answered. Reads `me` from the cache the route guard filled.
 */
export function useCan(permission: Permission): boolean {
  const { data } = useQuery(MeQuery);
  const role = data?.me?.role;
  return role ? roleCan(role, permission) : false;
}
