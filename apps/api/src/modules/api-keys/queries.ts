import type { RequestContext } from '../../core/context.js';
import { ApiKeyEntity } from './entities.js';

export async function listApiKeys(context: RequestContext) {
  return context.db.read((db) =>
    db.getRepository(ApiKeyEntity).find({ order: { createdAt: 'DESC', id: 'DESC' } }),
  );
}
