import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isObjectType,
  parse,
  visit,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { coded } from '../errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination.js';
import { PAGED_LISTS, isPageType, listSizeOf } from './list-sizes.js';

/** A plain list of objects that list-sizes.ts does not name (query-cost.test.ts keeps that from happening). */
export const DEFAULT_LIST_SIZE = 20;

/**
 * The cost of a query: every field costs 1, and a list costs (1 + the cost of what is asked of each item) × its
 * length: `first` for connections (default and maximum from pagination.ts), the size in list-sizes.ts for plain
 * lists. So nested lists multiply, as their work does. `__typename` is free. Computed from the operation and
 * its variables before anything runs. Introspection (`__schema`, `__type`) is not in it: see `introspectionCost`.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string | null,
): number {
  return costWith(estimatorsFor(schema).data, schema, document, variables, operationName);
}

/**
 * What the operation's introspection fields resolve, about one per value. Introspection is answered from the
 * schema in memory, never from the database, so it has a limit of its own (`introspectionLimit`) instead of
 * counting against the data limit; otherwise each new module would push a full introspection over that limit.
 */
export function introspectionCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string | null,
): number {
  const estimators = estimatorsFor(schema);
  return (
    costWith(estimators.all, schema, document, variables, operationName) -
    costWith(estimators.data, schema, document, variables, operationName)
  );
}

/** One full introspection, as tools (codegen, GraphiQL, Apollo's sandbox) send it, and half as much again. */
export function introspectionLimit(schema: GraphQLSchema): number {
  let limit = introspectionLimits.get(schema);
  if (limit === undefined) {
    limit = Math.ceil(1.5 * introspectionCost(schema, parse(getIntrospectionQuery())));
    introspectionLimits.set(schema, limit);
  }
  return limit;
}

const introspectionLimits = new WeakMap<GraphQLSchema, number>();

function costWith(
  estimator: ComplexityEstimator,
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string | null,
): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    ...(operationName ? { operationName } : {}),
    estimators: [estimator],
  });
}

interface Estimators {
  /** Everything, introspection included. */
  all: ComplexityEstimator;
  /** Introspection's root fields at 1 each, whatever is asked below them. */
  data: ComplexityEstimator;
}

const estimators = new WeakMap<GraphQLSchema, Estimators>();

function estimatorsFor(schema: GraphQLSchema): Estimators {
  let found = estimators.get(schema);
  if (!found) {
    const all = listCostEstimator(introspectionSizes(schema));
    const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
    const data: ComplexityEstimator = (options) =>
      roots.has(options.type.name) && INTROSPECTION_ROOTS.has(options.field.name) ? 1 : all(options);
    found = { all, data };
    estimators.set(schema, found);
  }
  return found;
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

function pageSize(first: unknown): number {
  if (typeof first !== 'number' || !Number.isFinite(first)) return DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(Math.trunc(first), 1), MAX_PAGE_SIZE);
}

function listCostEstimator(introspection: Record<string, number>): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (field.name === '__typename') return 0;
    const named = getNamedType(field.type);
    if (!isCompositeType(named)) return 1; // scalars, enums and lists of them: one value to serialise
    const own = 1 + childComplexity;
    const coordinate = `${type.name}.${field.name}`;
    // Introspection reads the schema in memory; its lists are as long as the schema's own, on average.
    if (type.name.startsWith('__')) return own * (introspection[coordinate] ?? 1);
    const paged = field.args.some((arg) => arg.name === 'first');
    if (isPageType(named) && paged) return own * pageSize(args.first);
    if (!isListType(getNullableType(field.type))) return own;
    // A connection's page is counted once, at the connection field.
    if (isPageType(type)) return own;
    if (PAGED_LISTS.has(coordinate)) return own * pageSize(args.first);
    const size = listSizeOf(coordinate);
    const asked: unknown = size?.countedBy ? args[size.countedBy] : undefined;
    if (size && typeof asked === 'number' && Number.isFinite(asked)) {
      return own * Math.min(Math.max(Math.trunc(asked), 1), size.cap ?? size.size);
    }
    return own * (size?.size ?? DEFAULT_LIST_SIZE);
  };
}

/**
 * The length of each list of the introspection types, on average over this schema's types (a type has fields,
 * input fields or enum values, not all three), so a whole introspection costs about what it resolves.
 */
