import { randomUUID } from 'node:crypto';
import { check, complaintCategoryInput, fieldError, type FieldError } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
import { loadParent, refused, type Payload } from '../../core/payloads.js';
import { lockById } from '../../core/row-lock.js';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { notFound } from '../../core/user-errors.js';
import { complaintCategoryHasActions } from '../actions/index.js';
import { clientOf } from '../clients/index.js';
import { ComplaintCategoryEntity, type ComplaintCategoryRow } from './entities.js';

type CategoryPayload = Payload<'ComplaintCategoryPayload'>;

/** A live category of the client already has this name (case aside)? Then the name is taken. */
async function nameTaken(
  db: TenantDb,
  clientId: string,
  name: string,
  except?: string,
): Promise<FieldError | null> {
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM complaint_categories
      WHERE tenant_id = $1 AND client_id = $2 AND archived_at IS NULL AND lower(name) = lower($3)`,
    [db.tenantId, clientId, name],
  );
  return rows.some((row) => row.id !== except)
    ? fieldError('name', 'TAKEN', 'The client’s list already has a category with this name.')
    : null;
}

export async function createComplaintCategory(
  context: RequestContext,
  { clientId, ...input }: { clientId: string } & Record<string, unknown>,
): Promise<CategoryPayload> {
  const checked = check(complaintCategoryInput, input);
  if (!checked.ok) return refused('complaintCategory', ...checked.errors);
  const actor = requireActor(context.viewer);
  return context.db.write(async (db) => {
    const client = await loadParent({ clientId }, 'client', (id) => clientOf(db, id));
    if (!client.ok) return refused('complaintCategory', ...client.errors);
    const taken = await nameTaken(db, clientId, checked.value.name);
    if (taken) return refused('complaintCategory', taken);
    const now = new Date();
    const category: ComplaintCategoryRow = {
      tenantId: actor.tenantId,
      id: randomUUID(),
      clientId,
      name: checked.value.name,
      description: checked.value.description,
      archivedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await db.getRepository(ComplaintCategoryEntity).insert(category);
    return { complaintCategory: category, userErrors: [] };
  });
}

export async function updateComplaintCategory(
  context: RequestContext,
  { id, ...input }: { id: string } & Record<string, unknown>,
): Promise<CategoryPayload> {
  const checked = check(complaintCategoryInput, input);
  if (!checked.ok) return refused('complaintCategory', ...checked.errors);
  return context.db.write(async (db) => {
    const category = await lockById(db, ComplaintCategoryEntity, id);
    if (!category) return refused('complaintCategory', notFound('id', 'complaint category'));
    if (category.archivedAt) {
      return refused(
        'complaintCategory',
        fieldError('id', 'NOT_ALLOWED', 'This category was removed from the client’s list.'),
      );
    }
    const taken = await nameTaken(db, category.clientId, checked.value.name, category.id);
    if (taken) return refused('complaintCategory', taken);
    const next = { ...category, ...checked.value, updatedAt: new Date() };
    await db
      .getRepository(ComplaintCategoryEntity)
      .update({ id }, { name: next.name, description: next.description, updatedAt: next.updatedAt });
    return { complaintCategory: next, userErrors: [] };
  });
}

/** Deletes a category nothing points at; archives one that complaints or actions point at. */
export async function removeComplaintCategory(
  context: RequestContext,
  { id }: { id: string },
): Promise<Payload<'RemoveComplaintCategoryPayload'>> {
  return context.db.write(async (db) => {
    const category = await lockById(db, ComplaintCategoryEntity, id);
    if (!category || category.archivedAt) {
      return {
        ...refused('removedComplaintCategoryId', notFound('id', 'complaint category')),
        archived: null,
      };
    }
    const logged: { used: boolean }[] = await db.query(
      `SELECT EXISTS (SELECT 1 FROM complaints WHERE tenant_id = $1 AND category_id = $2) AS used`,
      [db.tenantId, id],
    );
    // The actions table is the actions module's: it answers for its own rows.
    const archived = logged[0]?.used === true || (await complaintCategoryHasActions(db, id));
    if (archived) {
      await db
        .getRepository(ComplaintCategoryEntity)
        .update({ id }, { archivedAt: new Date(), updatedAt: new Date() });
    } else {
      await db.getRepository(ComplaintCategoryEntity).delete({ id });
    }
    return { removedComplaintCategoryId: id, archived, userErrors: [] };
  });
}
