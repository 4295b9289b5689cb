import { randomUUID } from 'node:crypto';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { actionNoteInput, check, fieldError, ownActionUpdate } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
import { ActionEntity, ActionNoteEntity, type ActionRow } from './entities.js';
import { lockForEdit, saveAction } from './edit-action.js';
import { announceAction } from './action-news.js';
import { loadParent, refused, type Payload } from '../../core/payloads.js';

async function addNote(db: TenantDb, action: ActionRow, authorId: string, body: string) {
  await db.getRepository(ActionNoteEntity).insert({
    tenantId: action.tenantId,
    id: randomUUID(),
    clientId: action.clientId,
    actionId: action.id,
    authorId,
    body,
    createdAt: new Date(),
  });
}

/** Notes are a running log, not an edit of the action, so they need no revision and never conflict. */
export async function addActionNote(
  context: RequestContext,
  input: { actionId: string; body: string },
): Promise<Payload<'ActionPayload'>> {
  const checked = check(actionNoteInput, input.body);
  if (!checked.ok) return refused('action', ...checked.errors.map((e) => ({ ...e, field: 'body' })));
  const viewer = requireActor(context.viewer);
  return context.db.write(async (db) => {
    const found = await loadParent({ actionId: input.actionId }, 'action', (id) =>
      db.getRepository(ActionEntity).findOneBy({ id }),
    );
    if (!found.ok) return refused('action', ...found.errors);
    const action = found.value;
    await addNote(db, action, viewer.memberId, checked.value);
    return { action, userErrors: [] };
  });
}

/**
 * A client leader moves their own action along and may say why. Only its owner may: a leader sees all of their
 * organisation's actions, but changes only the ones assigned to them.
 */
export async function updateOwnAction(
  context: RequestContext,
  {
    id,
    expectedRevision,
    ...input
  }: { id: string; expectedRevision: number; status: string; note?: string | null },
): Promise<Payload<'ActionPayload'>> {
  const checked = check(ownActionUpdate, input);
  if (!checked.ok) return refused('action', ...checked.errors);
  const viewer = requireActor(context.viewer);
  return context.db.write(async (db) => {
    const action = await lockForEdit(db, id, expectedRevision);
    if (!('revision' in action)) return refused('action', action);
    if (action.ownerId !== viewer.memberId) {
      return refused(
        'action',
        fieldError('id', 'NOT_ALLOWED', 'Only the owner of this action can update it.'),
      );
    }
    const saved = await saveAction(
      db,
      action,
      { ...action, status: checked.value.status },
      context.requestId,
    );
    await announceAction(db, context.settings, action, saved, viewer.memberId);
    if (checked.value.note) await addNote(db, action, viewer.memberId, checked.value.note);
    return { action: saved, userErrors: [] };
  });
}