function introspectionSizes(schema: GraphQLSchema): Record<string, number> {
  const types = Object.values(schema.getTypeMap());
  const perType = (count: (type: (typeof types)[number]) => number) =>
    Math.max(1, Math.ceil(types.reduce((sum, type) => sum + count(type), 0) / types.length));
  const fields = types.flatMap((type) => (isObjectType(type) ? Object.values(type.getFields()) : []));
  const directives = schema.getDirectives();
  return {
    '__Schema.types': types.length,
    '__Schema.directives': directives.length,
    '__Type.fields': perType((type) => (isObjectType(type) ? Object.keys(type.getFields()).length : 0)),
    '__Type.inputFields': perType((type) =>
      isInputObjectType(type) ? Object.keys(type.getFields()).length : 0,
    ),
    '__Type.enumValues': perType((type) => (isEnumType(type) ? type.getValues().length : 0)),
    '__Field.args': Math.max(
      1,
      Math.ceil(fields.reduce((sum, field) => sum + field.args.length, 0) / Math.max(fields.length, 1)),
    ),
    '__Directive.args': Math.max(
      1,
      Math.ceil(directives.reduce((sum, d) => sum + d.args.length, 0) / Math.max(directives.length, 1)),
    ),
    '__Directive.locations': 3,
  };
}

export function queryTooCostly(limit: number, cost: number): GraphQLError {
  const estimate = Number.isFinite(cost) ? cost.toLocaleString('en') : 'more than can be counted';
  return coded(
    'QUERY_TOO_COSTLY',
    `This query would cost ${estimate}, over the limit of ${limit.toLocaleString('en')}. ` +
      'Nested lists multiply: ask for fewer items per page (`first`), or fetch the inner lists separately.',
    { extensions: { ...(Number.isFinite(cost) ? { cost } : {}), limit }, http: { status: 400 } },
  );
}

/**
 * Refuses an operation whose cost is over `limit` before it runs. A plugin rather than a validation rule: the
 * cost depends on the variables (`first: $first`), and validation runs without them (and is cached per document).
 */
export function queryCostPlugin(limit: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: Costs;
          try {
            cost = cachedCost(schema, document, request.variables ?? {}, request.operationName);
          } catch (error) {
            // Too many nodes to count (fragments spread over and over) is itself too costly; a variable that does
            // not coerce is left for execution to report in its usual words.
            if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message))
              throw queryTooCostly(limit, Infinity);
            return;
          }
          if (cost.data > limit) throw queryTooCostly(limit, cost.data);
          const introspection = introspectionLimit(schema);
          if (cost.introspection > introspection)
            throw coded(
              'QUERY_TOO_COSTLY',
              `This introspection would resolve about ${cost.introspection.toLocaleString('en')} values, over ` +
                `the limit of ${introspection.toLocaleString('en')} (one full introspection and half as much ` +
                'again): ask for the schema once per request.',
              { extensions: { cost: cost.introspection, limit: introspection }, http: { status: 400 } },
            );
        },
      };
    },
  };
}

interface Costs {
  data: number;
  introspection: number;
}

interface DocumentCosts {
  /** The variables the cost depends on: those given to `first`, `last`, `@include` and `@skip`. */
  variables: string[];
  /** Whether it asks `__schema` or `__type` anywhere (most documents do not: their introspection costs 0). */
  introspects: boolean;
  costs: Map<string, Costs>;
}

/** Apollo hands the same parsed document for the same query text, so its cost is worked out once per variables. */
const documentCosts = new WeakMap<DocumentNode, DocumentCosts>();

function cachedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string | null,
): Costs {
  let entry = documentCosts.get(document);
  if (!entry) {
    entry = { variables: costVariables(document), introspects: introspects(document), costs: new Map() };
    documentCosts.set(document, entry);
  }
  const key = `${operationName ?? ''}|${entry.variables.map((name) => JSON.stringify(variables[name])).join(',')}`;
  let cost = entry.costs.get(key);
  if (cost === undefined) {
    cost = {
      data: queryCost(schema, document, variables, operationName),
      introspection: entry.introspects ? introspectionCost(schema, document, variables, operationName) : 0,
    };
    if (entry.costs.size < 32) entry.costs.set(key, cost);
  }
  return cost;
}

function introspects(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field: (field) => {
      if (INTROSPECTION_ROOTS.has(field.name.value)) found = true;
    },
  });
  return found;
}

function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: Parameters<typeof visit>[0]) =>
    visit(node, { Variable: (variable) => void names.add(variable.name.value) });
  visit(document, {
    VariableDefinition: () => false,
    Directive: (directive) => {
      collect(directive);
      return false;
    },
    Argument: (argument) => {
      if (argument.name.value === 'first' || argument.name.value === 'last') collect(argument);
      return false;
    },
  });
  return [...names].sort();
}
