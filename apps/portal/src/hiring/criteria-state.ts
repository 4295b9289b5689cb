import type { HiringCategory, HiringCriterionInput } from '../generated/graphql';

/** A criterion as the weight editor holds it; the weight stays text while typed. */
export interface CriterionDraft {
  localId: string;
  id: string | null;
  category: HiringCategory;
  title: string;
  weight: string;
  mustHave: boolean;
  evidence: string;
}

let counter = 0;
export function newCriterion(): CriterionDraft {
  counter += 1;
  return {
    localId: `new-${counter}`,
    id: null,
    category: 'PERSONALITY_TRAIT',
    title: '',
    weight: '',
    mustHave: false,
    evidence: '',
  };
}

/** A weight as typed; anything that is not a whole number counts as 0 towards the total. */
export function weightOf(draft: CriterionDraft): number {
  const value = Number(draft.weight);
  return Number.isInteger(value) ? value : 0;
}

export function toCriterionInputs(drafts: readonly CriterionDraft[]): HiringCriterionInput[] {
  return drafts.map((d) => ({
    id: d.id,
    category: d.category,
    title: d.title,
    weight: weightOf(d),
    mustHave: d.mustHave,
    evidence: d.evidence,
  }));
}
