import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { CharterPromise } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
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

export interface PublishedPromises {
  clientId: string;
  charterId: string;
  promises: { key: string; title: string }[];
}

/**
 * The promises (key and title) of each client's charter in force, in one statement for all the clients: for the
 * DataLoaders of other modules. Clients with nothing published are left out.
 */
export async function publishedPromisesOfClients(
  context: RequestContext,
  clientIds: readonly string[],
): Promise<PublishedPromises[]> {
  const rows: { client_id: string; charter_id: string; promises: { key: string; title: string }[] }[] =
    await context.db.read((db) =>
      db.query(
        `SELECT DISTINCT ON (client_id) client_id, charter_id, promises
           FROM charter_versions
          WHERE tenant_id = $1 AND client_id = ANY($2::uuid[]) AND status = 'PUBLISHED'
          ORDER BY client_id, number DESC`,
        [requireActor(context.viewer).tenantId, [...clientIds]],
      ),
    );
  return rows.map((row) => ({
    clientId: row.client_id,
    charterId: row.charter_id,
    promises: row.promises.map((p) => ({ key: p.key, title: p.title })),
  }));
}

export interface PromiseRef {
  charterId: string;
  promiseKey: string;
}

/**
 * Each promise's title in the newest published version of its charter that still has it, in one statement for all
 * of them. Promises no published version has are left out.
 */
export async function publishedPromiseTitles(
  context: RequestContext,
  promises: readonly PromiseRef[],
): Promise<(PromiseRef & { title: string })[]> {
  const rows: { charter_id: string; promise_key: string; title: string }[] = await context.db.read((db) =>
    db.query(
      `SELECT DISTINCT ON (v.charter_id, p ->> 'key') v.charter_id, p ->> 'key' AS promise_key, p ->> 'title' AS title
         FROM unnest($2::uuid[], $3::text[]) AS wanted(charter_id, promise_key)
         JOIN charter_versions v ON v.tenant_id = $1 AND v.charter_id = wanted.charter_id AND v.status = 'PUBLISHED'
         CROSS JOIN LATERAL jsonb_array_elements(v.promises) p
        WHERE p ->> 'key' = wanted.promise_key
        ORDER BY v.charter_id, p ->> 'key', v.number DESC`,
      [
        requireActor(context.viewer).tenantId,
        promises.map((p) => p.charterId),
        promises.map((p) => p.promiseKey),
      ],
    ),
  );
  return rows.map((row) => ({ charterId: row.charter_id, promiseKey: row.promise_key, title: row.title }));
}
