import { fieldError, type FieldError } from '@csp/domain';
import { In } from 'typeorm';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { isUuid, notFound } from '../../core/user-errors.js';
import { publishedCharterOf } from '../charters/index.js';
import { touchPointOf } from '../touch-points/index.js';
import {
  ComplaintCategoryEntity,
  ComplaintEntity,
  type ComplaintCategoryRow,
  type ComplaintRow,
} from './entities.js';

/** The complaint with this id, as far as the caller may see it (tenant and client fence); null otherwise. */
export async function complaintOf(db: TenantDb, id: string): Promise<ComplaintRow | null> {
  if (!isUuid(id)) return null;
  return db.getRepository(ComplaintEntity).findOneBy({ id });
}

/** The complaint category with this id, as far as the caller may see it; null otherwise. */
export async function complaintCategoryOf(db: TenantDb, id: string): Promise<ComplaintCategoryRow | null> {
  if (!isUuid(id)) return null;
  return db.getRepository(ComplaintCategoryEntity).findOneBy({ id });
}

/** What a complaint points at, once checked: the promise comes with its charter. */
export interface ComplaintLinks {
  categoryId: string;
  touchPointId: string | null;
  charterId: string | null;
  promiseKey: string | null;
}

/** The charter in force of a client, read once per request however many rows name a promise. */
export type CharterLookup = () => Promise<{ charterId: string; keys: ReadonlySet<string> } | null>;

export function charterLookup(db: TenantDb, clientId: string): CharterLookup {
  let charter: Promise<{ charterId: string; keys: ReadonlySet<string> } | null> | null = null;
  return () => {
    charter ??= publishedCharterOf(db, clientId).then((found) =>
      found ? { charterId: found.charterId, keys: new Set(found.promises.map((p) => p.key)) } : null,
    );
    return charter;
  };
}

/**
 * A complaint's links, each of the complaint's own client: the category (live, unless it is the one the complaint
 * already had), the touch point (not archived, likewise), the promise (in the charter in force). Another client's or
 * another tenant's id is "not found", word for word like an unknown one. `prefix` is the path of the row
 * (`rows.3.`) in a batch.
 */
export async function checkLinks(
  db: TenantDb,
  clientId: string,
  wanted: { category: ComplaintCategoryRow | null; touchPointId: string | null; promiseKey: string | null },
  options: { prefix?: string; categoryField?: string; current?: ComplaintRow; charter: CharterLookup },
): Promise<{ links: ComplaintLinks | null; errors: FieldError[] }> {
  const prefix = options.prefix ?? '';
  const errors: FieldError[] = [];
  const categoryField = `${prefix}${options.categoryField ?? 'categoryId'}`;
  const category = wanted.category;
  if (!category || category.clientId !== clientId) {
    errors.push(notFound(categoryField, 'complaint category of this client'));
  } else if (category.archivedAt && category.id !== options.current?.categoryId) {
    errors.push(
      fieldError(
        categoryField,
        'NOT_ALLOWED',
        'This category was removed from the client’s list; choose another.',
      ),
    );
  }
  if (wanted.touchPointId && wanted.touchPointId !== options.current?.touchPointId) {
    const touchPoint = await touchPointOf(db, clientId, wanted.touchPointId);
    if (!touchPoint) errors.push(notFound(`${prefix}touchPointId`, 'touch point of this client'));
    else if (touchPoint.archivedAt) {
      errors.push(
        fieldError(
          `${prefix}touchPointId`,
          'NOT_ALLOWED',
          'This touch point is archived; choose a current one.',
        ),
      );
    }
  }
  let charterId: string | null = null;
  if (wanted.promiseKey) {
    const keepsOld = options.current?.promiseKey === wanted.promiseKey && options.current.charterId !== null;
    if (keepsOld) charterId = options.current!.charterId;
    else {
      const charter = await options.charter();
      if (!charter || !charter.keys.has(wanted.promiseKey)) {
        errors.push(
          fieldError(
            `${prefix}promiseKey`,
            'NOT_FOUND',
            'The client’s charter in force has no promise with this key.',
          ),
        );
      } else charterId = charter.charterId;
    }
  }
  if (errors.length > 0 || !category) return { links: null, errors };
  return {
    links: {
      categoryId: category.id,
      touchPointId: wanted.touchPointId,
      charterId,
      promiseKey: wanted.promiseKey,
    },
    errors: [],
  };
}

/** The client's live categories by their name without case, for batches that name categories. */
export async function liveCategoriesByName(
  db: TenantDb,
  clientId: string,
): Promise<Map<string, ComplaintCategoryRow>> {
  const rows = await db.getRepository(ComplaintCategoryEntity).find({ where: { clientId } });
  return new Map(
    rows.filter((row) => !row.archivedAt).map((row) => [row.name.toLocaleLowerCase('en'), row] as const),
  );
}

/** The complaints of a client that already carry these external references, by reference. */
export async function complaintsByReference(
  db: TenantDb,
  clientId: string,
  references: readonly string[],
  lock: boolean,
): Promise<Map<string, ComplaintRow>> {
  if (references.length === 0) return new Map();
  const rows = await db.getRepository(ComplaintEntity).find({
    where: { clientId, externalReference: In([...references]) },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  return new Map(rows.map((row) => [row.externalReference!, row] as const));
}
