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

/** What a member holds that only consultancy staff may hold, or that a leader of another client could not see. */
export interface StaffDuties {
  /** Engagements not yet completed or cancelled. */
  leadsEngagements: number;
  onEngagementTeams: number;
  /** Open actions they own on clients other than the one they would lead. */
  openActionsElsewhere: number;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A client leader sees one client and cannot lead or staff an engagement, so making someone a leader while they
 * still hold such work would leave it with nobody who can see it. Null when nothing needs handing over; otherwise
 * the message saying what does.
 */
export function leaderHandOver(duties: StaffDuties): string | null {
  const held = [
    duties.leadsEngagements &&
      `lead ${count(duties.leadsEngagements, 'open engagement', 'open engagements')}`,
    duties.onEngagementTeams &&
      `are on the team of ${count(duties.onEngagementTeams, 'open engagement', 'open engagements')}`,
    duties.openActionsElsewhere &&
      `own ${count(duties.openActionsElsewhere, 'open action', 'open actions')} of other clients`,
  ].filter((part): part is string => Boolean(part));
  if (!held.length) return null;
  const list = held.length === 1 ? held[0] : `${held.slice(0, -1).join(', ')} and ${held.at(-1)}`;
  return `They still ${list}. Hand these over to a consultant before making them a client leader.`;
}
