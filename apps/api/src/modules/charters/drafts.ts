import { randomUUID } from 'node:crypto';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import {
  canEditVersion,
  fieldError,
  nextDraftFrom,
  type CharterDraft,
  type CharterVersionStatus,
  type FieldError,
} from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { lockById } from '../../core/row-lock.js';
import { requireActor } from '../../core/auth/viewer.js';
import { notFound } from '../../core/user-errors.js';
import { clientClosedToNewWork } from '../clients/index.js';
import { CharterEntity, CharterVersionEntity, type CharterRow, type CharterVersionRow } from './entities.js';
import { draftOf } from './mappers.js';
import { refused, type Payload } from '../../core/payloads.js';

const EMPTY_CHARTER: CharterDraft = {
  purposeStatement: { purpose: '', why: '', everythingElse: '' },
  promises: [],
};

/**
 * Locks a version for the rest of the mutation and checks it may be changed by someone who loaded it at
 * `expectedRevision`. The lock makes two simultaneous edits queue: the second then sees the first one's revision
 * and is refused, instead of silently overwriting it.
 */
export async function lockDraft(
  db: TenantDb,
  versionId: string,
  expectedRevision: number,
  allowed: (status: CharterVersionStatus) => boolean,
): Promise<{ draft: CharterVersionRow } | { refusal: FieldError }> {
  const version = await lockVersion(db, versionId);
  if (!version) return { refusal: notFound('versionId', 'charter version') };
  if (!allowed(version.status)) {
    return {
      refusal: fieldError(
        'versionId',
        'NOT_ALLOWED',
        `Version ${version.number} is published and can no longer change; start a new draft to change the charter.`,
      ),
    };
  }
  if (version.revision !== expectedRevision) {
    return {
      refusal: fieldError(
        'expectedRevision',
        'CONFLICT',
        `This draft has changed since you loaded it (it is now at revision ${version.revision}); reload it and make your change again.`,
      ),
    };
  }
  return { draft: version };
}

export async function lockVersion(db: TenantDb, id: string): Promise<CharterVersionRow | null> {
  return lockById(db, CharterVersionEntity, id);
}

/** Writes the parts of a draft an edit may change, and moves its revision on by one. */
export async function saveDraft(
  db: TenantDb,
  draft: CharterVersionRow,
  changes: Partial<Pick<CharterVersionRow, 'purpose' | 'why' | 'everythingElse' | 'promises'>>,
): Promise<CharterVersionRow> {
  const next: CharterVersionRow = {
    ...draft,
    ...changes,
    revision: draft.revision + 1,
    updatedAt: new Date(),
  };
  await db.getRepository(CharterVersionEntity).update(
    { id: draft.id },
    {
      purpose: next.purpose,
      why: next.why,
      everythingElse: next.everythingElse,
      promises: next.promises,
      revision: next.revision,
      updatedAt: next.updatedAt,
    },
  );
  return next;
}

/**
 * The client's charter, created on first use, locked so that starting drafts for one client happens one at a time
 * (the next version number is read, then written).
 */
async function lockCharterOf(db: TenantDb, tenantId: string, clientId: string): Promise<CharterRow> {
  const charters = db.getRepository(CharterEntity);
  const existing = await charters.findOne({ where: { clientId }, lock: { mode: 'pessimistic_write' } });
  if (existing) return existing;
  // Two first drafts at once: one insert wins, the other does nothing and then waits for the winner's lock.
  await charters.insertOrIgnore({ tenantId, id: randomUUID(), clientId, createdAt: new Date() });
  return charters.findOneOrFail({ where: { clientId }, lock: { mode: 'pessimistic_write' } });
}

export async function startCharterDraft(
  context: RequestContext,
  { clientId }: { clientId: string },
): Promise<Payload<'CharterVersionPayload'>> {
  const viewer = requireActor(context.viewer);
  return context.db.write(async (db) => {
    const closed = await clientClosedToNewWork(db, clientId);
    if (closed) return refused('version', closed);
    const charter = await lockCharterOf(db, viewer.tenantId, clientId);
    const versions = await db
      .getRepository(CharterVersionEntity)
      .find({ where: { charterId: charter.id }, order: { number: 'DESC' } });
    const openDraft = versions.find((v) => v.status === 'DRAFT');
    if (openDraft) {
      return refused(
        'version',
        fieldError(
          'clientId',
          'NOT_ALLOWED',
          `Version ${openDraft.number} of this charter is already a draft; carry on with it, or discard it first.`,
        ),
      );
    }
    const published = versions.find((v) => v.status === 'PUBLISHED');
    const start = published ? nextDraftFrom(draftOf(published)) : EMPTY_CHARTER;
    const now = new Date();
    const version: CharterVersionRow = {
      tenantId: viewer.tenantId,
      id: randomUUID(),
      charterId: charter.id,
      clientId,
      number: (versions[0]?.number ?? 0) + 1,
      status: 'DRAFT',
      purpose: start.purposeStatement.purpose,
      why: start.purposeStatement.why,
      everythingElse: start.purposeStatement.everythingElse,
      promises: [...start.promises],
      revision: 1,
      createdBy: viewer.memberId,
      createdAt: now,
      updatedAt: now,
      publishedAt: null,
      publishedBy: null,
      signedOffAt: null,
      signedOffBy: null,
    };
    await db.getRepository(CharterVersionEntity).insert(version);
    return { version, userErrors: [] };
  });
}

export async function discardCharterDraft(
  context: RequestContext,
  input: { versionId: string; expectedRevision: number },
): Promise<{ discardedVersionId: string | null; userErrors: FieldError[] }> {
  return context.db.write(async (db) => {
    const found = await lockDraft(db, input.versionId, input.expectedRevision, canEditVersion);
    if ('refusal' in found) return refused('discardedVersionId', found.refusal);
    await db.getRepository(CharterVersionEntity).delete({ id: found.draft.id });
    return { discardedVersionId: found.draft.id, userErrors: [] };
  });
}
