import type { ApiScope } from '../api-keys/api-key.js';
import type { Role } from './roles.js';

/**
 * Every permission there is, declared once, for the API and the portal alike. The API's schema names them in
 * `@allow(to: "...")` (building the schema fails on a name that is not here, so a typo cannot ship) and enforces
 * them; the portal's route guards and navigation ask `can` the same question, so a page is offered exactly to the
 * roles the API would answer.
 */
export const PERMISSIONS = [
  'consultancy:read',
  'member:read',
  'member:manage',
  'client:read',
  'client:create',
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
  'service-level:read',
  'service-level:write',
  'measurement:write',
  'journey:read',
  'journey:write',
  'complaint:read',
  'complaint:write',
  'feedback:read',
  'feedback:write',
  'apikey:manage',
  'webhook:manage',
  'activity:read',
  'consultancy:manage',
  'email:read',
  'report:create',
  'mail:read',
  'mail:manage',
  'notifications:manage-own',
  'sso:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Only client leaders sign off their charter; only they need the narrow right to update their own actions. */
const LEADER_ONLY: readonly Permission[] = ['charter:sign-off', 'action:update-own'];
const ADMIN_ONLY: readonly Permission[] = [
  'member:manage',
  'framework:manage',
  'apikey:manage',
  'webhook:manage',
  'activity:read',
  'consultancy:manage',
  // The consultancy's outgoing mail: addresses and bodies (links in them) of everyone it wrote to.
  'mail:read',
  'mail:manage',
  // Who signs in how: identity providers, their domains, role mappings, SSO-only and the break-glass admin.
  'sso:manage',
];

/**
 * What each role may do. Client leaders read their own client's programme; the fence that keeps them to that one
 * client, and to what is published, is row-level security (see the API's migrations/tenant-table.ts), so no query can forget it.
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
    'service-level:read',
    'journey:read',
    'complaint:read',
    'complaint:write',
    'feedback:read',
    'email:read',
    'report:create',
    'notifications:manage-own',
  ]),
};

/** The one question both sides ask: may a member with this role do this? */
export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export function isPermission(name: string): name is Permission {
  return (PERMISSIONS as readonly string[]).includes(name);
}

/**
 * What each API key scope grants. Every key may read who its consultancy is (names on the objects it reads);
 * nothing else comes without a scope. Keys never manage members, keys, frameworks or sign-offs, and no scope grants
 * `email:read`: people's email addresses are for signed-in members only, never for third-party systems. Nor does any
 * grant `notifications:manage-own`: email preferences belong to a person, and a key is nobody's inbox.
 */
export const SCOPE_PERMISSIONS: Record<ApiScope, readonly Permission[]> = {
  CLIENTS_READ: ['client:read', 'workshop:read'],
  CLIENTS_WRITE: ['client:create', 'client:write', 'workshop:write'],
  ENGAGEMENTS_READ: ['engagement:read'],
  ENGAGEMENTS_WRITE: ['engagement:write'],
  CHARTERS_READ: ['charter:read'],
  CHARTERS_WRITE: ['charter:write'],
  AUDITS_READ: ['audit:read', 'framework:read'],
  AUDITS_WRITE: ['audit:write'],
  ACTIONS_READ: ['action:read'],
  ACTIONS_WRITE: ['action:write'],
  HIRING_READ: ['hiring:read'],
  HIRING_WRITE: ['hiring:write'],
  SERVICE_LEVELS_READ: ['service-level:read'],
  SERVICE_LEVELS_WRITE: ['service-level:write'],
  // A client's platform sending counts reads back the service levels its payload names, and nothing more.
  MEASUREMENTS_WRITE: ['measurement:write', 'service-level:read'],
  COMPLAINTS_READ: ['complaint:read'],
  // A client's CRM sending complaints reads back the complaints it sent (a fenced key: of its own client only).
  COMPLAINTS_WRITE: ['complaint:write', 'complaint:read'],
  FEEDBACK_READ: ['feedback:read'],
  // A report reads every section, so a key needs the read scopes of what it should show as well (create-report.ts).
  REPORTS_CREATE: ['report:create'],
};

/**
 * What only a key for the whole consultancy may do, whatever its scopes: a key fenced to one client cannot create
 * another (the new client would lie outside its own fence, which row-level security refuses).
 */
export const WHOLE_CONSULTANCY_ONLY: ReadonlySet<Permission> = new Set<Permission>(['client:create']);

export function permissionsOfScopes(
  scopes: readonly ApiScope[],
  fencedToClient = false,
): ReadonlySet<Permission> {
  const granted = ['consultancy:read' as const, ...scopes.flatMap((scope) => SCOPE_PERMISSIONS[scope])];
  return new Set<Permission>(
    fencedToClient ? granted.filter((p) => !WHOLE_CONSULTANCY_ONLY.has(p)) : granted,
  );
}
