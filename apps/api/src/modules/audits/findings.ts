import {
  auditFindings,
  criterionImprovement,
  criterionPoints,
  isAuditScore,
  type AuditCriterion,
  type AuditFinding,
} from '@csp/domain';
import { requireActor } from '../../core/auth/viewer.js';
import type { RequestContext } from '../../core/context.js';
import { findAudit } from './queries.js';
import { liveScores } from './scores.js';

/** A low-scoring criterion of an audit, as an action raised from it refers to it (audit id + criterion key). */
export interface FindingForAction extends AuditFinding {
  auditId: string;
  frameworkKey: string;
}

/**
 * The findings of an audit worth an action, worst first: criteria answered on the bad end of their scale (see
 * `auditFindings`). Empty for an audit the viewer cannot see. The actions module, or the portal through it, uses
 * these to offer "raise an action" next to each finding.
 */
export async function findingsForActions(
  context: RequestContext,
  auditId: string,
): Promise<FindingForAction[]> {
  const audit = await findAudit(context, auditId);
  if (!audit) return [];
  const scores = await liveScores(context, audit);
  return auditFindings(audit.framework, scores).map((finding) => ({
    ...finding,
    auditId: audit.id,
    frameworkKey: audit.frameworkKey,
  }));
}

/** A finding something was raised from (an action), named by the caller's `key`. */
export interface FindingRef {
  key: string;
  auditId: string;
  criterionKey: string | null;
}

/** How a finding has moved since: its points on its audit, and on the next published audit of the same framework. */
export interface FindingProgress {
  key: string;
  auditId: string;
  criterionKey: string;
  criterionPrompt: string | null;
  /** The audit itself, when the caller may see it (row-level security); otherwise null. */
  visibleAuditId: string | null;
  reauditId: string | null;
  pointsBefore: number | null;
  pointsAfter: number | null;
  change: number | null;
  improved: boolean | null;
}

interface FindingRow {
  key: string;
  audit_id: string;
  criterion_key: string;
  source_id: string | null;
  source_framework: { sections: { criteria: AuditCriterion[] }[] } | null;
  score_before: number | null;
  reaudit_id: string | null;
  reaudit_framework: { sections: { criteria: AuditCriterion[] }[] } | null;
  score_after: number | null;
}

function pointsOf(
  framework: FindingRow['source_framework'],
  key: string,
  score: number | null,
): number | null {
  const criterion = framework?.sections.flatMap((s) => s.criteria).find((c) => c.key === key);
  return criterion && isAuditScore(score) ? criterionPoints(criterion, score) : null;
}

/**
 * For the DataLoader of actions raised from findings: each finding's criterion on the audit that raised it and on
 * the next published audit on the same framework for the same client, in one statement for all of them. Audits
 * the viewer may not see (RLS) simply come back empty.
 */
export async function findingsFollowedUp(
  context: RequestContext,
  findings: readonly FindingRef[],
): Promise<FindingProgress[]> {
  const rows: FindingRow[] = await context.db.read((db) =>
    db.query(
      `SELECT f.key, f.audit_id, f.criterion_key, src.id AS source_id, src.framework AS source_framework,
              r1.score AS score_before, nxt.id AS reaudit_id, nxt.framework AS reaudit_framework, r2.score AS score_after
         FROM unnest($2::text[], $3::uuid[], $4::text[]) AS f(key, audit_id, criterion_key)
         LEFT JOIN audits src ON src.tenant_id = $1 AND src.id = f.audit_id
         LEFT JOIN audit_responses r1
                ON r1.tenant_id = $1 AND r1.audit_id = src.id AND r1.criterion_key = f.criterion_key
         LEFT JOIN LATERAL (
                SELECT n.id, n.framework FROM audits n
                 WHERE n.tenant_id = src.tenant_id AND n.client_id = src.client_id
                   AND n.framework_key = src.framework_key AND n.status = 'PUBLISHED' AND n.id <> src.id
                   AND (n.conducted_on, n.created_at) > (src.conducted_on, src.created_at)
                 ORDER BY n.conducted_on, n.created_at LIMIT 1) nxt ON true
         LEFT JOIN audit_responses r2
                ON r2.tenant_id = $1 AND r2.audit_id = nxt.id AND r2.criterion_key = f.criterion_key`,
      [
        requireActor(context.viewer).tenantId,
        findings.map((f) => f.key),
        findings.map((f) => f.auditId),
        findings.map((f) => f.criterionKey),
      ],
    ),
  );
  return rows.map((row) => {
    const before = pointsOf(row.source_framework, row.criterion_key, row.score_before);
    const after = pointsOf(row.reaudit_framework, row.criterion_key, row.score_after);
    const prompt = row.source_framework?.sections
      .flatMap((s) => s.criteria)
      .find((c) => c.key === row.criterion_key)?.prompt;
    const { change, improved } = criterionImprovement(before, after);
    return {
      key: row.key,
      auditId: row.audit_id,
      criterionKey: row.criterion_key,
      criterionPrompt: prompt ?? null,
      visibleAuditId: row.source_id,
      reauditId: row.reaudit_id,
      pointsBefore: before,
      pointsAfter: after,
      change,
      improved,
    };
  });
}
