import { canMoveEngagement, explainRefusedMove, fieldError, type EngagementStatus } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { notFound } from '../../core/user-errors.js';
import { EngagementEntity } from './entities.js';
import { queueWebhookEvent } from '../webhooks/index.js';
import { lockEngagement } from './edit-engagement.js';
import { refused, type Payload } from '../../core/payloads.js';

export async function changeEngagementStatus(
  context: RequestContext,
  input: { id: string; status: EngagementStatus },
): Promise<Payload<'EngagementPayload'>> {
  return context.db.write(async (db) => {
    const engagement = await lockEngagement(db, input.id);
    if (!engagement) return refused('engagement', notFound('id', 'engagement'));
    if (!canMoveEngagement(engagement.status, input.status)) {
      return refused(
        'engagement',
        fieldError('status', 'NOT_ALLOWED', explainRefusedMove(engagement.status, input.status)),
      );
    }
    const next = { ...engagement, status: input.status, updatedAt: new Date() };
    await db
      .getRepository(EngagementEntity)
      .update({ id: engagement.id }, { status: next.status, updatedAt: next.updatedAt });
    await queueWebhookEvent(db, {
      tenantId: next.tenantId,
      type: 'ENGAGEMENT_STATUS_CHANGED',
      requestId: context.requestId,
      data: {
        engagementId: next.id,
        clientId: next.clientId,
        from: engagement.status,
        to: next.status,
        changedAt: next.updatedAt.toISOString(),
      },
    });
    return { engagement: next, userErrors: [] };
  });
}
