import { randomUUID } from 'node:crypto';
import { fieldError, optionalText } from '@csp/domain';
import { z } from 'zod';
import { check } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
import { loadParent, refused, type Payload } from '../../core/payloads.js';
import { invitationToken } from './abuse-limits.js';
import { FeedbackInvitationEntity } from './entities.js';
import { publicUrlOf } from './edit-link.js';
import { feedbackLinkOf } from './references.js';

const DAY_MS = 86_400_000;
export const MAX_INVITATION_DAYS = 90;

const invitationInput = z.object({
  reference: optionalText('The reference', 120),
  validDays: z
    .number()
    .int(`Valid days must be a whole number from 1 to ${MAX_INVITATION_DAYS}.`)
    .min(1, `Valid days must be a whole number from 1 to ${MAX_INVITATION_DAYS}.`)
    .max(MAX_INVITATION_DAYS, `Valid days must be a whole number from 1 to ${MAX_INVITATION_DAYS}.`)
    .nullish()
    .transform((days) => days ?? 14),
});

/** A signed, single-use address to the link's form for one contact. */
export async function createFeedbackInvitation(
  context: RequestContext,
  input: { linkId: string; reference?: string | null; validDays?: number | null },
): Promise<Payload<'FeedbackInvitationPayload'>> {
  const checked = check(invitationInput, { reference: input.reference, validDays: input.validDays });
  if (!checked.ok) return refused(['url', 'expiresAt'], ...checked.errors);
  const viewer = requireActor(context.viewer);
  return context.db.write(async (db) => {
    const link = await loadParent({ linkId: input.linkId }, 'feedback link', (id) => feedbackLinkOf(db, id));
    if (!link.ok) return refused(['url', 'expiresAt'], ...link.errors);
    if (!link.value.active) {
      return refused(
        ['url', 'expiresAt'],
        fieldError(
          'linkId',
          'NOT_ALLOWED',
          'This link is turned off: turn it on before inviting anyone to it.',
        ),
      );
    }
    const now = new Date();
    const invitation = {
      tenantId: db.tenantId,
      id: randomUUID(),
      clientId: link.value.clientId,
      linkId: link.value.id,
      reference: checked.value.reference,
      expiresAt: new Date(now.getTime() + checked.value.validDays * DAY_MS),
      usedAt: null,
      createdBy: viewer.memberId,
      createdAt: now,
    };
    await db.getRepository(FeedbackInvitationEntity).insert(invitation);
    const token = invitationToken(context.settings.feedback, db.tenantId, invitation.id);
    return {
      url: `${publicUrlOf(context, link.value)}?invitation=${encodeURIComponent(token)}`,
      expiresAt: invitation.expiresAt,
      userErrors: [],
    };
  });
}
