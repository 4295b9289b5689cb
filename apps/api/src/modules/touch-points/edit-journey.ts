import { randomUUID } from 'node:crypto';
import type { JourneyChangeKind, JourneyChangeSide } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { isUuid } from '../../core/user-errors.js';
import {
  JourneyChangeEntity,
  JourneyStageEntity,
  TouchPointEntity,
  type CustomerJourneyRow,
} from './entities.js';

/**
 * Every change of a journey runs under its journey's row lock, so two editors' changes are made one after the
 * other: the second sees the first's positions and revision. The row is made on the client's first edit.
 * Returns null when the client is not one the caller may see (the foreign key to clients refuses the insert;
 * the caller checks the client first).
 */
export async function lockJourney(db: TenantDb, clientId: string): Promise<CustomerJourneyRow> {
  await db.query(
    `INSERT INTO customer_journeys (tenant_id, client_id) VALUES ($1, $2)
     ON CONFLICT (tenant_id, client_id) DO NOTHING`,
    [db.tenantId, clientId],
  );
  const rows: { revision: number; created_at: Date; updated_at: Date }[] = await db.query(
    `SELECT revision, created_at, updated_at FROM customer_journeys
      WHERE tenant_id = $1 AND client_id = $2 FOR UPDATE`,
    [db.tenantId, clientId],
  );
  const row = rows[0]!;
  return {
    tenantId: db.tenantId,
    clientId,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface Change {
  kind: JourneyChangeKind;
  stageId?: string | null;
  touchPointId?: string | null;
  before?: JourneyChangeSide | null;
  after?: JourneyChangeSide | null;
}

/** Moves the journey to its next revision and records what changed, in the same transaction as the change. */
export async function recordChanges(
  context: RequestContext,
  db: TenantDb,
  journey: CustomerJourneyRow,
  changes: Change[],
): Promise<CustomerJourneyRow> {
  const viewer = requireActor(context.viewer);
  const revision = journey.revision + 1;
  const now = new Date();
  await db.query(
    'UPDATE customer_journeys SET revision = $3, updated_at = $4 WHERE tenant_id = $1 AND client_id = $2',
    [db.tenantId, journey.clientId, revision, now],
  );
  if (changes.length) {
    await db.getRepository(JourneyChangeEntity).insert(
      // One revision may record several changes (a touch point added as a moment of truth); a millisecond apart,
      // they read back newest first in the order they were made.
      changes.map((change, index) => ({
        tenantId: db.tenantId,
        id: randomUUID(),
        clientId: journey.clientId,
        revision,
        kind: change.kind,
        stageId: change.stageId ?? null,
        touchPointId: change.touchPointId ?? null,
        before: change.before ?? null,
        after: change.after ?? null,
        changedBy: viewer.kind === 'member' ? viewer.memberId : null,
        changedAt: new Date(now.getTime() + index),
      })),
    );
  }
  return { ...journey, revision, updatedAt: now };
}

/** The live stage with this id, as far as the caller may see it; null for an archived, unknown or foreign id. */
export async function liveStageOf(db: TenantDb, id: string) {
  if (!isUuid(id)) return null;
  const stage = await db.getRepository(JourneyStageEntity).findOneBy({ id });
  return stage && !stage.archivedAt ? stage : null;
}

/** The live touch point with this id, as far as the caller may see it; null otherwise. */
export async function liveTouchPointOf(db: TenantDb, id: string) {
  if (!isUuid(id)) return null;
  const touchPoint = await db.getRepository(TouchPointEntity).findOneBy({ id });
  return touchPoint && !touchPoint.archivedAt ? touchPoint : null;
}

/** What the journey payloads answer besides the changed object. */
export function journeyOf(journey: CustomerJourneyRow) {
  return { clientId: journey.clientId, revision: journey.revision };
}
