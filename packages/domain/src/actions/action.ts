import { z } from 'zod';
import { LIMITS, isoDate, optionalText, requiredText } from '../validation/text.js';

/** A follow-up from an audit finding or a charter promise: someone owns it, by a date, until it is done. */
export const ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  DONE: 'Done',
};

export const ACTION_PRIORITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type ActionPriority = (typeof ACTION_PRIORITIES)[number];

export const ACTION_PRIORITY_LABELS: Record<ActionPriority, string> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
};

/** Overdue from the day after its due date until it is done; an action without a due date is never overdue. */
export function isActionOverdue(
  action: { dueOn: string | null; status: ActionStatus },
  today: string,
): boolean {
  return action.status !== 'DONE' && action.dueOn !== null && action.dueOn < today;
}

const actionFields = {
  description: requiredText('Description', LIMITS.longText),
  ownerId: z.uuid('Choose who owns this action.'),
  dueOn: isoDate('Due date').nullish(),
  priority: z.enum(ACTION_PRIORITIES, 'Choose a priority from the list.').optional(),
};

/**
 * Where an action comes from: a finding (an audit and one of its criteria) or a promise of the client's charter,
 * or neither (a general follow-up). Both halves of a source come together or not at all.
 */
export const actionInput = z
  .object({
    ...actionFields,
    auditId: z.uuid('Choose the audit this action follows up.').nullish(),
    criterionKey: z.string().trim().min(1).max(64).nullish(),
    charterId: z.uuid('Choose the charter this action follows up.').nullish(),
    promiseKey: z.string().trim().min(1).max(64).nullish(),
    touchPointId: z.uuid('Choose the touch point this action is about.').nullish(),
  })
  .superRefine((value, ctx) => {
    if (Boolean(value.auditId) !== Boolean(value.criterionKey)) {
      const path = value.auditId ? 'criterionKey' : 'auditId';
      ctx.addIssue({
        code: 'custom',
        path: [path],
        message: 'A finding needs both the audit and its criterion.',
      });
    }
    if (Boolean(value.charterId) !== Boolean(value.promiseKey)) {
      const path = value.charterId ? 'promiseKey' : 'charterId';
      ctx.addIssue({
        code: 'custom',
        path: [path],
        message: 'A promise needs both the charter and its promise.',
      });
    }
    if (value.auditId && value.charterId) {
      ctx.addIssue({
        code: 'custom',
        path: ['charterId'],
        message: 'An action follows up either a finding or a promise, not both.',
      });
    }
  });
export type ActionInput = z.infer<typeof actionInput>;

export const actionChanges = z
  .object({
    ...actionFields,
    status: z.enum(ACTION_STATUSES, 'Choose a status from the list.'),
  })
  .partial()
  .refine((changes) => Object.keys(changes).length > 0, { message: 'Change at least one field.' });

export const actionNoteInput = requiredText('Note', LIMITS.longText);

/** What a client leader may change on an action they own: its status, with an optional note. */
export const ownActionUpdate = z.object({
  status: z.enum(ACTION_STATUSES, 'Choose a status from the list.'),
  note: optionalText('Note', LIMITS.longText),
});

export interface CriterionImprovement {
  before: number | null;
  after: number | null;
  change: number | null;
  /** True when the criterion scored higher on the re-audit; null when either side has no score. */
  improved: boolean | null;
}

/**
 * Closing the loop: a finding's criterion on the audit that raised it against the next published audit on the same
 * framework, both as 0–100 points (already inverted for high-is-bad criteria).
 */
export function criterionImprovement(before: number | null, after: number | null): CriterionImprovement {
  if (before === null || after === null) return { before, after, change: null, improved: null };
  return { before, after, change: after - before, improved: after > before };
}
