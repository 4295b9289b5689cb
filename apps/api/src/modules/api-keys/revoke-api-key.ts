import type { RequestContext } from '../../core/context.js';
import { lockById } from '../../core/row-lock.js';
import { notFound } from '../../core/user-errors.js';
import { ApiKeyEntity } from './entities.js';
import { refused } from '../../core/payloads.js';

/** Revoking twice is harmless: the first revocation's time stands. */
export async function revokeApiKey(context: RequestContext, { id }: { id: string }) {
  return context.db.write(async (db) => {
    const repository = db.getRepository(ApiKeyEntity);
    const apiKey = await lockById(db, ApiKeyEntity, id);
    if (!apiKey) return refused('apiKey', notFound('id', 'API key'));
    apiKey.revokedAt ??= new Date();
    await repository.update({ id }, { revokedAt: apiKey.revokedAt });
    return { apiKey, userErrors: [] };
  });
}
