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
  'framework:read',
  'framework:manage',
  'charter:read',
  'charter:write',
  'charter:sign-off',
  'audit:read',
  'audit:write',
  'action:read',
  'action:write',
  'action:update-own',
  'hiring:read',
  'hiring:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Only client leaders sign off their charter; only they need the narrow right to update their own actions. */
const LEADER_ONLY: readonly Permission[] = ['charter:sign-off', 'action:update-own'];
const ADMIN_ONLY: readonly Permission[] = ['member:manage', 'framework:manage'];

/**
 * What each role may do. Client leaders read their own client's programme; the fence that keeps them to that one
 * client, and to what is published, is row-level security (see migrations/tenant-table.ts), so no query can forget it.
 */
export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  ADMIN: new Set(PERMISSIONS.filter((p) => !LEADER_ONLY.includes(p))),
  CONSULTANT: new Set(PERMISSIONS.filter((p) => !LEADER_ONLY.includes(p) && !ADMIN_ONLY.includes(p))),
  CLIENT_LEADER: new Set<Permission>([
    'consultancy:read',
    'client:read',
    'engagement:read',
    'framework:read',
    'charter:read',
    'charter:sign-off',
    'audit:read',
    'action:read',
    'action:update-own',
  ]),
};

export function isPermission(name: string): name is Permission {
  return (PERMISSIONS as readonly string[]).includes(name);
}
