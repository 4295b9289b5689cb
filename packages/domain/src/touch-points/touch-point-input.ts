import { z } from 'zod';
import { LIMITS, requiredText } from '../validation/text.js';

/**
 * A client's customer journey: ordered stages (e.g. "Finding us", "Joining", "Getting help"), each with ordered
 * touch points, the moments where the customer meets the organisation through one channel, owned by one team. A
 * touch point flagged a *moment of truth* is one where the customer makes up their mind about the organisation
 * (seed 003): those are where evidence matters most.
 */

/** How the customer meets the organisation at a touch point; complaints name the same channels. */
export const CHANNELS = [
  'PHONE',
  'EMAIL',
  'WEB',
  'CHAT',
  'BRANCH',
  'SOCIAL',
  'MAIL',
  'FIELD',
  'OTHER',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  PHONE: 'Phone',
  EMAIL: 'Email',
  WEB: 'Website or app',
  CHAT: 'Chat',
  BRANCH: 'Branch or shop',
  SOCIAL: 'Social media',
  MAIL: 'Letter',
  FIELD: 'Visit by our staff',
  OTHER: 'Other',
};

/** At most this many live stages in a journey, and touch points in a stage: a map, not a process model. */
export const JOURNEY_LIMITS = { stages: 20, touchPointsPerStage: 40 } as const;

export const channel = z.enum(CHANNELS, 'Choose one of the channels.');

export const stageInput = z.object({
  name: requiredText('Stage name', LIMITS.name),
});
export type StageInput = z.infer<typeof stageInput>;

export const touchPointInput = z.object({
  name: requiredText('Touch point name', LIMITS.name),
  channel,
  owningTeam: requiredText('Owning team', LIMITS.name),
  momentOfTruth: z.boolean('Moment of truth must be true or false.').default(false),
});
export type TouchPointInput = z.infer<typeof touchPointInput>;

/** A change of some of a touch point's details; what is left out stays as it is. */
export const touchPointChange = z.object({
  name: requiredText('Touch point name', LIMITS.name).optional(),
  channel: channel.optional(),
  owningTeam: requiredText('Owning team', LIMITS.name).optional(),
});
export type TouchPointChange = z.infer<typeof touchPointChange>;

/** Why a stage may not be removed now, or null: only an empty stage goes, so no touch point is left without one. */
export function stageRemovalRefusal(liveTouchPoints: number): string | null {
  if (liveTouchPoints === 0) return null;
  return `This stage still has ${liveTouchPoints} touch point${liveTouchPoints === 1 ? '' : 's'}: move or remove ${liveTouchPoints === 1 ? 'it' : 'them'} first.`;
}

/** Why another stage may not be added, or null. */
export function stageAdditionRefusal(liveStages: number): string | null {
  return liveStages >= JOURNEY_LIMITS.stages
    ? `A journey holds at most ${JOURNEY_LIMITS.stages} stages.`
    : null;
}

/** Why another touch point may not be added to a stage, or null. */
export function touchPointAdditionRefusal(liveInStage: number): string | null {
  return liveInStage >= JOURNEY_LIMITS.touchPointsPerStage
    ? `A stage holds at most ${JOURNEY_LIMITS.touchPointsPerStage} touch points.`
    : null;
}

const key = (label: string) =>
  z
    .string(`${label} must be text.`)
    .trim()
    .min(1, `${label} is required.`)
    .max(64, `${label} must be at most 64 characters.`);

/** A promise named by its key in the client's charter. */
export const touchPointPromiseLink = z.object({ promiseKey: key('Promise key') });

/** An audit criterion named by its framework's key and its own. */
export const touchPointCriterionLink = z.object({
  frameworkKey: key('Framework key'),
  criterionKey: key('Criterion key'),
});
