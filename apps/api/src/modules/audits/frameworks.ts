import { randomUUID } from 'node:crypto';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import {
  BUILT_IN_FRAMEWORKS,
  builtInFramework,
  check,
  copyFramework,
  editedFramework,
  fieldError,
  frameworkCopyInput,
  frameworkEditField,
  frameworkEditInput,
  isBuiltInFrameworkKey,
  validateFramework,
  type AuditFramework,
} from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
import { AuditFrameworkEntity, AuditFrameworkVersionEntity, type AuditFrameworkRow } from './entities.js';
import type { AuditFrameworkMapper } from './mappers.js';
import { refused, type Payload } from '../../core/payloads.js';

const noSuchKey = (field: string) => fieldError(field, 'NOT_FOUND', 'No framework has this key.');

export function frameworkView(definition: AuditFramework): AuditFrameworkMapper {
  return { definition, builtIn: isBuiltInFrameworkKey(definition.key) };
}

export type FrameworkLookup =
  | { definition: AuditFramework; missing?: undefined }
  | { definition?: undefined; missing: 'key' | 'version' };

/**
 * A framework definition by key: a built-in one from code, else the consultancy's copy (its latest version unless
 * one is named). Another consultancy's copy is invisible here (row-level security), so it reads as missing.
 */
export async function lookUpFramework(
  db: TenantDb,
  key: string,
  version?: number | null,
): Promise<FrameworkLookup> {
  const builtIn = builtInFramework(key);
  if (builtIn) {
    return version === null || version === undefined || version === builtIn.version
      ? { definition: builtIn }
      : { missing: 'version' };
  }
  const copy = await db.getRepository(AuditFrameworkEntity).findOneBy({ key });
  if (!copy) return { missing: 'key' };
  const found = await db
    .getRepository(AuditFrameworkVersionEntity)
    .findOneBy({ frameworkId: copy.id, version: version ?? copy.latestVersion });
  return found ? { definition: found.definition } : { missing: 'version' };
}

/** Built-ins in their catalogue order, then the consultancy's copies by key. */
export async function listFrameworks(context: RequestContext): Promise<AuditFrameworkMapper[]> {
  const copies = await context.db.read((db) =>
    db
      .getRepository(AuditFrameworkVersionEntity)
      .createQueryBuilder('v')
      .innerJoin('AuditFramework', 'f', 'f.id = v.frameworkId AND f.latestVersion = v.version')
      .orderBy('f.key')
      .getMany(),
  );
  return [...BUILT_IN_FRAMEWORKS, ...copies.map((v) => v.definition)].map(frameworkView);
}

export async function findFramework(
  context: RequestContext,
  key: string,
  version?: number | null,
): Promise<AuditFrameworkMapper | null> {
  const found = await context.db.read((db) => lookUpFramework(db, key, version));
  return found.definition ? frameworkView(found.definition) : null;
}

export async function copyAuditFramework(
  context: RequestContext,
  input: unknown,
): Promise<Payload<'AuditFrameworkPayload'>> {
  const checked = check(frameworkCopyInput, input);
  if (!checked.ok) return refused('framework', ...checked.errors);
  const { sourceKey, key, name } = checked.value;
  const { tenantId } = requireActor(context.viewer);
  return context.db.write(async (db) => {
    const source = await lookUpFramework(db, sourceKey);
    if (!source.definition) return refused('framework', noSuchKey('sourceKey'));
    const copy = copyFramework(source.definition, { key, name });
    const errors = validateFramework(copy);
    if (errors.length) return refused('framework', ...errors);
    const taken = fieldError('key', 'TAKEN', 'Another framework already uses this key.');
    if (isBuiltInFrameworkKey(key)) return refused('framework', taken);
    const frameworks = db.getRepository(AuditFrameworkEntity);
    if (await frameworks.existsBy({ key })) return refused('framework', taken);
    const now = new Date();
    const row: AuditFrameworkRow = {
      tenantId,
      id: randomUUID(),
      key,
      name,
      basedOnKey: sourceKey,
      latestVersion: 1,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await frameworks.insert(row);
    } catch (error) {
      // Two copies under one key at the same moment: the unique key lets one through; the other is told so.
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505')
        return refused('framework', taken);
      throw error;
    }
    await db
      .getRepository(AuditFrameworkVersionEntity)
      .insert({ tenantId, frameworkId: row.id, version: 1, definition: copy, createdAt: now });
    return { framework: frameworkView(copy), userErrors: [] };
  });
}

export async function updateAuditFramework(
  context: RequestContext,
  { key, expectedVersion, ...edit }: { key: string; expectedVersion: number } & Record<string, unknown>,
): Promise<Payload<'AuditFrameworkPayload'>> {
  const checked = check(frameworkEditInput, edit);
  if (!checked.ok) return refused('framework', ...checked.errors);
  if (isBuiltInFrameworkKey(key)) {
    return refused(
      'framework',
      fieldError('key', 'NOT_ALLOWED', 'Built-in frameworks cannot be edited. Copy it and edit the copy.'),
    );
  }
  return context.db.write(async (db) => {
    const frameworks = db.getRepository(AuditFrameworkEntity);
    const row = await frameworks.findOne({ where: { key }, lock: { mode: 'pessimistic_write' } });
    if (!row) return refused('framework', noSuchKey('key'));
    if (row.latestVersion !== expectedVersion) {
      return refused(
        'framework',
        fieldError(
          'expectedVersion',
          'CONFLICT',
          `This framework has changed since you loaded it (it is now at version ${row.latestVersion}). ` +
            'Reload it and make your changes again.',
        ),
      );
    }
    const versions = db.getRepository(AuditFrameworkVersionEntity);
    const current = await versions.findOneByOrFail({ frameworkId: row.id, version: row.latestVersion });
    const next = editedFramework(current.definition, checked.value);
    const errors = validateFramework(next).map((e) => ({ ...e, field: frameworkEditField(e.field) }));
    if (errors.length) return refused('framework', ...errors);
    const now = new Date();
    await versions.insert({
      tenantId: row.tenantId,
      frameworkId: row.id,
      version: next.version,
      definition: next,
      createdAt: now,
    });
    await frameworks.update({ id: row.id }, { name: next.name, latestVersion: next.version, updatedAt: now });
    return { framework: frameworkView(next), userErrors: [] };
  });
}
