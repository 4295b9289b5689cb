import { fieldError, signOffRefusal } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
import { notFound } from '../../core/user-errors.js';
import { CharterVersionEntity, type CharterVersionRow } from './entities.js';
import { lockVersion } from './drafts.js';
import { queueWebhookEvent } from '../webhooks/index.js';
import { refused, type Payload } from '../../core/payloads.js';

/**
 * A client leader's sign-off. Row-level security shows a leader only their own client's published versions, so a
 * draft or another client's version is "not found" here like an id that does not exist.
 */
export async function signOffCharterVersion(
  context: RequestContext,
  { versionId }: { versionId: string },
): Promise<Payload<'CharterVersionPayload'>> {
  const viewer = requireActor(context.viewer);
  return context.db.write(async (db) => {
    const version = await lockVersion(db, versionId);
    if (!version) return refused('version', notFound('versionId', 'charter version'));
    const latest = await db.getRepository(CharterVersionEntity).findOne({
      select: { id: true, number: true },
      where: { charterId: version.charterId, status: 'PUBLISHED' },
      order: { number: 'DESC' },
    });
    const refusal = signOffRefusal({
      number: version.number,
      status: version.status,
      signedOff: version.signedOffAt !== null,
      latestPublishedNumber: latest?.number ?? null,
    });
    if (refusal) return refused('version', fieldError('versionId', 'NOT_ALLOWED', refusal));
    const signed: CharterVersionRow = { ...version, signedOffAt: new Date(), signedOffBy: viewer.memberId };
    await db
      .getRepository(CharterVersionEntity)
      .update({ id: version.id }, { signedOffAt: signed.signedOffAt, signedOffBy: signed.signedOffBy });
    await queueWebhookEvent(db, {
      tenantId: signed.tenantId,
      type: 'CHARTER_SIGNED_OFF',
      requestId: context.requestId,
      data: {
        charterId: signed.charterId,
        versionId: signed.id,
        clientId: signed.clientId,
        versionNumber: signed.number,
        signedOffBy: viewer.memberId,
        signedOffAt: signed.signedOffAt?.toISOString(),
      },
    });
    return { version: signed, userErrors: [] };
  });
}
