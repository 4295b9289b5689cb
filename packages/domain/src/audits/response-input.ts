import { z } from 'zod';
import { isAuditScore, type AuditScore } from './framework.js';
import type { AuditResponse } from './scoring.js';
import { LIMITS, optionalText } from '../validation/text.js';
import { eachOnce } from '../validation/each-once.js';

const SCORE_MESSAGE = 'Score must be a whole number from 1 to 5.';

/**
 * One criterion's answer as an assessor saves it. A response is either scored or marked not applicable, never
 * both and never neither: a criterion left blank stays unanswered, which is different from "does not apply here".
 * `internal` keeps the note (only the note) inside the consultancy; client leaders still see score and evidence.
 */
export const auditResponseInput = z
  .object({
    criterionKey: z
      .string('Choose the criterion this response answers.')
      .trim()
      .min(1, 'Choose the criterion this response answers.')
      .max(64, 'Criterion key must be at most 64 characters.'),
    score: z.custom<AuditScore>(isAuditScore, SCORE_MESSAGE).nullish(),
    notApplicable: z.boolean('Not applicable must be true or false.').default(false),
    evidence: optionalText('Evidence', LIMITS.longText),
    note: optionalText('Note', LIMITS.longText),
    internal: z.boolean('Internal must be true or false.').default(false),
  })
  .superRefine((response, ctx) => {
    const scored = response.score !== null && response.score !== undefined;
    if (scored && response.notApplicable) {
      ctx.addIssue({
        code: 'custom',
        path: ['notApplicable'],
        message: 'Either give a score or mark the criterion not applicable, not both.',
      });
    }
    if (!scored && !response.notApplicable) {
      ctx.addIssue({
        code: 'custom',
        path: ['score'],
        message: 'Give a score from 1 to 5, or mark the criterion not applicable.',
      });
    }
  });
export type AuditResponseInput = z.infer<typeof auditResponseInput>;

/** Several responses saved at once, e.g. a whole section; each criterion may appear only once. */
export const auditResponsesInput = z
  .array(auditResponseInput)
  .max(200, 'Save at most 200 responses at once.')
  .superRefine(
    eachOnce(
      (response) => response.criterionKey,
      'criterionKey',
      (key) => `The criterion "${key}" is answered more than once.`,
    ),
  );

/** The scoring view of a checked response: not applicable becomes `score: null`. */
export function toAuditResponse(input: AuditResponseInput): AuditResponse {
  return { criterionKey: input.criterionKey, score: input.notApplicable ? null : (input.score ?? null) };
}

/** The note a client leader may read: none when it is marked internal. */
export function noteForClient(response: { note: string | null; internal: boolean }): string | null {
  return response.internal ? null : response.note;
}
