import type { RequestContext } from '../../core/context.js';
import { serviceLevelById } from './loaders.js';
import { isUuid } from '../../core/user-errors.js';

/** Null for an unknown id, another consultancy's, and another client's for a leader or a fenced key alike. */
export async function findServiceLevel(context: RequestContext, id: string) {
  if (!isUuid(id)) return null;
  return serviceLevelById(context).load(id);
}
