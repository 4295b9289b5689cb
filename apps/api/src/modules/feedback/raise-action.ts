import type { RequestContext } from '../../core/context.js';
import { loadParent, refused, type Payload } from '../../core/payloads.js';
import { createAction } from '../actions/index.js';
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
  return createAction(
    context,
    { ...action, clientId: response.value.clientId },
    { feedbackResponseId: response.value.id },
  );
}
