import { randomUUID } from 'node:crypto';
import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isObjectType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
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
      const objectField = objectFieldOf(field.type);
      return {
        ...field,
        resolve: (source, args, context: RequestContext, info) => {
          context.mutation = { name: fieldName, input: (args as { input?: unknown }).input };
          context.db.afterWrite = (db, result) => recordActivity(db, context, objectOf(objectField, result));
          return resolve(source, args, context, info);
        },
      };
    },
  });
}

/** Where a payload holds the object its mutation changed, and that object's GraphQL type. */
interface ObjectField {
  field: string;
  type: string;
  /** An ID field (`removedId: ID @idOf(type: "Milestone")`) rather than the object itself. */
  idOnly: boolean;
}

/**
 * Read from the schema once per mutation: the payload's first field whose type is an object type with an id, or
 * an ID field marked `@idOf(type: …)` for an object the mutation removed. A list of objects names no one object.
 */
function objectFieldOf(returnType: GraphQLOutputType): ObjectField | null {
  const payload = getNullableType(returnType);
  if (!isObjectType(payload)) return null;
  for (const field of Object.values(payload.getFields()) as GraphQLField<unknown, unknown>[]) {
    const type = getNullableType(field.type);
    if (isObjectType(type) && 'id' in type.getFields())
      return { field: field.name, type: type.name, idOnly: false };
    const idOf = field.astNode?.directives?.find((directive) => directive.name.value === 'idOf');
    const named = idOf?.arguments?.find((argument) => argument.name.value === 'type')?.value;
    if (getNamedType(field.type).name === 'ID' && named?.kind === 'StringValue') {
      return { field: field.name, type: named.value, idOnly: true };
    }
  }
  return null;
}

/**
 * The object a successful payload is about: its GraphQL type, first letter lower-cased (`Client` → `client`,
 * `CharterVersion` → `charterVersion`), as the trail has always spelled it, and its id.
 */
function objectOf(objectField: ObjectField | null, result: unknown): { type: string; id: string } | null {
  if (!objectField || typeof result !== 'object' || result === null) return null;
  const value: unknown = (result as Record<string, unknown>)[objectField.field];
  const id = objectField.idOnly ? value : (value as { id?: unknown } | null | undefined)?.id;
  if (typeof id !== 'string') return null;
  return { type: objectField.type.charAt(0).toLowerCase() + objectField.type.slice(1), id };
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
export async function recordActivity(
  db: TenantDb,
  context: RequestContext,
  object: { type: string; id: string } | null,
): Promise<void> {
  if (!context.mutation || NOT_RECORDED.has(context.mutation.name)) return;
  await recordAction(db, context, {
    action: context.mutation.name,
    object,
    changedFields: changedFields(context.mutation.input),
  });
}

/**
 * Records an action that is not a mutation's write: a read worth tracing (the consultancy's export, by GraphQL or
 * its download route). Named like a mutation would be, camel case.
 */
export async function recordAction(
  db: TenantDb,
  context: RequestContext,
  entry: { action: string; object: { type: string; id: string } | null; changedFields: string[] },
): Promise<void> {
  const viewer = context.viewer;
  if (viewer.kind === 'anonymous') return;
  const { object } = entry;
  await db.query(
    `INSERT INTO activity_trail (tenant_id, id, actor_member_id, actor_api_key_id, action, object_type, object_id,
                                 changed_fields, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      viewer.tenantId,
      randomUUID(),
      viewer.memberId,
      viewer.kind === 'apiKey' ? viewer.apiKeyId : null,
      entry.action,
      object?.type ?? null,
      object && isUuid(object.id) ? object.id : null,
      entry.changedFields,
      context.requestId,
    ],
  );
}

/**
 * Records what the product did on its own (a scheduled monthly report, a sign-in through an identity provider
 * refused): no member is named, unless `actorMemberId` says whom it was about (a break-glass sign-in); the run's or
 * request's id stands in `requestId`.
 */
export async function recordProductAction(
  db: TenantDb,
  runId: string,
  entry: {
    action: string;
    object: { type: string; id: string } | null;
    detail?: string;
    actorMemberId?: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO activity_trail (tenant_id, id, actor_member_id, actor_api_key_id, action, object_type, object_id,
                                 changed_fields, detail, request_id)
     VALUES ($1, $2, $3, NULL, $4, $5, $6, '{}', $7, $8)`,
    [
      db.tenantId,
      randomUUID(),
      entry.actorMemberId ?? null,
      entry.action,
      entry.object?.type ?? null,
      entry.object?.id ?? null,
      entry.detail ?? null,
      runId,
    ],
  );
}
