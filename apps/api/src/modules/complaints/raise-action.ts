import type { RequestContext } from '../../core/context.js';
import { loadParent, refused, type Payload } from '../../core/payloads.js';
import { createAction } from '../actions/index.js';
import { complaintCategoryOf, complaintOf } from './references.js';

interface RaiseInput {
  description: string;
  ownerId: string;
  dueOn?: string | null;
  priority?: string | null;
}

/**
 * An action from a complaint, in one step: it follows up the promise the complaint broke (its charter and key) and
 * the complaint's touch point, and remembers the complaint. The action's own rules (owner, due date) are the
 * actions module's, through its `createAction`.
 */
export async function raiseComplaintAction(
  context: RequestContext,
  { complaintId, ...input }: { complaintId: string } & RaiseInput,
): Promise<Payload<'ActionPayload'>> {
  const complaint = await context.db.read(async (db) =>
    loadParent({ complaintId }, 'complaint', (id) => complaintOf(db, id)),
  );
  if (!complaint.ok) return refused('action', ...complaint.errors);
  const { clientId, charterId, promiseKey, touchPointId, id } = complaint.value;
  return createAction(
    context,
    { clientId, ...input, charterId, promiseKey, touchPointId },
    { complaintId: id },
  );
}

/** An action from a complaint category (a rising one, typically); it remembers the category. */
export async function raiseComplaintCategoryAction(
  context: RequestContext,
  { categoryId, ...input }: { categoryId: string } & RaiseInput,
): Promise<Payload<'ActionPayload'>> {
  const category = await context.db.read(async (db) =>
    loadParent({ categoryId }, 'complaint category', (id) => complaintCategoryOf(db, id)),
  );
  if (!category.ok) return refused('action', ...category.errors);
  return createAction(
    context,
    { clientId: category.value.clientId, ...input },
    {
      complaintCategoryId: category.value.id,
    },
  );
}
