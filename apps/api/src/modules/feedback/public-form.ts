import {
  SCALE_ENDS,
  SCORE_RANGES,
  check,
  feedbackResponseInput,
  fieldError,
  isDetractor,
  type FeedbackKind,
  type FieldError,
} from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import type { Payload } from '../../core/payloads.js';
import { notFound } from '../../core/user-errors.js';
import { clientOf } from '../clients/index.js';
import { queueWebhookEvent } from '../webhooks/index.js';
import { abuseLimits, invitationIdOf, issueChallenge, verifiedChallenge } from './abuse-limits.js';
import { FeedbackLinkEntity, type FeedbackLinkRow } from './entities.js';
import { addToMonthlyTotals } from './monthly-totals.js';
import { tellOfDetractor } from './detractor-news.js';

/**
 * The public side of a feedback link: the form's question with a fresh challenge, and the answer. Both run without
 * a viewer. The link's token is the only thing the caller brings: `feedback_link_tenant` (a SECURITY DEFINER function
 * over the global token directory, listed in core/tenancy/cross-tenant-statements.ts) says which consultancy it
 * belongs to, the request enters that tenant, and from there every statement names it as any other request's does.
 */

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** The link a public token names, with the request now inside its tenant; null for an unknown or odd token. */
async function linkOfToken(context: RequestContext, token: string): Promise<FeedbackLinkRow | null> {
  if (!TOKEN.test(token)) return null;
  const [row] = (await context.db.beforeTenant((db) =>
    db.query('SELECT feedback_link_tenant($1) AS tenant_id', [token]),
  )) as { tenant_id: string | null }[];
  const tenantId = row?.tenant_id;
  if (!tenantId) return null;
  const fence = context.db.fence;
  // A signed-in member asking about another consultancy's link, or a second link of another one in the same request.
  if (fence && (fence.tenantId !== tenantId || fence.clientId)) return null;
  if (!fence) await context.db.enterTenant({ tenantId, clientId: null });
  return context.db.read((db) => db.getRepository(FeedbackLinkEntity).findOneBy({ publicToken: token }));
}

export async function feedbackForm(context: RequestContext, token: string) {
  const link = await linkOfToken(context, token);
  if (!link?.active) return null;
  const client = await context.db.read((db) => clientOf(db, link.clientId));
  if (!client) return null;
  const { min, max } = SCORE_RANGES[link.kind];
  return {
    kind: link.kind,
    question: link.question,
    min,
    max,
    lowLabel: SCALE_ENDS[link.kind].low,
    highLabel: SCALE_ENDS[link.kind].high,
    clientName: client.name,
    challenge: await issueChallenge(context.settings.feedback, link.id),
  };
}

const refusedAnswer = (...userErrors: FieldError[]) => ({ received: false, userErrors });

export async function submitFeedback(
  context: RequestContext,
  input: {
    token: string;
    score: number;
    comment?: string | null;
    challenge: string;
    invitation?: string | null;
  },
): Promise<Payload<'SubmitFeedbackPayload'>> {
  const link = await linkOfToken(context, input.token);
  if (!link) return refusedAnswer(notFound('token', 'feedback link'));
  if (!link.active) {
    return refusedAnswer(fieldError('token', 'NOT_ALLOWED', 'This feedback form is closed.'));
  }
  const checked = check(feedbackResponseInput(link.kind), { score: input.score, comment: input.comment });
  if (!checked.ok) return refusedAnswer(...checked.errors);
  const settings = context.settings.feedback;
  const digest = await verifiedChallenge(settings, input.challenge, link.id);
  if (!digest) {
    return refusedAnswer(
      fieldError(
        'challenge',
        'INVALID',
        'The form’s check is missing, expired or unsolved. Reload the page and send again.',
      ),
    );
  }
  abuseLimits(settings).charge(link.id, context.clientAddress);
  return context.db.write(async (db) => {
    let invitationId: string | null = null;
    if (input.invitation) {
      const id = invitationIdOf(settings, db.tenantId, input.invitation);
      if (!id)
        return refusedAnswer(fieldError('invitation', 'INVALID', 'This invitation link is not valid.'));
      const used = (await db.query(
        `UPDATE feedback_invitations SET used_at = now()
          WHERE tenant_id = $1 AND id = $2 AND link_id = $3 AND used_at IS NULL AND expires_at > now()
          RETURNING id`,
        [db.tenantId, id, link.id],
      )) as [{ id: string }[], number];
      if (used[0].length === 0) {
        return refusedAnswer(
          fieldError('invitation', 'NOT_ALLOWED', 'This invitation has already been used, or has expired.'),
        );
      }
      invitationId = id;
    }
    const detractor = isDetractor(link.kind, checked.value.score);
    const inserted = (await db.query(
      `INSERT INTO feedback_responses
         (tenant_id, client_id, link_id, touch_point_id, kind, score, comment, detractor, invitation_id, challenge_digest)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (tenant_id, challenge_digest) DO NOTHING
       RETURNING id, received_at`,
      [
        db.tenantId,
        link.clientId,
        link.id,
        link.touchPointId,
        link.kind,
        checked.value.score,
        checked.value.comment,
        detractor,
        invitationId,
        digest,
      ],
    )) as { id: string; received_at: Date }[];
    const response = inserted[0];
    if (!response) {
      return refusedAnswer(
        fieldError(
          'challenge',
          'CONFLICT',
          'This form’s check was already used. Reload the page and send again.',
        ),
      );
    }
    await addToMonthlyTotals(db, link, [{ score: checked.value.score, receivedAt: response.received_at }]);
    await queueWebhookEvent(db, {
      tenantId: db.tenantId,
      type: 'FEEDBACK_RECEIVED',
      requestId: context.requestId,
      data: {
        feedbackResponseId: response.id,
        clientId: link.clientId,
        linkId: link.id,
        touchPointId: link.touchPointId,
        kind: link.kind satisfies FeedbackKind,
        score: checked.value.score,
        detractor,
        hasComment: checked.value.comment !== null,
        receivedAt: response.received_at.toISOString(),
      },
    });
    if (detractor) {
      await tellOfDetractor(db, context.settings, {
        clientId: link.clientId,
        touchPointId: link.touchPointId,
        kind: link.kind,
        score: checked.value.score,
        comment: checked.value.comment,
        receivedAt: response.received_at,
      });
    }
    return { received: true, userErrors: [] };
  });
}
