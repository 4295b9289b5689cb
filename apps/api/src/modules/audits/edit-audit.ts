import { randomUUID } from 'node:crypto';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { auditInput, check, defaultAuditTitle, fieldError } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { lockById } from '../../core/row-lock.js';
import { requireActor } from '../../core/auth/viewer.js';
import { clientClosedToNewWork } from '../clients/index.js';
import { engagementOf } from '../engagements/index.js';
import { AuditEntity, type AuditRow } from './entities.js';
import { lookUpFramework } from './frameworks.js';
import { forgetAudit } from './loaders.js';
import { loadParent, refused, type Payload } from '../../core/payloads.js';

/** The answer to a stale `expectedRevision`: nothing is written, and the caller reloads. */
export const staleRevision = () =>
  fieldError(
    'expectedRevision',
    'CONFLICT',
    'This audit has changed since you loaded it. Reload it to see the changes, then try again.',
  );

/** Locks the audit for the rest of the mutation, so two edits with the same revision cannot both pass. */
export async function lockAudit(db: TenantDb, id: string): Promise<AuditRow | null> {
  return lockById(db, AuditEntity, id);
}

export async function createAudit(
  context: RequestContext,
  {
    clientId,
    engagementId,
    ...input
  }: { clientId: string; engagementId?: string | null } & Record<string, unknown>,
  today: string,
): Promise<Payload<'AuditPayload'>> {
  const checked = check(auditInput, input);
  if (!checked.ok) return refused('audit', ...checked.errors);
  const value = checked.value;
  const viewer = requireActor(context.viewer);
  return context.db.write(async (db) => {
    const closed = await clientClosedToNewWork(db, clientId);
    if (closed) return refused('audit', closed);
    if (engagementId !== null && engagementId !== undefined) {
      const found = await loadParent({ engagementId }, 'engagement', (id) => engagementOf(db, id));
      if (!found.ok) return refused('audit', ...found.errors);
      const engagement = found.value;
      if (engagement.clientId !== clientId) {
        return refused(
          'audit',
          fieldError('engagementId', 'INVALID', 'This engagement is for another client than the audit.'),
        );
      }
    }
    const framework = await lookUpFramework(db, value.frameworkKey, value.frameworkVersion);
    const definition = framework.definition;
    if (!definition) {
      return refused(
        'audit',
        framework.missing === 'key'
          ? fieldError('frameworkKey', 'NOT_FOUND', 'No framework has this key.')
          : fieldError('frameworkVersion', 'NOT_FOUND', 'This framework has no such version.'),
      );
    }
    const conductedOn = value.conductedOn ?? today;
    const now = new Date();
    const audit: AuditRow = {
      tenantId: viewer.tenantId,
      id: randomUUID(),
      clientId,
      engagementId: engagementId ?? null,
      frameworkKey: definition.key,
      frameworkVersion: definition.version,
      framework: definition,
      title: value.title ?? defaultAuditTitle(definition.name, conductedOn),
      status: 'DRAFT',
      conductedOn,
      revision: 1,
      createdBy: viewer.memberId,
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
      publishedAt: null,
      overallScore: null,
      sectionScores: null,
      flagged: null,
      benchmark: null,
    };
    await db.getRepository(AuditEntity).insert(audit);
    forgetAudit(context, audit);
    return { audit, userErrors: [] };
  });
}
