import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { modules } from '../src/modules/index.js';
import { loadTypeDefs } from '../src/core/graphql/schema.js';
import { ruleFor } from '../src/core/permissions/guard.js';

/** One call of every root operation, built from the schema itself, so a new operation is covered as it lands. */
export interface OperationCall {
  name: string;
  kind: 'query' | 'mutation';
  /** The permission the operation declares, or 'public'. */
  rule: string;
  document: string;
  /** The variables the document declares (only `$odd`, when `odd` put one in). */
  variables: Record<string, unknown>;
  /** Every scalar value the document sends, by its argument path. */
  leaves: Leaf[];
}

/** One scalar value in a call: where it goes and what GraphQL type it has there. */
export interface Leaf {
  operation: string;
  /** The argument path, e.g. `input.promises[0].title`. */
  path: string;
  /** The argument or input field's own name, e.g. `title`. */
  name: string;
  /** The scalar's name: String, ID, Date, DateTime, Int… */
  scalar: string;
  /** The type at this place as GraphQL writes it, e.g. `String!`, for declaring a variable of it. */
  type: string;
  required: boolean;
}

export interface OperationOptions {
  /** The literal of every String (default "x"). */
  text?: string;
  /**
   * Also fill optional arguments and input fields, and give each list one item, so that every place a value can
   * go is sent. By default only required ones are, and lists are empty.
   */
  everyField?: boolean;
  /** A literal of one's own for a leaf (e.g. a real id, or `null` to leave an optional one out); undefined: the default. */
  fill?: (leaf: Leaf) => string | undefined;
  /**
   * One odd value at one place of one operation: as a literal in the document, or as the JSON value of a variable
   * `$odd` of that place's type (for what a literal cannot carry, e.g. an unpaired surrogate).
   */
  odd?: { operation: string; path: string } & ({ literal: string } | { value: unknown });
}

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

export type IdFor = (name: string) => string;

interface Build {
  ids: IdFor;
  text: string;
  options: OperationOptions;
  operation: string;
  leaves: Leaf[];
  /** The type of `$odd`, once the odd place was met. */
  oddType?: string;
}

function literal(type: GraphQLInputType, build: Build, name: string, path: string, required = false): string {
  if (isNonNullType(type)) return literal(type.ofType, build, name, path, true);
  if (isListType(type)) {
    if (!build.options.everyField) return '[]';
    return `[${literal(type.ofType, build, name, `${path}[0]`)}]`;
  }
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields())
      .filter((field) => build.options.everyField || isNonNullType(field.type))
      .map((field) => `${field.name}: ${literal(field.type, build, field.name, `${path}.${field.name}`)}`);
    return `{ ${fields.join(', ')} }`;
  }
  if (isScalarType(type)) {
    const leaf: Leaf = {
      operation: build.operation,
      path,
      name,
      scalar: type.name,
      type: `${type.name}${required ? '!' : ''}`,
      required,
    };
    build.leaves.push(leaf);
    const odd = build.options.odd;
    if (odd && odd.operation === build.operation && odd.path === path) {
      if ('literal' in odd) return odd.literal;
      build.oddType = leaf.type;
      return '$odd';
    }
    const own = build.options.fill?.(leaf);
    if (own !== undefined) return own;
    switch (type.name) {
      case 'ID':
        return JSON.stringify(build.ids(name));
      case 'Int':
        return '1';
      case 'Float':
        return '1';
      case 'Boolean':
        return 'true';
      case 'Date':
        return '"2026-01-01"';
      case 'DateTime':
        return '"2030-01-01T00:00:00Z"';
      default:
        return build.text;
    }
  }
  return 'null';
}

function call(field: GraphQLField<unknown, unknown>, build: Build): string {
  const args = field.args
    .filter((arg: GraphQLArgument) => build.options.everyField || isNonNullType(arg.type))
    .map((arg) => `${arg.name}: ${literal(arg.type, build, arg.name, arg.name)}`);
  const selection = isObjectType(getNamedType(field.type))
    ? ` { ${everyScalar(getNamedType(field.type))} }`
    : '';
  return `${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection}`;
}

/**
 * The answer's own scalar fields and those of the objects one level down (a payload's object, a connection's
 * nodes), so that a leak would show in the response.
 */
function everyScalar(type: ReturnType<typeof getNamedType>, depth = 0): string {
  if (!isObjectType(type)) return '__typename';
  const fields = Object.values(type.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const parts = fields.flatMap((f) => {
    const named = getNamedType(f.type);
    if (!isObjectType(named)) return [f.name];
    return depth < 2 ? [`${f.name} { ${everyScalar(named, depth + 1)} }`] : [];
  });
  return ['__typename', ...parts].join(' ');
}

// Built once: callers such as the odd-input battery build every operation many times over.
let schema: GraphQLSchema | undefined;

export function rootOperations(
  ids: IdFor = () => PLACEHOLDER_ID,
  options: OperationOptions = {},
): OperationCall[] {
  const text = JSON.stringify(options.text ?? 'x');
  schema ??= makeExecutableSchema({ typeDefs: loadTypeDefs(modules) });
  const calls: OperationCall[] = [];
  for (const [kind, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const rule = ruleFor(schema, type!.name, field);
      const build: Build = { ids, text, options, operation: field.name, leaves: [] };
      const body = call(field, build);
      const odd = options.odd;
      const declared = build.oddType ? ` ($odd: ${build.oddType})` : '';
      calls.push({
        name: field.name,
        kind,
        rule: !rule ? 'none' : rule.kind === 'public' ? 'public' : rule.permission,
        document: `${kind}${declared} { ${body} }`,
        variables: build.oddType && odd && 'value' in odd ? { odd: odd.value } : {},
        leaves: build.leaves,
      });
    }
  }
  return calls;
}
