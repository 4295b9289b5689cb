import { randomUUID } from 'node:crypto';
import { apiKeyInput, check, type FieldError } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { issueToken } from '../../core/auth/tokens.js';
import { requireActor } from '../../core/auth/viewer.js';
import { notFound } from '../../core/user-errors.js';
import { clientExists } from '../clients/index.js';
import { ApiKeyEntity, type ApiKeyRow } from './entities.js';
import { refused } from '../../core/payloads.js';

export async function createApiKey(
  context: RequestContext,
  input: Record<string, unknown>,
): Promise<{ apiKey: ApiKeyRow | null; secret: string | null; userErrors: FieldError[] }> {
  const checked = check(apiKeyInput, input);
  if (!checked.ok) return refused(['apiKey', 'secret'], ...checked.errors);
  const actor = requireActor(context.viewer);
  const { name, scopes, clientId, expiresAt } = checked.value;
  return context.db.write(async (db) => {
    if (clientId && !(await clientExists(db, clientId))) {
      return refused(['apiKey', 'secret'], notFound('clientId', 'client'));
    }
    const { token, hash } = issueToken('apiKey', actor.tenantId);
    const apiKey: ApiKeyRow = {
      tenantId: actor.tenantId,
      id: randomUUID(),
      name,
      hint: token.slice(-6),
      secretHash: hash,
      scopes: [...new Set(scopes)],
      clientId: clientId ?? null,
      createdBy: actor.memberId,
      createdAt: new Date(),
      expiresAt: expiresAt ?? null,
      revokedAt: null,
      lastUsedAt: null,
    };
    await db.getRepository(ApiKeyEntity).insert(apiKey);
    return { apiKey, secret: token, userErrors: [] };
  });
}
