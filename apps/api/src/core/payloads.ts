import type { Checked, FieldError } from '@csp/domain';
import type { EntitySchema, FindOneOptions, FindOptionsWhere } from 'typeorm';
import type { ResolversParentTypes } from '../generated/resolvers.js';
import { isUuid, notFound } from './user-errors.js';

type PayloadName = Extract<keyof ResolversParentTypes, `${string}Payload`>;

/**
 * A mutation's payload as its service returns it, generated from the SDL (`type EngagementPayload` in the module's
 * schema.graphql) with each object field typed by its mapper: `Payload<'EngagementPayload'>` is
 * `{ engagement: EngagementRow | null; userErrors: UserError[] }`. Every field is required, as the SDL's
 * `avoidOptionals` has it for the object types: a refusal names the fields it leaves null. Never written by hand.
 */
export type Payload<Name extends PayloadName> = Required<Omit<ResolversParentTypes[Name], '__typename'>>;

/**
 * The answer to a mutation that changed nothing: the payload's other fields null, and why in `userErrors`:
 * `refused('engagement', notFound('id', 'engagement'))`, `refused(['token', 'member'], ...checked.errors)`. Typed
 * against the payload the function returns, so a field left out of the list, or one the payload has not, does not
 * compile.
 */
export function refused<const Field extends string>(
  fields: Field | readonly Field[],
  ...userErrors: FieldError[]
): { [F in Field]: null } & { userErrors: FieldError[] } {
  const nulls = Object.fromEntries(
    (typeof fields === 'string' ? [fields] : fields).map((field) => [field, null]),
  );
  return { ...nulls, userErrors } as { [F in Field]: null } & { userErrors: FieldError[] };
}

/** What `context.db.read`/`write` hand a service: the request's data access (its repositories are tenant-scoped). */
interface Rows {
  getRepository<T extends { id: string; tenantId: string }>(
    entity: EntitySchema<T>,
  ): { findOne(options: FindOneOptions<T>): Promise<T | null> };
}

/**
 * The row an input field names, e.g. the client of `createAction(input: { clientId })`: `loadParent(db,
 * ClientEntity, { clientId }, 'client')`. A malformed id, an unknown one and another consultancy's all come back as
 * the same NOT_FOUND error on that field (`No client has this id.`), like `check`'s errors:
 * `if (!client.ok) return refused('action', ...client.errors)`. `lock` holds the row until the mutation ends, so a concurrent
 * change of it waits (see row-lock.ts).
 */
export async function loadParent<T extends { id: string; tenantId: string }>(
  db: Rows,
  entity: EntitySchema<T>,
  named: Record<string, string>,
  what: string,
  options: { lock?: boolean } = {},
): Promise<Checked<T>> {
  const [field, id] = Object.entries(named)[0] ?? ['id', ''];
  const row = isUuid(id)
    ? await db.getRepository(entity).findOne({
        where: { id } as FindOptionsWhere<T>,
        ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      })
    : null;
  return row ? { ok: true, value: row } : { ok: false, errors: [notFound(field, what)] };
}
