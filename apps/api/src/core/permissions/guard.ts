import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { MapperKind, getDirective, mapSchema } from '@graphql-tools/utils';
import type { RequestContext } from '../context.js';
import { forbidden, unauthenticated } from '../errors.js';
import { WHOLE_CONSULTANCY_ONLY, isPermission, roleCan, type Permission } from '@csp/domain';

/** What a field declares: a permission it needs, or that it is public (reachable without one). */
export type FieldRule = { kind: 'allow'; permission: Permission } | { kind: 'public' };

/**
 * Reads the rule for a field: its own `@allow`/`@public`, else its type's. A field with neither makes the schema
 * fail to build, which is how a new resolver cannot forget its check.
 */
type Directable = Parameters<typeof getDirective>[1];

export function ruleFor(schema: GraphQLSchema, typeName: string, field: Directable): FieldRule | undefined {
  const type = schema.getType(typeName);
  const own = readRule(schema, field);
  const inherited = type ? readRule(schema, type) : undefined;
  return own ?? inherited;
}

function readRule(schema: GraphQLSchema, node: Directable): FieldRule | undefined {
  const allow = getDirective(schema, node, 'allow')?.[0] as { to: string } | undefined;
  if (allow) {
    if (!isPermission(allow.to)) throw new Error(`Unknown permission "${allow.to}" in @allow.`);
    return { kind: 'allow', permission: allow.to };
  }
  return getDirective(schema, node, 'public')?.[0] ? { kind: 'public' } : undefined;
}

export function can(context: RequestContext, permission: Permission): boolean {
  const viewer = context.viewer;
  if (viewer.kind === 'member') return roleCan(viewer.role, permission);
  if (viewer.kind === 'apiKey') return viewer.permissions.has(permission);
  return false;
}

/** Why a caller may not: a fenced key is told it is the fence, not its scopes, that stands in the way. */
function refusal(context: RequestContext, permission: Permission): string | undefined {
  const viewer = context.viewer;
  if (viewer.kind === 'apiKey' && viewer.clientId && WHOLE_CONSULTANCY_ONLY.has(permission)) {
    return 'This key is limited to one client, so it cannot do this; use a key for the whole consultancy.';
  }
  return undefined;
}

/** Wraps every field that needs a permission with the one check; public fields are left as they are. */
export function applyPermissionGuards(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      if (typeName.startsWith('__')) return field;
      const rule = ruleFor(schema, typeName, field);
      if (!rule) throw new Error(`${typeName}.${fieldName} declares neither @allow nor @public.`);
      if (rule.kind === 'public') return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      const { permission } = rule;
      // Runs for every guarded field of every object (#15: the read path's hottest few lines), so it allocates
      // nothing: no rest arguments, no closure per call.
      return {
        ...field,
        resolve: (source, args, context: RequestContext, info) => {
          // The request's budget of resolved fields (request-budget.ts): an increment, and rarely a check, which
          // may stop the request or let the event loop serve others first.
          const budget = context.budget;
          if (budget && ++budget.spent > budget.checkAt) {
            const pause = budget.check();
            if (pause)
              return pause.then(() => {
                requirePermission(context, permission);
                return resolve(source, args, context, info);
              });
          }
          requirePermission(context, permission);
          return resolve(source, args, context, info);
        },
      };
    },
  });
}

/**
 * The one check, for a GraphQL field and a module's HTTP route alike (core/http/module-routes.ts): signed in (or
 * an API key), and the role or the key's scopes grant the permission.
 */
export function requirePermission(context: RequestContext, permission: Permission): void {
  if (context.viewer.kind === 'anonymous') throw unauthenticated();
  if (!can(context, permission)) throw forbidden(permission, refusal(context, permission));
}
