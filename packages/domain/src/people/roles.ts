/** Who a member of a consultancy is. A client leader belongs to one client organisation and sees only it. */
export const ROLES = ['ADMIN', 'CONSULTANT', 'CLIENT_LEADER'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Consultancy admin',
  CONSULTANT: 'Consultant',
  CLIENT_LEADER: 'Client leader',
};

/** Client leaders are fenced to one client; the others see the whole consultancy. */
export function isFencedRole(role: Role): boolean {
  return role === 'CLIENT_LEADER';
}

/**
 * A consultancy always keeps an admin: without one, nobody could manage members, API keys or the consultancy
 * itself, and no one inside it could put that right. True when moving `from` → `to` would leave none.
 */
export function removesLastAdmin(change: { from: Role; to: Role; admins: number }): boolean {
  return change.from === 'ADMIN' && change.to !== 'ADMIN' && change.admins <= 1;
}
