import { weightedMean } from './arithmetic.js';
import { isAuditScore, type AuditCriterion, type AuditFramework, type AuditScore } from './framework.js';

/** Display rounding lives with the arithmetic; it is re-exported here because every score shown goes through it. */
export { roundScore } from './arithmetic.js';

/** One answer in an audit. `score: null` means the assessor marked the criterion not applicable. */
export interface AuditResponse {
  criterionKey: string;
  score: AuditScore | null;
}

export type CriterionAnswer = 'SCORED' | 'NOT_APPLICABLE' | 'UNANSWERED';

export interface CriterionScore {
  key: string;
  sectionKey: string;
  weight: number;
  highIsBad: boolean;
  critical: boolean;
  answer: CriterionAnswer;
  score: AuditScore | null;
  /** 0–100 where 100 is always good (already inverted for high-is-bad criteria); null unless scored. */
  points: number | null;
}

export interface SectionScore {
  key: string;
  title: string;
  weight: number;
  /** 0–100, or null when no criterion in the section was scored: an empty section is unknown, not failed. */
  score: number | null;
  answered: number;
  notApplicable: number;
  total: number;
}

/** A critical criterion answered at the bad end of the scale; it flags the audit whatever the overall score. */
export interface AuditFlag {
  criterionKey: string;
  sectionKey: string;
  score: AuditScore;
  points: number;
  message: string;
}

export interface AuditScores {
  frameworkKey: string;
  frameworkVersion: number;
  overall: number | null;
  sections: SectionScore[];
  criteria: CriterionScore[];
  /** Criteria given a 1–5 score. Not-applicable answers are counted apart, since they carry no weight. */
  answered: number;
  notApplicable: number;
  total: number;
  flags: AuditFlag[];
  flagged: boolean;
}

/**
 * A critical criterion flags the audit when its points are at most 25, i.e. on the two bad steps of the scale:
 * a score of 1 or 2 normally, 4 or 5 when a high score is bad. A 3 sits in the middle and does not flag.
 */
export const CRITICAL_FLAG_MAX_POINTS = 25;

/** Points on 0–100: a 1 is 0, each step adds 25, a 5 is 100; turned round when a high score describes a problem. */
export function criterionPoints(criterion: Pick<AuditCriterion, 'highIsBad'>, score: AuditScore): number {
  if (!isAuditScore(score))
    throw new RangeError(`An audit score must be a whole number from 1 to 5, not ${score}.`);
  const points = ((score - 1) / 4) * 100;
  return criterion.highIsBad ? 100 - points : points;
}

/**
 * Weighted section and overall scores. Inside a section, each scored criterion counts by its weight and
 * not-applicable or unanswered criteria drop out of the weights altogether, so they neither help nor hurt. The
 * overall score is the mean of the sections that have a score, by section weight. Responses for criteria that are
 * not in the framework are ignored; when a criterion is answered twice, the later answer counts.
 */
export function scoreAudit(framework: AuditFramework, responses: readonly AuditResponse[]): AuditScores {
  const byKey = new Map<string, AuditScore | null>();
  for (const response of responses) byKey.set(response.criterionKey, response.score);

  const criteria: CriterionScore[] = [];
  const sections: SectionScore[] = framework.sections.map((section) => {
    const scored = section.criteria.map((criterion) => scoreCriterion(section.key, criterion, byKey));
    criteria.push(...scored);
    const withPoints = scored.flatMap((c) =>
      c.points === null ? [] : [{ value: c.points, weight: c.weight }],
    );
    return {
      key: section.key,
      title: section.title,
      weight: section.weight,
      score: weightedMean(withPoints),
      answered: withPoints.length,
      notApplicable: scored.filter((c) => c.answer === 'NOT_APPLICABLE').length,
      total: scored.length,
    };
  });

  const overall = weightedMean(
    sections.flatMap((s) => (s.score === null ? [] : [{ value: s.score, weight: s.weight }])),
  );
  const flags = criticalFlags(framework, criteria);
  return {
    frameworkKey: framework.key,
    frameworkVersion: framework.version,
    overall,
    sections,
    criteria,
    answered: criteria.filter((c) => c.answer === 'SCORED').length,
    notApplicable: criteria.filter((c) => c.answer === 'NOT_APPLICABLE').length,
    total: criteria.length,
    flags,
    flagged: flags.length > 0,
  };
}

function scoreCriterion(
  sectionKey: string,
  criterion: AuditCriterion,
  responses: ReadonlyMap<string, AuditScore | null>,
): CriterionScore {
  const base = {
    key: criterion.key,
    sectionKey,
    weight: criterion.weight,
    highIsBad: criterion.highIsBad,
    critical: criterion.critical,
  };
  if (!responses.has(criterion.key)) return { ...base, answer: 'UNANSWERED', score: null, points: null };
  const score = responses.get(criterion.key) ?? null;
  if (score === null) return { ...base, answer: 'NOT_APPLICABLE', score: null, points: null };
  return { ...base, answer: 'SCORED', score, points: criterionPoints(criterion, score) };
}

function criticalFlags(framework: AuditFramework, criteria: readonly CriterionScore[]): AuditFlag[] {
  const prompts = new Map(
    framework.sections.flatMap((s) => s.criteria.map((c) => [c.key, c.prompt] as const)),
  );
  return criteria.flatMap((c) => {
    if (!c.critical || c.score === null || c.points === null || c.points > CRITICAL_FLAG_MAX_POINTS)
      return [];
    const label = framework.scale[c.score];
    const message = `Critical criterion scored ${c.score} (${label}): ${prompts.get(c.key) ?? c.key}`;
    return [{ criterionKey: c.key, sectionKey: c.sectionKey, score: c.score, points: c.points, message }];
  });
}
