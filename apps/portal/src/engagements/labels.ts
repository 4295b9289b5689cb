import type { DimePhase, EngagementKind } from '../generated/graphql';

/** Words for the engagement enums that the domain package does not label. */
export const KIND_LABELS: Record<EngagementKind, string> = {
  DIAGNOSTIC: 'Diagnostic',
  CHARTER_DEVELOPMENT: 'Charter development',
  HIRING_DESIGN: 'Hiring design',
  CULTURE_PROGRAMME: 'Culture programme',
  LEADERSHIP_COACHING: 'Leadership coaching',
  TRAINING: 'Training',
};

export const PHASE_LABELS: Record<DimePhase, string> = {
  DELIBERATE_CULTURE: 'Deliberate culture',
  INTERACTIONS: 'Interactions',
  MEMORIES: 'Memories',
  EXPERIENCES: 'Experiences',
};
