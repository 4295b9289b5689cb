import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { CharterPromise } from '@csp/domain';
import { isUuid } from '../../core/user-errors.js';
import { CharterVersionEntity } from './entities.js';

export interface PublishedCharter {
  charterId: string;
  versionId: string;
  /** In the charter's order, each with its stable key. */
  promises: CharterPromise[];
}

/**
 * The version in force of a client's charter (its newest published version), for other modules that hold work up
 * against the client's promises, such as audits showing which promises were kept. Null when nothing is published.
 * Runs on the caller's fenced `db`, so it sees only what the caller may see.
 */
export async function publishedCharterOf(db: TenantDb, clientId: string): Promise<PublishedCharter | null> {
  if (!isUuid(clientId)) return null;
  const version = await db.getRepository(CharterVersionEntity).findOne({
    select: { id: true, charterId: true, promises: true },
    where: { clientId, status: 'PUBLISHED' },
    order: { number: 'DESC' },
  });
  return version ? { charterId: version.charterId, versionId: version.id, promises: version.promises } : null;
}
