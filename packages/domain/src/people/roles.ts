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
