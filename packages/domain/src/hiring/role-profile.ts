import { fieldError, type FieldError } from '../validation/field-errors.js';

/**
 * What a hiring criterion is about. The split lets a client see, in numbers, whether it values industry
 * experience over personality traits, a question most hiring never answers out loud.
 */
export const HIRING_CATEGORIES = [
  'PERSONALITY_TRAIT',
  'INDUSTRY_EXPERIENCE',
  'SKILL',
  'VALUE_FIT',
  'PRODUCT_KNOWLEDGE',
] as const;
export type HiringCategory = (typeof HIRING_CATEGORIES)[number];

export const HIRING_CATEGORY_LABELS: Record<HiringCategory, string> = {
  PERSONALITY_TRAIT: 'Personality traits',
  INDUSTRY_EXPERIENCE: 'Industry experience',
  SKILL: 'Skills',
  VALUE_FIT: 'Value fit',
  PRODUCT_KNOWLEDGE: 'Product knowledge',
};

/** The A-E-I-O-U service values a criterion may test, so hiring reinforces the values the audits measure. */
export const AEIOU_VALUES = ['ACCOUNTABLE', 'ENERGETIC', 'INNOVATIVE', 'OPTIMISTIC', 'UNIQUE'] as const;
export type AeiouValue = (typeof AEIOU_VALUES)[number];

export const AEIOU_VALUE_LABELS: Record<AeiouValue, string> = {
  ACCOUNTABLE: 'Accountable',
  ENERGETIC: 'Energetic',
  INNOVATIVE: 'Innovative',
  OPTIMISTIC: 'Optimistic',
  UNIQUE: 'Unique',
};

export interface HiringCriterion {
  key: string;
  category: HiringCategory;
  title: string;
  /** Whole points out of the profile's 100. */
  weight: number;
  /** A candidate who falls short here is flagged, however well they score elsewhere. */
  mustHave: boolean;
  /** The interview question to ask, or what to look for, so two interviewers score the same thing. */
  evidence: string;
  aeiouValue?: AeiouValue | null;
}

/** A customer-contact role at a client, with the weighted criteria candidates are scored against. */
export interface RoleProfile {
  title: string;
  criteria: readonly HiringCriterion[];
}

/** Weights are points out of 100, so each one reads directly as "this much of the decision". */
export const PROFILE_WEIGHT_TOTAL = 100;

export function weightTotal(criteria: readonly Pick<HiringCriterion, 'weight'>[]): number {
  return criteria.reduce(
    (sum, criterion) => sum + (Number.isFinite(criterion.weight) ? criterion.weight : 0),
    0,
  );
}

/** What stops a profile from being used to score candidates. */
export function profileReadiness(profile: RoleProfile): FieldError[] {
  const errors: FieldError[] = [];
  if (profile.title.trim() === '') errors.push(fieldError('title', 'REQUIRED', 'Role title is required.'));
  if (profile.criteria.length === 0) {
    errors.push(fieldError('criteria', 'REQUIRED', 'Add at least one criterion.'));
    return errors;
  }

  const keys = new Set<string>();
  profile.criteria.forEach((criterion, index) => {
    const at = `criteria.${index}`;
    if (criterion.key.trim() === '')
      errors.push(fieldError(`${at}.key`, 'REQUIRED', 'Each criterion needs a key.'));
    else if (keys.has(criterion.key)) {
      errors.push(
        fieldError(`${at}.key`, 'TAKEN', `Another criterion already uses the key "${criterion.key}".`),
      );
    }
    keys.add(criterion.key);
    if (criterion.title.trim() === '') {
      errors.push(fieldError(`${at}.title`, 'REQUIRED', `Criterion ${index + 1} needs a title.`));
    }
    if (
      !Number.isInteger(criterion.weight) ||
      criterion.weight < 1 ||
      criterion.weight > PROFILE_WEIGHT_TOTAL
    ) {
      errors.push(
        fieldError(
          `${at}.weight`,
          'INVALID',
          `Weight must be a whole number from 1 to ${PROFILE_WEIGHT_TOTAL}.`,
        ),
      );
    }
    if (criterion.evidence.trim() === '') {
      errors.push(
        fieldError(
          `${at}.evidence`,
          'REQUIRED',
          'Say how this is tested: the question to ask or what to look for.',
        ),
      );
    }
  });

  const message = weightTotalProblem(weightTotal(profile.criteria));
  if (message) errors.push(fieldError('criteria', 'INVALID', message));
  return errors;
}

/** Null when the weights add up to 100; otherwise what the total is and how far off it is. */
export function weightTotalProblem(total: number): string | null {
  if (total === PROFILE_WEIGHT_TOTAL) return null;
  if (total < PROFILE_WEIGHT_TOTAL) {
    return `The weights add up to ${total}; add ${PROFILE_WEIGHT_TOTAL - total} more to reach ${PROFILE_WEIGHT_TOTAL}.`;
  }
  return `The weights add up to ${total}; take away ${total - PROFILE_WEIGHT_TOTAL} to come down to ${PROFILE_WEIGHT_TOTAL}.`;
}
