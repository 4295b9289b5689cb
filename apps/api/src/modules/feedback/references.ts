import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { fieldError, type FieldError } from '@csp/domain';
import { touchPointOf } from '../touch-points/index.js';
import { isUuid, notFound } from '../../core/user-errors.js';
import {
  FeedbackLinkEntity,
  FeedbackResponseEntity,
  type FeedbackLinkRow,
  type FeedbackResponseRow,
} from './entities.js';

/** A feedback link of this tenant (and, for a fenced viewer, of its client), or null: the same for another's id. */
export async function feedbackLinkOf(db: TenantDb, id: string): Promise<FeedbackLinkRow | null> {
  return isUuid(id) ? db.getRepository(FeedbackLinkEntity).findOneBy({ id }) : null;
}

export async function feedbackResponseOf(db: TenantDb, id: string): Promise<FeedbackResponseRow | null> {
  return isUuid(id) ? db.getRepository(FeedbackResponseEntity).findOneBy({ id }) : null;
}

/**
 * Null when the touch point may be named (none, or a live one of this client's); otherwise the error for
 * `touchPointId`, the same for another client's or another tenant's id as for an unknown one.
 */
export async function checkTouchPoint(
  db: TenantDb,
  clientId: string,
  touchPointId: string | null | undefined,
): Promise<FieldError | null> {
  if (!touchPointId) return null;
  const touchPoint = await touchPointOf(db, clientId, touchPointId);
  if (!touchPoint) return notFound('touchPointId', 'touch point of this client');
  if (touchPoint.archivedAt) {
    return fieldError('touchPointId', 'NOT_ALLOWED', 'This touch point was removed from the journey.');
  }
  return null;
}
