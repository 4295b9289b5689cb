import { isAuditScore, type AuditResponse } from '@csp/domain';
import type { AuditResponseInput } from '../generated/graphql';

/** One criterion's answer as the scoring form holds it. */
export interface Answer {
  score: number | null;
  notApplicable: boolean;
  evidence: string;
}

export type Answers = Record<string, Answer>;

export function answersFrom(
  responses: readonly {
    criterionKey: string;
    score: number | null;
    notApplicable: boolean;
    evidence: string | null;
  }[],
): Answers {
  return Object.fromEntries(
    responses.map((r) => [
      r.criterionKey,
      { score: r.score, notApplicable: r.notApplicable, evidence: r.evidence ?? '' },
    ]),
  );
}

/** The answers the shared `scoreAudit` counts: scored ones, and not-applicable ones as a null score. */
export function toScoringResponses(answers: Answers): AuditResponse[] {
  return Object.entries(answers).flatMap(([criterionKey, a]): AuditResponse[] => {
    if (a.notApplicable) return [{ criterionKey, score: null }];
    return isAuditScore(a.score) ? [{ criterionKey, score: a.score }] : [];
  });
}

/** The changed answers as the API's input; an answer with neither score nor N/A is not sent yet. */
export function toResponseInputs(answers: Answers, keys: Iterable<string>): AuditResponseInput[] {
  return [...keys].flatMap((criterionKey) => {
    const a = answers[criterionKey];
    if (!a || (!a.notApplicable && a.score === null)) return [];
    return [
      {
        criterionKey,
        score: a.notApplicable ? null : a.score,
        notApplicable: a.notApplicable,
        evidence: a.evidence.trim() || null,
      },
    ];
  });
}
