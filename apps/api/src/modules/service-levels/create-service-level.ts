import { randomUUID } from 'node:crypto';
import { fieldError, periodContaining } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
import { refused, type Payload } from '../../core/payloads.js';
import { clientClosedToNewWork } from '../clients/index.js';
import type { ServiceLevelRow } from './entities.js';
import { checkDefinition, promiseToMeasure } from './references.js';
import { insertVersion } from './update-service-level.js';

/**
 * Turns the standard of a promise in the client's charter in force into a service level, with its first
 * definition version. One per promise of a client (the table's unique key); the first version is in force from
 * the start of the period now running, and also judges any history loaded later.
 */
export async function createServiceLevel(
  context: RequestContext,
  { clientId, promiseKey, definition }: { clientId: string; promiseKey: string; definition: unknown },
): Promise<Payload<'ServiceLevelPayload'>> {
  const checked = checkDefinition(definition);
  if (!checked.ok) return refused('serviceLevel', ...checked.errors);
  const value = checked.value;
  const viewer = requireActor(context.viewer);
  return context.db.write(async (db) => {
    const closed = await clientClosedToNewWork(db, clientId);
    if (closed) return refused('serviceLevel', closed);
    const measured = await promiseToMeasure(db, clientId, promiseKey);
    if ('field' in measured) return refused('serviceLevel', measured);
    const now = new Date();
    const serviceLevel: ServiceLevelRow = {
      tenantId: viewer.tenantId,
      id: randomUUID(),
      clientId,
      charterId: measured.charterId,
      promiseKey,
      name: value.name,
      revision: 1,
      inBreach: false,
      measuredUntil: null,
      createdBy: viewer.memberId,
      createdAt: now,
      updatedAt: now,
    };
    // Two people setting up the same promise at once: one insert wins, the other is told the promise is taken.
    const inserted: { id: string }[] = await db.query(
      `INSERT INTO service_levels (tenant_id, id, client_id, charter_id, promise_key, name, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
       ON CONFLICT (tenant_id, client_id, promise_key) DO NOTHING RETURNING id`,
      [
        db.tenantId,
        serviceLevel.id,
        clientId,
        measured.charterId,
        promiseKey,
        value.name,
        viewer.memberId,
        now,
      ],
    );
    if (inserted.length === 0) {
      return refused(
        'serviceLevel',
        fieldError(
          'promiseKey',
          'TAKEN',
          'This promise already has a service level: change that one instead.',
        ),
      );
    }
    await insertVersion(
      db,
      serviceLevel,
      1,
      value,
      periodContaining(now, value.period, value.timeZone).start,
      {
        memberId: viewer.memberId,
        at: now,
      },
    );
    return { serviceLevel, userErrors: [] };
  });
}
