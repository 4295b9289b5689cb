import type { RequestContext } from '../../core/context.js';
import { loadParent, refused, type Payload } from '../../core/payloads.js';
import { createAction } from '../actions/index.js';
import { touchPointOf } from '../touch-points/index.js';
import { feedbackResponseOf } from './references.js';

/**
 * A customer's answer (usually a detractor's comment) made into an action in one step: the action is the client's,
 * remembers the answer, and goes through actions' own rules (owner, due date, priority) like any other.
 */
export async function raiseActionFromFeedback(
  context: RequestContext,
  { responseId, ...action }: { responseId: string } & Record<string, unknown>,
): Promise<Payload<'ActionPayload'>> {
  const response = await context.db.read((db) =>
    loadParent({ responseId }, 'feedback response', (id) => feedbackResponseOf(db, id)),
  );
  if (!response.ok) return refused('action', ...response.errors);
  const { clientId, touchPointId } = response.value;
  // The action follows the answer's touch point while it is on the journey; an archived one takes no new actions.
  const live = touchPointId
    ? await context.db.read(
        async (db) => (await touchPointOf(db, clientId, touchPointId))?.archivedAt === null,
      )
    : false;
  return createAction(
    context,
    { ...action, clientId, ...(live ? { touchPointId } : {}) },
    { feedbackResponseId: response.value.id },
  );
}
