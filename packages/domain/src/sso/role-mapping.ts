import type { Role } from '../people/roles.js';

/** One row of a connection's mapping: people in this provider group get this role (leaders: of this client). */
export interface SsoRoleMapping {
  group: string;
  role: Role;
  clientId: string | null;
}

/**
 * The role a person gets on their first sign-in through a provider: the first mapping whose group they are in
 * (order is the admin's, so a narrower group listed first wins). No match gives null: the person waits for an
 * admin to approve them, as nobody should become a member by default.
 */
export function roleFromGroups(
  mappings: readonly SsoRoleMapping[],
  groups: readonly string[],
): { role: Role; clientId: string | null } | null {
  const theirs = new Set(groups);
  const match = mappings.find((mapping) => theirs.has(mapping.group));
  return match ? { role: match.role, clientId: match.clientId } : null;
}

/**
 * The groups of a provider's claims or attributes: a list, one string, or a string of comma-separated names (as
 * some SAML providers send one attribute value). Anything else counts as no groups.
 */
export function groupsOfClaim(value: unknown): string[] {
  const values = Array.isArray(value) ? value : [value];
  return [
    ...new Set(
      values
        .filter((item): item is string => typeof item === 'string')
        .flatMap((item) => item.split(','))
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
    ),
  ];
}
