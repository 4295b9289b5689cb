import type { RequestContext } from '../../core/context.js';
import { isUuid } from '../../core/user-errors.js';
import { touchPointById } from './loaders.js';

/** Null for an unknown id, another consultancy's, and another client's for a leader or a fenced key alike. */
export async function findTouchPoint(context: RequestContext, id: string) {
  if (!isUuid(id)) return null;
  return touchPointById(context).load(id);
}
