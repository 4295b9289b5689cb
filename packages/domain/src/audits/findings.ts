import { CRITICAL_FLAG_MAX_POINTS, type AuditScores } from './scoring.js';
import type { AuditFramework } from './framework.js';

/** A criterion answered on the bad end of its scale: something worth an action. */
export interface AuditFinding {
  criterionKey: string;
  sectionKey: string;
  prompt: string;
  score: number;
  /** 0–100 with 100 always good, so a finding is comparable whether or not its criterion is inverted. */
  points: number;
  critical: boolean;
}

/**
 * The criteria an audit found wanting, worst first (critical ones first among equals). The bar is the one that
 * flags a critical criterion, the two bad steps of the scale, so a 3 ("sometimes") is not treated as a finding.
 */
export function auditFindings(framework: AuditFramework, scores: AuditScores): AuditFinding[] {
  const prompts = new Map(
    framework.sections.flatMap((s) => s.criteria.map((c) => [c.key, c.prompt] as const)),
  );
  return scores.criteria
    .flatMap((c) =>
      c.score !== null && c.points !== null && c.points <= CRITICAL_FLAG_MAX_POINTS
        ? [
            {
              criterionKey: c.key,
              sectionKey: c.sectionKey,
              prompt: prompts.get(c.key) ?? c.key,
              score: c.score,
              points: c.points,
              critical: c.critical,
            },
          ]
        : [],
    )
    .sort((a, b) => a.points - b.points || Number(b.critical) - Number(a.critical));
}
