import type { Checked, FieldError } from '@csp/domain';
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

/**
 * The row an input field names, e.g. the client of `createAction(input: { clientId })`:
 * `loadParent({ clientId }, 'client', (id) => clientOf(db, id))`, with the owning module's public lookup (or, inside
 * the module, its repository: `(id) => db.getRepository(MilestoneEntity).findOneBy({ id })`). A malformed id is not
 * looked up; it, an unknown id and another consultancy's all come back as the same NOT_FOUND error on that field
 * (`No client has this id.`), shaped like `check`'s answer: `if (!client.ok) return refused('action', ...client.errors)`.
 */
export async function loadParent<T>(
  named: Record<string, string>,
  what: string,
  load: (id: string) => Promise<T | null>,
): Promise<Checked<T>> {
  const [field, id] = Object.entries(named)[0] ?? ['id', ''];
  const row = isUuid(id) ? await load(id) : null;
  return row ? { ok: true, value: row } : { ok: false, errors: [notFound(field, what)] };
}
