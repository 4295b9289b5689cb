export const ENGAGEMENT_KINDS = [
  'DIAGNOSTIC',
  'CHARTER_DEVELOPMENT',
  'HIRING_DESIGN',
  'CULTURE_PROGRAMME',
  'LEADERSHIP_COACHING',
  'TRAINING',
] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

export const ENGAGEMENT_KIND_LABELS: Record<EngagementKind, string> = {
  DIAGNOSTIC: 'Service diagnostic',
  CHARTER_DEVELOPMENT: 'Charter development',
  HIRING_DESIGN: 'Hiring design',
  CULTURE_PROGRAMME: 'Culture programme',
  LEADERSHIP_COACHING: 'Leadership coaching',
  TRAINING: 'Service training',
};

/**
 * The four DIME steps a service programme moves through: make service a deliberate part of the culture, build
 * human connection in each interaction, leave memories worth repeating, and design the whole brand experience
 * across every point of contact.
 */
export const DIME_PHASES = ['DELIBERATE_CULTURE', 'INTERACTIONS', 'MEMORIES', 'EXPERIENCES'] as const;
export type DimePhase = (typeof DIME_PHASES)[number];

export const DIME_PHASE_LABELS: Record<DimePhase, { letter: string; title: string; summary: string }> = {
  DELIBERATE_CULTURE: {
    letter: 'D',
    title: 'Deliberate culture',
    summary: 'Service is chosen on purpose and built into how the organisation works.',
  },
  INTERACTIONS: {
    letter: 'I',
    title: 'Interactions',
    summary: 'Every conversation with a customer builds a genuine human connection.',
  },
  MEMORIES: {
    letter: 'M',
    title: 'Memories',
    summary: 'Customers leave with something good worth telling others about.',
  },
  EXPERIENCES: {
    letter: 'E',
    title: 'Experiences',
    summary: 'The whole brand experience is designed at every point of contact.',
  },
};
