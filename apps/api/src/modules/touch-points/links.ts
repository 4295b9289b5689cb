import { check, touchPointCriterionLink, fieldError, touchPointPromiseLink } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { refused, type Payload } from '../../core/payloads.js';
import { criterionOfClientAudits } from '../audits/index.js';
import { charterHasPromise, charterOfClient, publishedCharterOf } from '../charters/index.js';
import { editLive } from './edit-touch-points.js';

const FIELDS = ['touchPoint', 'journey'] as const;

/**
 * Links a promise to a touch point by the promise's key, as service levels hang on it: the key must be one some
 * version of the client's charter has (a draft's new promise too), so the link outlives new versions.
 */
export async function linkTouchPointPromise(
  context: RequestContext,
  { id, ...input }: { id: string; promiseKey: string },
): Promise<Payload<'TouchPointPayload'>> {
  const checked = check(touchPointPromiseLink, input);
  if (!checked.ok) return refused(FIELDS, ...checked.errors);
  const { promiseKey } = checked.value;
  return editLive(context, id, async (db, touchPoint) => {
    const charter = await charterOfClient(context, db, touchPoint.clientId);
    if (!charter || !(await charterHasPromise(context, db, charter.charterId, promiseKey))) {
      return {
        refusal: fieldError('promiseKey', 'NOT_FOUND', 'The client’s charter has no promise with this key.'),
      };
    }
    const inserted: unknown[] = await db.query(
      `INSERT INTO touch_point_promises (tenant_id, client_id, touch_point_id, charter_id, promise_key)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING promise_key`,
      [db.tenantId, touchPoint.clientId, id, charter.charterId, promiseKey],
    );
    if (!inserted.length) return { touchPoint, changes: [] };
    const inForce = await publishedCharterOf(db, touchPoint.clientId);
    const promiseTitle = inForce?.promises.find((p) => p.key === promiseKey)?.title ?? null;
    return {
      touchPoint,
      changes: [
        {
          kind: 'PROMISE_LINKED',
          touchPointId: id,
          after: { name: touchPoint.name, promiseKey, promiseTitle },
        },
      ],
    };
  });
}

export async function unlinkTouchPointPromise(
  context: RequestContext,
  { id, ...input }: { id: string; promiseKey: string },
): Promise<Payload<'TouchPointPayload'>> {
  const checked = check(touchPointPromiseLink, input);
  if (!checked.ok) return refused(FIELDS, ...checked.errors);
  const { promiseKey } = checked.value;
  return editLive(context, id, async (db, touchPoint) => {
    const removed: unknown[] = await db.query(
      `DELETE FROM touch_point_promises WHERE tenant_id = $1 AND touch_point_id = $2 AND promise_key = $3
       RETURNING promise_key`,
      [db.tenantId, id, promiseKey],
    );
    if (!removed.length) return { touchPoint, changes: [] };
    const inForce = await publishedCharterOf(db, touchPoint.clientId);
    const promiseTitle = inForce?.promises.find((p) => p.key === promiseKey)?.title ?? null;
    return {
      touchPoint,
      changes: [
        {
          kind: 'PROMISE_UNLINKED',
          touchPointId: id,
          after: { name: touchPoint.name, promiseKey, promiseTitle },
        },
      ],
    };
  });
}

/** Links an audit criterion that tests the touch point: of a framework the client's audits use, which has it. */
export async function linkTouchPointCriterion(
  context: RequestContext,
  { id, ...input }: { id: string; frameworkKey: string; criterionKey: string },
): Promise<Payload<'TouchPointPayload'>> {
  const checked = check(touchPointCriterionLink, input);
  if (!checked.ok) return refused(FIELDS, ...checked.errors);
  const { frameworkKey, criterionKey } = checked.value;
  return editLive(context, id, async (db, touchPoint) => {
    const found = await criterionOfClientAudits(context, db, touchPoint.clientId, frameworkKey, criterionKey);
    if (!found.usesFramework) {
      return {
        refusal: fieldError(
          'frameworkKey',
          'NOT_FOUND',
          'None of this client’s audits uses a framework with this key.',
        ),
      };
    }
    if (!found.hasCriterion) {
      return {
        refusal: fieldError(
          'criterionKey',
          'NOT_FOUND',
          'The client’s audits on this framework have no criterion with this key.',
        ),
      };
    }
    const inserted: unknown[] = await db.query(
      `INSERT INTO touch_point_criteria (tenant_id, client_id, touch_point_id, framework_key, criterion_key)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING criterion_key`,
      [db.tenantId, touchPoint.clientId, id, frameworkKey, criterionKey],
    );
    if (!inserted.length) return { touchPoint, changes: [] };
    return {
      touchPoint,
      changes: [
        {
          kind: 'CRITERION_LINKED',
          touchPointId: id,
          after: { name: touchPoint.name, frameworkKey, criterionKey },
        },
      ],
    };
  });
}

export async function unlinkTouchPointCriterion(
  context: RequestContext,
  { id, ...input }: { id: string; frameworkKey: string; criterionKey: string },
): Promise<Payload<'TouchPointPayload'>> {
  const checked = check(touchPointCriterionLink, input);
  if (!checked.ok) return refused(FIELDS, ...checked.errors);
  const { frameworkKey, criterionKey } = checked.value;
  return editLive(context, id, async (db, touchPoint) => {
    const removed: unknown[] = await db.query(
      `DELETE FROM touch_point_criteria
        WHERE tenant_id = $1 AND touch_point_id = $2 AND framework_key = $3 AND criterion_key = $4
       RETURNING criterion_key`,
      [db.tenantId, id, frameworkKey, criterionKey],
    );
    if (!removed.length) return { touchPoint, changes: [] };
    return {
      touchPoint,
      changes: [
        {
          kind: 'CRITERION_UNLINKED',
          touchPointId: id,
          after: { name: touchPoint.name, frameworkKey, criterionKey },
        },
      ],
    };
  });
}
