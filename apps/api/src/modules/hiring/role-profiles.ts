import { randomUUID } from 'node:crypto';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import {
  check,
  criterionKeyFor,
  fieldError,
  roleProfileForm,
  type FieldError,
  type RoleProfileForm,
} from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { lockById } from '../../core/row-lock.js';
import { requireActor } from '../../core/auth/viewer.js';
import { isUuid, notFound } from '../../core/user-errors.js';
import { clientClosedToNewWork } from '../clients/index.js';
import {
  HiringCriterionEntity,
  RoleProfileEntity,
  type HiringCriterionRow,
  type RoleProfileRow,
} from './entities.js';
import { criteriaOfProfile, roleProfileById } from './loaders.js';
import { refused, type Payload } from '../../core/payloads.js';

/** The criterion fields as GraphQL delivers them: `id` is the API's business, the rest is the domain's form. */
interface CriterionArgs {
  id?: string | null;
  mustHave?: boolean | null;
  [field: string]: unknown;
}

interface ProfileArgs {
  title: string;
  summary?: string | null;
  criteria: readonly CriterionArgs[];
}

const OTHER_PROFILE_CRITERION = 'criterion of this role profile';

type CheckedProfile =
  { ok: true; value: RoleProfileForm; ids: (string | null)[] } | { ok: false; errors: FieldError[] };

/** Checks the form (without ids) and the ids' shape; where each criterion's id goes is settled by its index. */
function checkProfile(args: ProfileArgs): CheckedProfile {
  const checked = check(roleProfileForm, {
    title: args.title,
    summary: args.summary,
    // An explicit null means "not given", which for must-have means false.
    criteria: args.criteria.map(({ id: _id, mustHave, ...rest }) => ({
      ...rest,
      mustHave: mustHave ?? false,
    })),
  });
  const ids = args.criteria.map((c) => c.id ?? null);
  const idErrors: FieldError[] = [];
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (id === null) return;
    if (!isUuid(id)) idErrors.push(notFound(`criteria.${index}.id`, OTHER_PROFILE_CRITERION));
    else if (seen.has(id)) {
      idErrors.push(
        fieldError(`criteria.${index}.id`, 'INVALID', 'This criterion is already in the list above.'),
      );
    }
    seen.add(id);
  });
  if (!checked.ok || idErrors.length) {
    return { ok: false, errors: [...(checked.ok ? [] : checked.errors), ...idErrors] };
  }
  return { ok: true, value: checked.value, ids };
}

export async function findRoleProfile(context: RequestContext, id: string) {
  if (!isUuid(id)) return null;
  return roleProfileById(context).load(id);
}

/** Locks the profile for the rest of the mutation: edits and scorings of one profile happen one at a time. */
export async function lockRoleProfile(db: TenantDb, id: string): Promise<RoleProfileRow | null> {
  return lockById(db, RoleProfileEntity, id);
}

export async function createRoleProfile(
  context: RequestContext,
  { clientId, ...args }: ProfileArgs & { clientId: string },
): Promise<Payload<'RoleProfilePayload'>> {
  const checked = checkProfile(args);
  if (!checked.ok) return refused('roleProfile', ...checked.errors);
  const newOnly = checked.ids.flatMap((id, index) =>
    id === null ? [] : [notFound(`criteria.${index}.id`, OTHER_PROFILE_CRITERION)],
  );
  if (newOnly.length) return refused('roleProfile', ...newOnly);
  const form = checked.value;
  const { tenantId } = requireActor(context.viewer);
  return context.db.write(async (db) => {
    const closed = await clientClosedToNewWork(db, clientId);
    if (closed) return refused('roleProfile', closed);
    const now = new Date();
    const profile: RoleProfileRow = {
      tenantId,
      id: randomUUID(),
      clientId,
      title: form.title,
      summary: form.summary,
      revision: 1,
      createdAt: now,
      updatedAt: now,
    };
    await db.getRepository(RoleProfileEntity).insert(profile);
    await saveCriteria(db, profile, [], form, checked.ids);
    criteriaOfProfile(context).clear(profile.id);
    return { roleProfile: profile, userErrors: [] };
  });
}

export async function updateRoleProfile(
  context: RequestContext,
  { id, expectedRevision, ...args }: ProfileArgs & { id: string; expectedRevision: number },
): Promise<Payload<'RoleProfilePayload'>> {
  const checked = checkProfile(args);
  if (!checked.ok) return refused('roleProfile', ...checked.errors);
  const form = checked.value;
  return context.db.write(async (db) => {
    const profile = await lockRoleProfile(db, id);
    if (!profile) return refused('roleProfile', notFound('id', 'role profile'));
    if (profile.revision !== expectedRevision) {
      return refused(
        'roleProfile',
        fieldError(
          'expectedRevision',
          'CONFLICT',
          `This role profile has changed since you loaded it (it is now at revision ${profile.revision}). Reload it and make your changes again.`,
        ),
      );
    }
    const existing = await db.getRepository(HiringCriterionEntity).findBy({ profileId: id });
    const known = new Set(existing.map((c) => c.id));
    const unknown = checked.ids.flatMap((criterionId, index) =>
      criterionId === null || known.has(criterionId)
        ? []
        : [notFound(`criteria.${index}.id`, OTHER_PROFILE_CRITERION)],
    );
    if (unknown.length) return refused('roleProfile', ...unknown);
    const next: RoleProfileRow = {
      ...profile,
      title: form.title,
      summary: form.summary,
      revision: profile.revision + 1,
      updatedAt: new Date(),
    };
    await db
      .getRepository(RoleProfileEntity)
      .update(
        { id },
        { title: next.title, summary: next.summary, revision: next.revision, updatedAt: next.updatedAt },
      );
    await saveCriteria(db, next, existing, form, checked.ids);
    roleProfileById(context).clear(id);
    criteriaOfProfile(context).clear(id);
    return { roleProfile: next, userErrors: [] };
  });
}

/**
 * Makes the stored criteria match the list: removes those left out (their scores go with them, by the foreign
 * key's cascade), then writes kept and new ones in one statement. Kept criteria keep their key; new ones get a
 * key made from their title that no other criterion of the profile uses.
 */
async function saveCriteria(
  db: TenantDb,
  profile: RoleProfileRow,
  existing: readonly HiringCriterionRow[],
  form: RoleProfileForm,
  ids: readonly (string | null)[],
) {
  const repository = db.getRepository(HiringCriterionEntity);
  const kept = new Set(ids.filter((id): id is string => id !== null));
  const removed = existing.filter((c) => !kept.has(c.id)).map((c) => c.id);
  if (removed.length) await repository.delete(removed.map((id) => ({ tenantId: profile.tenantId, id })));
  const keyOf = new Map(existing.map((c) => [c.id, c.key]));
  const taken = new Set(existing.filter((c) => kept.has(c.id)).map((c) => c.key));
  const rows: HiringCriterionRow[] = form.criteria.map((criterion, position) => {
    const id = ids[position] ?? null;
    let key = id ? keyOf.get(id) : undefined;
    if (!key) {
      key = criterionKeyFor(criterion.title, taken);
      taken.add(key);
    }
    return {
      tenantId: profile.tenantId,
      id: id ?? randomUUID(),
      clientId: profile.clientId,
      profileId: profile.id,
      key,
      category: criterion.category,
      title: criterion.title,
      weight: criterion.weight,
      mustHave: criterion.mustHave,
      evidence: criterion.evidence,
      aeiouValue: criterion.aeiouValue ?? null,
      position,
    };
  });
  if (rows.length) await repository.upsert(rows, ['tenantId', 'id']);
}
