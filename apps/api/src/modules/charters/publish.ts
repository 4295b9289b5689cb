import { canPublishVersion, publishReadiness } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
import { CharterVersionEntity, type CharterVersionRow } from './entities.js';
import { lockDraft } from './drafts.js';
import { draftOf } from './mappers.js';
import { queueWebhookEvent } from '../webhooks/index.js';
import { refused, type Payload } from '../../core/payloads.js';

/** Freezes a complete draft as the charter in force. What is still missing is answered field by field. */
export async function publishCharterVersion(
  context: RequestContext,
  input: { versionId: string; expectedRevision: number },
): Promise<Payload<'CharterVersionPayload'>> {
  const viewer = requireActor(context.viewer);
  return context.db.write(async (db) => {
    const found = await lockDraft(db, input.versionId, input.expectedRevision, canPublishVersion);
    if ('refusal' in found) return refused('version', found.refusal);
    const gaps = publishReadiness(draftOf(found.draft));
    if (gaps.length) return refused('version', ...gaps);
    const now = new Date();
    const version: CharterVersionRow = {
      ...found.draft,
      status: 'PUBLISHED',
      revision: found.draft.revision + 1,
      updatedAt: now,
      publishedAt: now,
      publishedBy: viewer.memberId,
    };
    await db.getRepository(CharterVersionEntity).update(
      { id: version.id },
      {
        status: version.status,
        revision: version.revision,
        updatedAt: now,
        publishedAt: now,
        publishedBy: viewer.memberId,
      },
    );
    await queueWebhookEvent(db, {
      tenantId: version.tenantId,
      type: 'CHARTER_PUBLISHED',
      requestId: context.requestId,
      data: {
        charterId: version.charterId,
        versionId: version.id,
        clientId: version.clientId,
        versionNumber: version.number,
        promiseCount: version.promises.length,
        publishedAt: now.toISOString(),
      },
    });
    return { version, userErrors: [] };
  });
}
