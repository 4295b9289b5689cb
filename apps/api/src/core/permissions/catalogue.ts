import type { Role } from '@csp/domain';

/**
 * Every permission the API checks, declared once. The schema names them in `@allow(to: "...")`; building the schema
 * fails on a name that is not here, so a typo cannot ship.
 */
export const PERMISSIONS = [
  'consultancy:read',
  'member:read',
  'member:manage',
  'client:read',
  'client:write',
  'workshop:read',
  'workshop:write',
  'engagement:read',
  'engagement:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CONSULTANT: readonly Permission[] = PERMISSIONS.filter((p) => p !== 'member:manage');

/**
 * What each role may do. Client leaders read their own client's programme; the fence that keeps them to that one
 * client is row-level security (see migrations/tenant-table.ts), so no query can forget it.
 */
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set(PERMISSIONS),
  CONSULTANT: new Set(CONSULTANT),
  CLIENT_LEADER: new Set<Permission>(['consultancy:read', 'client:read', 'engagement:read']),
};

export function isPermission(name: string): name is Permission {
  return (PERMISSIONS as readonly string[]).includes(name);
}
