import { z } from 'zod';
import { DIME_PHASES, ENGAGEMENT_KINDS } from './engagement.js';
import { LIMITS, isoDate, optionalText, requiredText } from '../validation/text.js';

export const milestoneInput = z.object({
  title: requiredText('Milestone title', LIMITS.title),
  dueOn: isoDate('Due date'),
  phase: z.enum(DIME_PHASES, 'Choose a DIME phase from the list.').nullish(),
  done: z.boolean().default(false),
});

const engagementFields = {
  title: requiredText('Title', LIMITS.title),
  kind: z.enum(ENGAGEMENT_KINDS, 'Choose a kind of engagement from the list.'),
  summary: optionalText('Summary', LIMITS.longText),
  startsOn: isoDate('Start date').nullish(),
  endsOn: isoDate('End date').nullish(),
  phase: z.enum(DIME_PHASES, 'Choose a DIME phase from the list.').nullish(),
  leadConsultantId: z.uuid('Choose a lead consultant.').nullish(),
  teamMemberIds: z.array(z.uuid('Each team member must be a member id.')).max(LIMITS.listItems).optional(),
  milestones: z
    .array(milestoneInput)
    .max(LIMITS.listItems, `Plan at most ${LIMITS.listItems} milestones.`)
    .optional(),
};

function endsAfterStart(value: { startsOn?: string | null; endsOn?: string | null }, ctx: z.RefinementCtx) {
  if (value.startsOn && value.endsOn && value.endsOn < value.startsOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['endsOn'],
      message: 'The end date must be on or after the start date.',
    });
  }
}

export const engagementInput = z.object(engagementFields).superRefine(endsAfterStart);
export type EngagementInput = z.infer<typeof engagementInput>;

export const engagementChanges = z
  .object(engagementFields)
  .partial()
  .superRefine(endsAfterStart)
  .refine((changes) => Object.keys(changes).length > 0, { message: 'Change at least one field.' });
export type EngagementChanges = z.infer<typeof engagementChanges>;

export const milestoneChanges = milestoneInput
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, { message: 'Change at least one field.' });

/** A milestone is overdue from the day after its due date until it is done. Dates compare as YYYY-MM-DD text. */
export function isMilestoneOverdue(milestone: { dueOn: string; done: boolean }, today: string): boolean {
  return !milestone.done && milestone.dueOn < today;
}
