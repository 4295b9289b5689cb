import { z } from 'zod';
import { isAuditScore } from '../audits/framework.js';
import type { CandidateScoreValue } from './candidate-fit.js';
import { AEIOU_VALUES, HIRING_CATEGORIES, PROFILE_WEIGHT_TOTAL } from './role-profile.js';
import { LIMITS, requiredText } from '../validation/text.js';

/**
 * Shapes only. Whether the weights add up to 100 is checked by `profileReadiness`, because a profile may be saved
 * while the consultant is still balancing its weights.
 */
export const hiringCriterionInput = z.object({
  key: z
    .string('Criterion key must be text.')
    .trim()
    .min(1, 'Criterion key must not be empty.')
    .max(64, 'Criterion key must be at most 64 characters.')
    .optional(),
  category: z.enum(HIRING_CATEGORIES, 'Choose a category from the list.'),
  title: requiredText('Criterion title', LIMITS.title),
  weight: z
    .number('Weight must be a number.')
    .refine(
      (weight) => Number.isInteger(weight) && weight >= 1 && weight <= PROFILE_WEIGHT_TOTAL,
      `Weight must be a whole number from 1 to ${PROFILE_WEIGHT_TOTAL}.`,
    ),
  mustHave: z.boolean('Must-have must be true or false.').default(false),
  evidence: requiredText('Evidence', LIMITS.longText),
  aeiouValue: z.enum(AEIOU_VALUES, 'Choose an A-E-I-O-U value from the list.').nullish(),
});
export type HiringCriterionInput = z.infer<typeof hiringCriterionInput>;

export const roleProfileInput = z.object({
  title: requiredText('Role title', LIMITS.title),
  criteria: z.array(hiringCriterionInput).max(LIMITS.listItems, `Use at most ${LIMITS.listItems} criteria.`),
});
export type RoleProfileInput = z.infer<typeof roleProfileInput>;

/** Only a name or a reference: the scorecard is not the place for a candidate's personal details. */
export const candidateScorecardInput = z.object({
  candidate: requiredText('Candidate name or reference', LIMITS.name),
  scores: z
    .array(
      z.object({
        criterionKey: z.string('Choose a criterion.').trim().min(1, 'Choose a criterion.').max(64),
        score: z.custom<CandidateScoreValue>(isAuditScore, 'Score must be a whole number from 1 to 5.'),
      }),
    )
    .max(LIMITS.listItems, `Give at most ${LIMITS.listItems} scores.`),
});
export type CandidateScorecardInput = z.infer<typeof candidateScorecardInput>;
