export const ENGAGEMENT_STATUSES = ['PROPOSED', 'ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

/**
 * The engagement lifecycle. Completed and cancelled are final: a finished engagement is followed up by a new one,
 * so its history stays as it was billed and reported.
 */
const TRANSITIONS: Record<EngagementStatus, readonly EngagementStatus[]> = {
  PROPOSED: ['ACTIVE', 'CANCELLED'],
  ACTIVE: ['ON_HOLD', 'COMPLETED', 'CANCELLED'],
  ON_HOLD: ['ACTIVE', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

export function nextEngagementStatuses(from: EngagementStatus): readonly EngagementStatus[] {
  return TRANSITIONS[from];
}

export function canMoveEngagement(from: EngagementStatus, to: EngagementStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isEngagementClosed(status: EngagementStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

export const ENGAGEMENT_STATUS_LABELS: Record<EngagementStatus, string> = {
  PROPOSED: 'Proposed',
  ACTIVE: 'Active',
  ON_HOLD: 'On hold',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

/** Why a move is refused, in words a consultant can act on. */
export function explainRefusedMove(from: EngagementStatus, to: EngagementStatus): string {
  const allowed = TRANSITIONS[from];
  if (from === to) return `The engagement is already ${ENGAGEMENT_STATUS_LABELS[from].toLowerCase()}.`;
  if (allowed.length === 0) {
    return `A ${ENGAGEMENT_STATUS_LABELS[from].toLowerCase()} engagement is closed and cannot change status.`;
  }
  const options = allowed.map((s) => ENGAGEMENT_STATUS_LABELS[s].toLowerCase()).join(' or ');
  return `A ${ENGAGEMENT_STATUS_LABELS[from].toLowerCase()} engagement can only become ${options}, not ${ENGAGEMENT_STATUS_LABELS[to].toLowerCase()}.`;
}
