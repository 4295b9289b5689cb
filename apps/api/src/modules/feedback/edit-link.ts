import { randomBytes, randomUUID } from 'node:crypto';
import {
  DEFAULT_QUESTIONS,
  check,
  feedbackLinkChanges,
  feedbackLinkInput,
  type FeedbackKind,
} from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
import { refused, type Payload } from '../../core/payloads.js';
import { notFound } from '../../core/user-errors.js';
import { lockById } from '../../core/row-lock.js';
import { clientClosedToNewWork } from '../clients/index.js';
import { FeedbackLinkEntity, type FeedbackLinkRow } from './entities.js';
import { checkTouchPoint } from './references.js';

/** 144 random bits in the public address: not guessable, short enough for a printed card. */
function newPublicToken(): string {
  return randomBytes(18).toString('base64url');
}

export function publicUrlOf(context: RequestContext, link: FeedbackLinkRow): string {
  return `${context.settings.publicUrl}/feedback/${link.publicToken}`;
}

/** The page may be framed by any site (its own headers allow it, security-headers.ts); nothing else may. */
export function embedSnippetOf(context: RequestContext, link: FeedbackLinkRow): string {
  return `<iframe src="${publicUrlOf(context, link)}" title="Feedback form" width="100%" height="560" style="border:0" loading="lazy"></iframe>`;
}

export async function createFeedbackLink(
  context: RequestContext,
  input: { clientId: string; touchPointId?: string | null; kind: FeedbackKind; question?: string | null },
): Promise<Payload<'FeedbackLinkPayload'>> {
  const checked = check(feedbackLinkInput, {
    kind: input.kind,
    question: input.question ?? DEFAULT_QUESTIONS[input.kind],
  });
  if (!checked.ok) return refused('feedbackLink', ...checked.errors);
  const viewer = requireActor(context.viewer);
  return context.db.write(async (db) => {
    const closed = await clientClosedToNewWork(db, input.clientId);
    if (closed) return refused('feedbackLink', closed);
    const touchPoint = await checkTouchPoint(db, input.clientId, input.touchPointId);
    if (touchPoint) return refused('feedbackLink', touchPoint);
    const now = new Date();
    const link: FeedbackLinkRow = {
      tenantId: db.tenantId,
      id: randomUUID(),
      clientId: input.clientId,
      touchPointId: input.touchPointId ?? null,
      kind: checked.value.kind,
      question: checked.value.question,
      active: true,
      publicToken: newPublicToken(),
      createdBy: viewer.memberId,
      createdAt: now,
      updatedAt: now,
    };
    const [claim] = (await db.query('SELECT claim_feedback_token($1) AS claimed', [link.publicToken])) as {
      claimed: boolean | null;
    }[];
    // 144 random bits do not collide; should they, the request fails rather than share a token.
    if (!claim?.claimed) throw new Error('A new feedback token was already taken.');
    await db.getRepository(FeedbackLinkEntity).insert(link);
    return { feedbackLink: link, userErrors: [] };
  });
}

export async function updateFeedbackLink(
  context: RequestContext,
  { id, ...changes }: { id: string; question?: string | null; active?: boolean | null },
): Promise<Payload<'FeedbackLinkPayload'>> {
  const checked = check(feedbackLinkChanges, {
    question: changes.question ?? undefined,
    active: changes.active ?? undefined,
  });
  if (!checked.ok) return refused('feedbackLink', ...checked.errors);
  return context.db.write(async (db) => {
    const link = await lockById(db, FeedbackLinkEntity, id);
    if (!link) return refused('feedbackLink', notFound('id', 'feedback link'));
    const updated: FeedbackLinkRow = {
      ...link,
      question: checked.value.question ?? link.question,
      active: checked.value.active ?? link.active,
      updatedAt: new Date(),
    };
    await db
      .getRepository(FeedbackLinkEntity)
      .update(
        { id: link.id },
        { question: updated.question, active: updated.active, updatedAt: updated.updatedAt },
      );
    return { feedbackLink: updated, userErrors: [] };
  });
}
