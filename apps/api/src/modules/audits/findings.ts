import { auditFindings, type AuditFinding } from '@csp/domain';
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
