import { isFencedRole, roleCan, type Permission, type Role } from '@csp/domain';

/**
 * What the portal offers whom, asked of the same catalogue the API enforces (`roleCan` from `@csp/domain`), so a
 * page or a link appears exactly for the roles whose requests the API would answer.
 */
export const AREA_PERMISSIONS = {
  /** The consultants' pages: clients, charters, audits, actions, hiring. */
  consultancy: 'client:write',
  /** The client leader's programme page, where the charter is signed off. */
  programme: 'charter:sign-off',
  /** A service level's own page (figures, uploads, history); leaders read theirs on the programme page. */
  serviceLevels: 'service-level:read',
  /** A client's complaint log and a complaint's page; leaders see and record their own client's. */
  complaints: 'complaint:read',
  /** A touch point's page; leaders read their own client's (the forms are offered to journey:write only). */
  journey: 'journey:read',
  members: 'member:manage',
  apiKeys: 'apikey:manage',
  webhooks: 'webhook:manage',
  mail: 'mail:read',
  /** Identity providers, their domains, role mappings, SSO-only and access requests. */
  sso: 'sso:manage',
  /** One's own email settings: every member has them, API keys never sign in here. */
  emailSettings: 'notifications:manage-own',
} as const satisfies Record<string, Permission>;

export type Area = keyof typeof AREA_PERMISSIONS;

export function mayEnter(role: Role, area: Area): boolean {
  return roleCan(role, AREA_PERMISSIONS[area]);
}

/** Where a member starts: a client leader, fenced to one client, on their programme; everyone else at home. */
export function homeOf(role: Role): string {
  return isFencedRole(role) ? '/programme' : '/';
}
