import {
  HIRING_CATEGORIES,
  HIRING_CATEGORY_LABELS,
  weightTotal,
  type HiringCategory,
  type RoleProfile,
} from './role-profile.js';

export interface CategoryWeight {
  category: HiringCategory;
  label: string;
  weight: number;
  /** Percentage of the profile's total weight (equal to `weight` once the profile adds up to 100). */
  share: number;
  criteria: number;
  mustHaves: number;
}

/** How the profile's weight splits over the five categories, in a fixed order, including empty ones. */
export function categoryBreakdown(profile: RoleProfile): CategoryWeight[] {
  const total = weightTotal(profile.criteria);
  return HIRING_CATEGORIES.map((category) => {
    const inCategory = profile.criteria.filter((criterion) => criterion.category === category);
    const weight = weightTotal(inCategory);
    return {
      category,
      label: HIRING_CATEGORY_LABELS[category],
      weight,
      share: total > 0 ? (weight / total) * 100 : 0,
      criteria: inCategory.length,
      mustHaves: inCategory.filter((criterion) => criterion.mustHave).length,
    };
  });
}

export interface CategoryComparison {
  /** The category that weighs more, or null when they weigh the same. */
  heavier: HiringCategory | null;
  difference: number;
  sentence: string;
}

/**
 * Answers questions such as "is industry experience more important than personality traits?" from the weights
 * the client actually set, in a sentence.
 */
export function compareCategories(
  profile: RoleProfile,
  a: HiringCategory,
  b: HiringCategory,
): CategoryComparison {
  const breakdown = categoryBreakdown(profile);
  const total = weightTotal(profile.criteria);
  const weightOf = (category: HiringCategory) => breakdown.find((c) => c.category === category)?.weight ?? 0;
  const [weightA, weightB] = [weightOf(a), weightOf(b)];
  const labelA = HIRING_CATEGORY_LABELS[a];
  const labelB = HIRING_CATEGORY_LABELS[b].toLowerCase();
  const heavier = weightA === weightB ? null : weightA > weightB ? a : b;
  const verdict =
    heavier === null
      ? 'both carry the same weight'
      : `more weight goes to ${HIRING_CATEGORY_LABELS[heavier].toLowerCase()}`;
  return {
    heavier,
    difference: Math.abs(weightA - weightB),
    sentence: `${labelA} carries ${weightA} of ${total} points and ${labelB} ${weightB}: ${verdict}.`,
  };
}
