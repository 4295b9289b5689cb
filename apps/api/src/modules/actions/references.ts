import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { fieldError, type ActionInput, type FieldError } from '@csp/domain';
import { notFound } from '../../core/user-errors.js';
import { MemberEntity } from '../accounts/entities.js';

/** An action's owner is a consultant or admin of the consultancy, or a leader of the action's own client. */
export async function checkOwner(db: TenantDb, ownerId: string, clientId: string): Promise<FieldError[]> {
  const owner = await db.getRepository(MemberEntity).findOneBy({ id: ownerId });
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
  db: TenantDb,
  clientId: string,
  source: Pick<ActionInput, 'auditId' | 'criterionKey' | 'charterId' | 'promiseKey'>,
): Promise<FieldError[]> {
  if (source.auditId && source.criterionKey) {
    const rows: { client_id: string; has_criterion: boolean }[] = await db.query(
      `SELECT client_id, EXISTS (
                SELECT 1 FROM jsonb_array_elements(framework -> 'sections') s,
                              jsonb_array_elements(s -> 'criteria') c
                 WHERE c ->> 'key' = $2) AS has_criterion
         FROM audits WHERE tenant_id = $3 AND id = $1`,
      [source.auditId, source.criterionKey, db.tenantId],
    );
    const audit = rows[0];
    if (!audit || audit.client_id !== clientId) return [notFound('auditId', 'audit of this client')];
    if (!audit.has_criterion) {
      return [
        fieldError('criterionKey', 'NOT_FOUND', 'The audit’s framework has no criterion with this key.'),
      ];
    }
  }
  if (source.charterId && source.promiseKey) {
    const rows: { client_id: string; has_promise: boolean }[] = await db.query(
      `SELECT c.client_id, EXISTS (
                SELECT 1 FROM charter_versions v
                 WHERE v.tenant_id = c.tenant_id AND v.charter_id = c.id AND v.promises @> jsonb_build_array(jsonb_build_object('key', $2::text))
              ) AS has_promise
         FROM charters c WHERE c.tenant_id = $3 AND c.id = $1`,
      [source.charterId, source.promiseKey, db.tenantId],
    );
    const charter = rows[0];
    if (!charter || charter.client_id !== clientId) return [notFound('charterId', 'charter of this client')];
    if (!charter.has_promise) {
      return [fieldError('promiseKey', 'NOT_FOUND', 'The charter has no promise with this key.')];
    }
  }
  return [];
}
