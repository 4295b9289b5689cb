import type { AuditCriterion } from '../framework.js';

interface CriterionOptions {
  weight?: number;
  highIsBad?: boolean;
  critical?: boolean;
}

/** Most built-in criteria weigh 1 and are neither inverted nor critical; this keeps the data files readable. */
export function criterion(
  key: string,
  prompt: string,
  guidance: string,
  { weight = 1, highIsBad = false, critical = false }: CriterionOptions = {},
): AuditCriterion {
  return { key, prompt, guidance, weight, highIsBad, critical };
}
