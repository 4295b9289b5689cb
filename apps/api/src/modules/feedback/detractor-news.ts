import { SCORE_RANGES, type FeedbackKind } from '@csp/domain';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { clientOf } from '../clients/index.js';
import { followersOfClient, notify, type EmailLinkSettings } from '../notifications/index.js';
import { touchPointOf } from '../touch-points/index.js';

/** The start of a comment in a digest's one line; the email quotes more, the portal all of it. */
const DIGEST_QUOTE = 120;

/**
 * Anyone with a public link can answer, so answers can come in a run: after one email about a client's unhappy
 * customers, a member gets the next ones of the following quarter hour in their digest, not one email each.
 */
const BURST_MINUTES = 15;

/**
 * An unhappy customer's answer: the client's followers hear of it in the answer's own transaction. The customer is
 * anonymous, so the email holds only what the feedback page shows: the score, the touch point and the comment.
 */
export async function tellOfDetractor(
  db: TenantDb,
  links: EmailLinkSettings,
  answer: {
    clientId: string;
    touchPointId: string | null;
    kind: FeedbackKind;
    score: number;
    comment: string | null;
    receivedAt: Date;
  },
): Promise<void> {
  const client = await clientOf(db, answer.clientId);
  if (!client) return;
  const touchPoint = answer.touchPointId ? await touchPointOf(db, client.id, answer.touchPointId) : null;
  const scoreOutOf = SCORE_RANGES[answer.kind].max;
  const where = touchPoint ? ` at ${touchPoint.name}` : '';
  const quote =
    answer.comment && answer.comment.length > DIGEST_QUOTE
      ? `${answer.comment.slice(0, DIGEST_QUOTE).trimEnd()}…`
      : answer.comment;
  await notify(
    db,
    links,
    await followersOfClient(db, client.id),
    {
      kind: 'DETRACTOR_FEEDBACK',
      clientId: client.id,
      clientName: client.name,
      forAudience: (audience) => {
        const url = touchPoint
          ? `${links.publicUrl}/touch-points/${touchPoint.id}`
          : audience === 'LEADER'
            ? `${links.publicUrl}/programme`
            : `${links.publicUrl}/clients/${client.id}`;
        return {
          data: {
            clientName: client.name,
            score: answer.score,
            scoreOutOf,
            touchPointName: touchPoint?.name ?? null,
            comment: answer.comment,
            receivedAt: answer.receivedAt.toISOString(),
            feedbackUrl: url,
          },
          digestLine: `A customer gave ${answer.score} out of ${scoreOutOf}${where}${quote ? `: “${quote}”` : ''}`,
          url,
        };
      },
    },
    { quietMinutes: BURST_MINUTES },
  );
}
