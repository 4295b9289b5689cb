import {
  auditResponsesToSave,
  canEditAuditResponses,
  check,
  fieldError,
  frameworkCriteria,
  toAuditResponse,
  type AuditResponse,
  type AuditScore,
  type FieldError,
} from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
import { notFound } from '../../core/user-errors.js';
import { AuditEntity, AuditResponseEntity, type AuditResponseRow, type AuditRow } from './entities.js';
import { lockAudit, staleRevision } from './edit-audit.js';
import { forgetAudit } from './loaders.js';
import { refused, type Payload } from '../../core/payloads.js';

/** Stored responses as the scoring rules read them: not applicable is a null score. */
export function scoringResponses(rows: readonly AuditResponseRow[]): AuditResponse[] {
  return rows.map((row) => ({
    criterionKey: row.criterionKey,
    score: row.notApplicable ? null : (row.score as AuditScore | null),
  }));
}

interface SaveInput {
  auditId: string;
  expectedRevision: number;
}

/** Several responses at once; errors name `responses.<index>.<field>`. */
export function saveAuditResponses(
  context: RequestContext,
  { responses, ...input }: SaveInput & { responses: unknown[] },
): Promise<Payload<'AuditPayload'>> {
  return save(context, input, responses, (path) => (path ? `responses.${path}` : 'responses'));
}

/** One response; errors name `response.<field>`. */
export function saveAuditResponse(
  context: RequestContext,
  { response, ...input }: SaveInput & { response: unknown },
): Promise<Payload<'AuditPayload'>> {
  return save(context, input, [response], (path) => `response${path.replace(/^0/, '')}`);
}

/**
 * Each response replaces that criterion's earlier one. The first save of a draft moves it to IN_PROGRESS: an audit
 * with evidence recorded is no longer being set up, and the move needs no separate step.
 */
async function save(
  context: RequestContext,
  { auditId, expectedRevision }: SaveInput,
  responses: unknown[],
  field: (path: string) => string,
): Promise<Payload<'AuditPayload'>> {
  const checked = check(auditResponsesToSave, responses);
  if (!checked.ok) return refused('audit', ...checked.errors.map((e) => ({ ...e, field: field(e.field) })));
  const viewer = requireActor(context.viewer);
  return context.db.write(async (db) => {
    const audit = await lockAudit(db, auditId);
    if (!audit) return refused('audit', notFound('auditId', 'audit'));
    if (audit.revision !== expectedRevision) return refused('audit', staleRevision());
    if (!canEditAuditResponses(audit.status)) return refused('audit', closedFor(audit));
    const known = new Set(frameworkCriteria(audit.framework).map(({ criterion }) => criterion.key));
    const unknown: FieldError[] = checked.value.flatMap((response, index) =>
      known.has(response.criterionKey)
        ? []
        : [
            fieldError(
              field(`${index}.criterionKey`),
              'NOT_FOUND',
              `The framework of this audit has no criterion "${response.criterionKey}".`,
            ),
          ],
    );
    if (unknown.length) return refused('audit', ...unknown);

    const now = new Date();
    const rows: AuditResponseRow[] = checked.value.map((response) => ({
      tenantId: audit.tenantId,
      auditId: audit.id,
      clientId: audit.clientId,
      criterionKey: response.criterionKey,
      score: toAuditResponse(response).score,
      notApplicable: response.notApplicable,
      evidence: response.evidence,
      note: response.note,
      internal: response.internal,
      updatedAt: now,
      updatedBy: viewer.memberId,
    }));
    await db.getRepository(AuditResponseEntity).upsert(rows, ['tenantId', 'auditId', 'criterionKey']);
    const next: AuditRow = {
      ...audit,
      status: audit.status === 'DRAFT' ? 'IN_PROGRESS' : audit.status,
      revision: audit.revision + 1,
      updatedAt: now,
    };
    await db
      .getRepository(AuditEntity)
      .update({ id: audit.id }, { status: next.status, revision: next.revision, updatedAt: now });
    forgetAudit(context, audit);
    return { audit: next, userErrors: [] };
  });
}

function closedFor(audit: AuditRow): FieldError {
  const message =
    audit.status === 'PUBLISHED'
      ? 'This audit is published and final; record corrections in the next audit.'
      : 'This audit has been submitted. Move it back to in progress to change its responses.';
  return fieldError('auditId', 'NOT_ALLOWED', message);
}
