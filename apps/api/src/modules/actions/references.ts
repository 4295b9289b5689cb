import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { RequestContext } from '../../core/context.js';
import { fieldError, type ActionInput, type FieldError } from '@csp/domain';
import { notFound } from '../../core/user-errors.js';
import { memberOf } from '../accounts/index.js';
import { criterionOfAudit } from '../audits/index.js';
import { promiseOfCharter } from '../charters/index.js';
import { touchPointOf } from '../touch-points/index.js';

/** An action's owner is a consultant or admin of the consultancy, or a leader of the action's own client. */
export async function checkOwner(db: TenantDb, ownerId: string, clientId: string): Promise<FieldError[]> {
  const owner = await memberOf(db, ownerId);
  if (!owner) return [fieldError('ownerId', 'NOT_FOUND', 'No member has this id.')];
  if (owner.role === 'CLIENT_LEADER' && owner.clientId !== clientId) {
    return [
      fieldError('ownerId', 'NOT_ALLOWED', 'A client leader can only own actions of their own organisation.'),
    ];
  }
  return [];
}

/**
 * A finding must be a criterion of an audit of the same client; a promise must be one the client's charter has
 * made (in any version, so an action can outlive a reworded charter).
 */
export async function checkSource(
  context: RequestContext,
  db: TenantDb,
  clientId: string,
  source: Pick<ActionInput, 'auditId' | 'criterionKey' | 'charterId' | 'promiseKey' | 'touchPointId'>,
): Promise<FieldError[]> {
  if (source.touchPointId) {
    const touchPoint = await touchPointOf(db, clientId, source.touchPointId);
    if (!touchPoint) return [notFound('touchPointId', 'touch point of this client')];
    if (touchPoint.archivedAt) {
      return [fieldError('touchPointId', 'NOT_ALLOWED', 'This touch point was removed from the journey.')];
    }
  }
  if (source.auditId && source.criterionKey) {
    const audit = await criterionOfAudit(context, db, source.auditId, source.criterionKey);
    if (!audit || audit.clientId !== clientId) return [notFound('auditId', 'audit of this client')];
    if (!audit.hasCriterion) {
      return [
        fieldError('criterionKey', 'NOT_FOUND', 'The audit’s framework has no criterion with this key.'),
      ];
    }
  }
  if (source.charterId && source.promiseKey) {
    const charter = await promiseOfCharter(context, db, source.charterId, source.promiseKey);
    if (!charter || charter.clientId !== clientId) return [notFound('charterId', 'charter of this client')];
    if (!charter.hasPromise) {
      return [fieldError('promiseKey', 'NOT_FOUND', 'The charter has no promise with this key.')];
    }
  }
  return [];
}
