import type { AuditFramework } from './framework.js';
import type { AuditResponse } from './scoring.js';
import { fieldError, type FieldError } from '../validation/field-errors.js';

export const AUDIT_STATUSES = ['DRAFT', 'IN_PROGRESS', 'SUBMITTED', 'PUBLISHED'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

/**
 * Draft while it is being set up, in progress while evidence is gathered, submitted for review, then published
 * to the client. A submitted audit may be reopened if the review finds gaps; a published one is final, because
 * the client has seen it and later audits are compared with it. Corrections go into the next audit.
 */
const TRANSITIONS: Record<AuditStatus, readonly AuditStatus[]> = {
  DRAFT: ['IN_PROGRESS'],
  IN_PROGRESS: ['SUBMITTED'],
  SUBMITTED: ['PUBLISHED', 'IN_PROGRESS'],
  PUBLISHED: [],
};

export const AUDIT_STATUS_LABELS: Record<AuditStatus, string> = {
  DRAFT: 'Draft',
  IN_PROGRESS: 'In progress',
  SUBMITTED: 'Submitted',
  PUBLISHED: 'Published',
};

export function nextAuditStatuses(from: AuditStatus): readonly AuditStatus[] {
  return TRANSITIONS[from];
}

export function canMoveAudit(from: AuditStatus, to: AuditStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isAuditFinal(status: AuditStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** Responses change only before submission; reopening a submitted audit is how a reviewer asks for changes. */
export function canEditAuditResponses(status: AuditStatus): boolean {
  return status === 'DRAFT' || status === 'IN_PROGRESS';
}

/** Client leaders see an audit only once it is published, never a draft or one still under review. */
export function isAuditVisibleToClient(status: AuditStatus): boolean {
  return status === 'PUBLISHED';
}

/** Why a move is refused, in words a consultant can act on. */
export function explainRefusedAuditMove(from: AuditStatus, to: AuditStatus): string {
  const label = (status: AuditStatus) => AUDIT_STATUS_LABELS[status].toLowerCase();
  if (from === to) return `The audit is already ${label(from)}.`;
  if (from === 'PUBLISHED') {
    return 'A published audit is final and cannot change status; record corrections in the next audit.';
  }
  const options = TRANSITIONS[from].map(label).join(' or ');
  const article = from === 'IN_PROGRESS' ? 'An' : 'A';
  return `${article} ${label(from)} audit can only become ${options}, not ${label(to)}.`;
}

/**
 * What must be true before an audit is submitted: every criterion has an answer (a score or "not applicable", so a
 * skipped criterion is a decision, not an oversight), and at least one is scored, or there is nothing to report.
 */
export function auditSubmitGaps(
  framework: AuditFramework,
  responses: readonly AuditResponse[],
): FieldError[] {
  const answered = new Map(responses.map((r) => [r.criterionKey, r.score]));
  const errors: FieldError[] = framework.sections.flatMap((section) =>
    section.criteria
      .filter((criterion) => !answered.has(criterion.key))
      .map((criterion) =>
        fieldError(
          `responses.${criterion.key}`,
          'REQUIRED',
          `Score "${criterion.prompt}" or mark it not applicable.`,
        ),
      ),
  );
  const keys = new Set(framework.sections.flatMap((s) => s.criteria.map((c) => c.key)));
  const anyScored = [...answered].some(([key, score]) => keys.has(key) && score !== null);
  if (errors.length === 0 && !anyScored) {
    errors.push(
      fieldError('responses', 'REQUIRED', 'Score at least one criterion; all are marked not applicable.'),
    );
  }
  return errors;
}
