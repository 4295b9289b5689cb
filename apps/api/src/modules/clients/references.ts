import { fieldError, type FieldError } from '@csp/domain';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { isUuid, notFound } from '../../core/user-errors.js';
import { ClientEntity } from './entities.js';

/**
 * Why new work (an engagement, audit, charter draft or role profile) cannot start for this client, or null when
 * it can: the client must exist for the caller and not be archived.
 */
export async function clientClosedToNewWork(db: TenantDb, clientId: string): Promise<FieldError | null> {
  const client = isUuid(clientId) ? await db.getRepository(ClientEntity).findOneBy({ id: clientId }) : null;
  if (!client) return notFound('clientId', 'client');
  if (client.status === 'ARCHIVED') {
    return fieldError('clientId', 'NOT_ALLOWED', 'This client is archived. Reactivate it first.');
  }
  return null;
}
