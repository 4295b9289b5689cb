import { randomUUID } from 'node:crypto';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import type { TenantDb } from './tenancy/tenant-db.js';
import type { RequestContext } from './context.js';
import { isUuid } from './user-errors.js';

/** Deleting the consultancy deletes its trail with it: there is nowhere left to record that. */
const NOT_RECORDED = new Set(['deleteConsultancy']);

/** Input fields never named in the trail: secrets, and the bookkeeping every edit carries. */
const UNRECORDED = new Set(['password', 'token', 'expectedRevision', 'id']);

/**
 * Marks which mutation is being resolved and hooks the trail into its writes. Done here, per field, because Apollo
 * hands resolvers a copy of the context object: this is the copy they will change (e.g. sign-in sets the viewer).
 */
export function markMutations(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.MUTATION_ROOT_FIELD]: (field, fieldName) => {
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve: (source, args, context: RequestContext, info) => {
          context.mutation = { name: fieldName, input: (args as { input?: unknown }).input };
          context.db.afterWrite = (db, result) => recordActivity(db, context, result);
          return resolve(source, args, context, info);
        },
      };
    },
  });
}

/** The object a payload is about: its first field holding something with an id, or a removed id. */
function objectOf(result: unknown): { type: string; id: string } | null {
  if (typeof result !== 'object' || result === null) return null;
  for (const [key, value] of Object.entries(result)) {
    if (key === 'userErrors') continue;
    if (typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string') {
      return { type: key, id: (value as { id: string }).id };
    }
    if (key.endsWith('Id') && typeof value === 'string') return { type: key.slice(0, -2), id: value };
  }
  return null;
}

function changedFields(input: unknown): string[] {
  if (typeof input !== 'object' || input === null) return [];
  return Object.entries(input)
    .filter(([key, value]) => value !== undefined && !UNRECORDED.has(key))
    .map(([key]) => key)
    .sort();
}

/**
 * Records one successful write of a mutation: who (member, or key in its creator's name), what, on which object,
 * which fields, and the request id that ties it to the logs. Runs inside the write's savepoint.
 */
export async function recordActivity(db: TenantDb, context: RequestContext, result: unknown): Promise<void> {
  const viewer = context.viewer;
  if (viewer.kind === 'anonymous' || !context.mutation || NOT_RECORDED.has(context.mutation.name)) return;
  const object = objectOf(result);
  await db.query(
    `INSERT INTO activity_trail (tenant_id, id, actor_member_id, actor_api_key_id, action, object_type, object_id,
                                 changed_fields, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      viewer.tenantId,
      randomUUID(),
      viewer.memberId,
      viewer.kind === 'apiKey' ? viewer.apiKeyId : null,
      context.mutation.name,
      object?.type ?? null,
      object && isUuid(object.id) ? object.id : null,
      changedFields(context.mutation.input),
      context.requestId,
    ],
  );
}
