import { randomUUID } from 'node:crypto';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { actionChanges, actionInput, check, fieldError, type FieldError } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { lockById } from '../../core/row-lock.js';
import { notFound } from '../../core/user-errors.js';
import { requireActor } from '../../core/auth/viewer.js';
import { clientOf } from '../clients/index.js';
import { ActionEntity, type ActionRow } from './entities.js';
import { checkOwner, checkSource } from './references.js';
import { queueWebhookEvent } from '../webhooks/index.js';
import { announceAction } from './action-news.js';
import { loadParent, refused, type Payload } from '../../core/payloads.js';

/**
 * `links` are set by the module that raises the action from its own record (a complaint, a complaint category),
 * after it has checked them; they are not part of the public input.
 */
export async function createAction(
  context: RequestContext,
  { clientId, ...input }: { clientId: string } & Record<string, unknown>,
  /** What other modules raise an action from, already checked by them (complaints; feedback: the answer). */
  links: {
    complaintId?: string | null;
    complaintCategoryId?: string | null;
    feedbackResponseId?: string | null;
  } = {},
): Promise<Payload<'ActionPayload'>> {
  const checked = check(actionInput, input);
  if (!checked.ok) return refused('action', ...checked.errors);
  const viewer = requireActor(context.viewer);
  const value = checked.value;
  return context.db.write(async (db) => {
    const client = await loadParent({ clientId }, 'client', (id) => clientOf(db, id));
    if (!client.ok) return refused('action', ...client.errors);
    const problems = [
      ...(await checkOwner(db, value.ownerId, clientId)),
      ...(await checkSource(context, db, clientId, value)),
    ];
    if (problems.length) return refused('action', ...problems);
    const now = new Date();
    const action: ActionRow = {
      tenantId: viewer.tenantId,
      id: randomUUID(),
      clientId,
      description: value.description,
      ownerId: value.ownerId,
      dueOn: value.dueOn ?? null,
      status: 'OPEN',
      priority: value.priority ?? 'MEDIUM',
      auditId: value.auditId ?? null,
      criterionKey: value.criterionKey ?? null,
      charterId: value.charterId ?? null,
      promiseKey: value.promiseKey ?? null,
      touchPointId: value.touchPointId ?? null,
      complaintId: links.complaintId ?? null,
      complaintCategoryId: links.complaintCategoryId ?? null,
      feedbackResponseId: links.feedbackResponseId ?? null,
      revision: 1,
      createdBy: viewer.memberId,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
    };
    await db.getRepository(ActionEntity).insert(action);
    await announceAction(db, context.settings, null, action, viewer.memberId);
    return { action, userErrors: [] };
  });
}

/** Locks the action and checks the revision the caller last saw, so two people editing it cannot overwrite each other. */
export async function lockForEdit(
  db: TenantDb,
  id: string,
  expectedRevision: number,
): Promise<ActionRow | FieldError> {
  const action = await lockById(db, ActionEntity, id);
  if (!action) return notFound('id', 'action');
  if (action.revision !== expectedRevision) {
    return fieldError(
      'expectedRevision',
      'CONFLICT',
      'This action changed since you loaded it. Reload it to see the change, then try again.',
    );
  }
  return action;
}

/** Writes the next state of an action: a new revision, and completion stamped when it becomes done. */
export async function saveAction(
  db: TenantDb,
  before: ActionRow,
  next: ActionRow,
  requestId: string,
): Promise<ActionRow> {
  const now = new Date();
  const saved: ActionRow = {
    ...next,
    revision: before.revision + 1,
    updatedAt: now,
    completedAt: next.status === 'DONE' ? (before.completedAt ?? now) : null,
  };
  const { tenantId: _t, id, clientId: _c, createdAt: _a, createdBy: _b, ...columns } = saved;
  await db.getRepository(ActionEntity).update({ id }, columns);
  if (saved.status !== before.status) {
    await queueWebhookEvent(db, {
      tenantId: saved.tenantId,
      type: 'ACTION_STATUS_CHANGED',
      requestId,
      data: {
        actionId: saved.id,
        clientId: saved.clientId,
        from: before.status,
        to: saved.status,
        changedAt: now.toISOString(),
      },
    });
  }
  return saved;
}

export async function updateAction(
  context: RequestContext,
  { id, expectedRevision, ...changes }: { id: string; expectedRevision: number } & Record<string, unknown>,
): Promise<Payload<'ActionPayload'>> {
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const checked = check(actionChanges, given);
  if (!checked.ok) return refused('action', ...checked.errors);
  const value = checked.value;
  return context.db.write(async (db) => {
    const action = await lockForEdit(db, id, expectedRevision);
    if (!('revision' in action)) return refused('action', action);
    if (value.ownerId) {
      const problems = await checkOwner(db, value.ownerId, action.clientId);
      if (problems.length) return refused('action', ...problems);
    }
    const next: ActionRow = {
      ...action,
      description: value.description ?? action.description,
      ownerId: value.ownerId ?? action.ownerId,
      dueOn: 'dueOn' in given ? (value.dueOn ?? null) : action.dueOn,
      priority: value.priority ?? action.priority,
      status: value.status ?? action.status,
    };
    const saved = await saveAction(db, action, next, context.requestId);
    await announceAction(db, context.settings, action, saved, requireActor(context.viewer).memberId);
    return { action: saved, userErrors: [] };
  });
}
