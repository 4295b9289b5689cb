import { z } from 'zod';
import { requiredText, unstorableText } from '../validation/text.js';
import { FEEDBACK_KINDS, SCORE_RANGES, type FeedbackKind } from './scores.js';

/**
 * What a customer may send through a public feedback link, and what a consultant may set on one. The public form is
 * the one write anybody can make, so its rules are strict and its messages plain: a whole number in the kind's range,
 * an optional comment of at most COMMENT_MAX characters, and no text PostgreSQL cannot store.
 */

/** Long enough for a paragraph about what happened; short enough that nobody pastes a document into a form. */
export const COMMENT_MAX = 2000;
export const QUESTION_MAX = 300;

const STORABLE_MESSAGES = {
  NUL: 'cannot hold a NUL character (U+0000).',
  UNPAIRED_SURROGATE: 'holds a broken character (an unpaired UTF-16 surrogate).',
} as const;

function storable(label: string) {
  return (value: string, context: z.RefinementCtx) => {
    const odd = unstorableText(value);
    if (odd) context.addIssue({ code: 'custom', message: `${label} ${STORABLE_MESSAGES[odd]}` });
  };
}

export function scoreRule(kind: FeedbackKind): string {
  const { min, max } = SCORE_RANGES[kind];
  return `a whole number from ${min} to ${max}`;
}

/** A customer's answer to a link of this kind. */
export function feedbackResponseInput(kind: FeedbackKind) {
  const { min, max } = SCORE_RANGES[kind];
  const rule = `The score must be ${scoreRule(kind)}.`;
  return z.object({
    // A refinement rather than min/max: a score out of range is INVALID, not "too long".
    score: z
      .number(rule)
      .int(rule)
      .refine((score) => score >= min && score <= max, rule),
    comment: z
      .string('The comment must be text.')
      .superRefine(storable('The comment'))
      .transform((value) => value.trim())
      .pipe(z.string().max(COMMENT_MAX, `The comment must be at most ${COMMENT_MAX} characters.`))
      .nullish()
      .transform((value) => (value ? value : null)),
  });
}
export type FeedbackResponseInput = z.infer<ReturnType<typeof feedbackResponseInput>>;

/** The wording a new link starts from when the consultant writes none. */
export const DEFAULT_QUESTIONS: Record<FeedbackKind, string> = {
  CSAT: 'How satisfied are you with the service you received today?',
  NPS: 'How likely are you to recommend us to a friend or colleague?',
  EFFORT: 'How easy was it to get what you needed from us today?',
};

/** What each end of the scale means, for the public page and the portal's preview. */
export const SCALE_ENDS: Record<FeedbackKind, { low: string; high: string }> = {
  CSAT: { low: 'Very dissatisfied', high: 'Very satisfied' },
  NPS: { low: 'Not at all likely', high: 'Extremely likely' },
  EFFORT: { low: 'Very difficult', high: 'Very easy' },
};

export const feedbackLinkInput = z.object({
  kind: z.enum(FEEDBACK_KINDS, `The kind must be one of ${FEEDBACK_KINDS.join(', ')}.`),
  question: requiredText('The question', QUESTION_MAX).superRefine(storable('The question')),
});
export type FeedbackLinkInput = z.infer<typeof feedbackLinkInput>;

export const feedbackLinkChanges = z.object({
  question: requiredText('The question', QUESTION_MAX).superRefine(storable('The question')).optional(),
  active: z.boolean().optional(),
});
