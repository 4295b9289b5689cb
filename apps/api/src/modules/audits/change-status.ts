import {
  auditSubmitGaps,
  canMoveAudit,
  explainRefusedAuditMove,
  fieldError,
  scoreAudit,
  type AuditStatus,
} from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { notFound } from '../../core/user-errors.js';
import { AuditEntity, AuditResponseEntity, type AuditRow } from './entities.js';
import { lockAudit, staleRevision } from './edit-audit.js';
import { freezeBenchmark } from './benchmarks.js';
import { forgetAudit } from './loaders.js';
import { scoringResponses } from './responses.js';
import { queueWebhookEvent } from '../webhooks/index.js';
import { refused, type Payload } from '../../core/payloads.js';

/**
 * Moves an audit along its lifecycle. Submitting needs every criterion answered (`auditSubmitGaps`); reopening a
 * submitted audit clears its submission time; publishing stores the scores as they stand, which is what history and
 * other audits' benchmarks read (responses cannot change after submission, so they never disagree), and freezes this
 * audit's own benchmark as it stands at that moment.
 */
export async function changeAuditStatus(
  context: RequestContext,
  input: { auditId: string; expectedRevision: number; status: AuditStatus },
): Promise<Payload<'AuditPayload'>> {
  return context.db.write(async (db) => {
    const audit = await lockAudit(db, input.auditId);
    if (!audit) return refused('audit', notFound('auditId', 'audit'));
    if (audit.revision !== input.expectedRevision) return refused('audit', staleRevision());
    if (!canMoveAudit(audit.status, input.status)) {
      return refused(
        'audit',
        fieldError('status', 'NOT_ALLOWED', explainRefusedAuditMove(audit.status, input.status)),
      );
    }
    const now = new Date();
    const next: AuditRow = { ...audit, status: input.status, revision: audit.revision + 1, updatedAt: now };
    if (input.status === 'SUBMITTED' || input.status === 'PUBLISHED') {
      const rows = await db.getRepository(AuditResponseEntity).findBy({ auditId: audit.id });
      const responses = scoringResponses(rows);
      if (input.status === 'SUBMITTED') {
        const gaps = auditSubmitGaps(audit.framework, responses);
        if (gaps.length) return refused('audit', ...gaps);
        next.submittedAt = now;
      } else {
        const scores = scoreAudit(audit.framework, responses);
        next.publishedAt = now;
        next.overallScore = scores.overall;
        next.sectionScores = scores.sections.map(({ key, score }) => ({ key, score }));
        next.flagged = scores.flagged;
        next.benchmark = await freezeBenchmark(db, audit, now);
      }
    } else if (audit.status === 'SUBMITTED') {
      next.submittedAt = null;
    }
    const { tenantId: _t, id: _i, clientId: _c, framework: _f, createdAt: _a, ...columns } = next;
    await db.getRepository(AuditEntity).update({ id: audit.id }, columns);
    forgetAudit(context, audit);
    if (next.status === 'PUBLISHED') {
      await queueWebhookEvent(db, {
        tenantId: next.tenantId,
        type: 'AUDIT_PUBLISHED',
        requestId: context.requestId,
        data: {
          auditId: next.id,
          clientId: next.clientId,
          engagementId: next.engagementId,
          title: next.title,
          framework: next.frameworkKey,
          conductedOn: next.conductedOn,
          overallScore: next.overallScore,
          publishedAt: next.publishedAt?.toISOString(),
        },
      });
    }
    return { audit: next, userErrors: [] };
  });
}
