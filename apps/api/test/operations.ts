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
import { loadTypeDefs } from '../src/core/graphql/schema.js';
import { ruleFor } from '../src/core/permissions/guard.js';

/** One call of every root operation, built from the schema itself, so a new operation is covered as it lands. */
export interface OperationCall {
  name: string;
  kind: 'query' | 'mutation';
  /** The permission the operation declares, or 'public'. */
  rule: string;
  document: string;
}

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

export type IdFor = (name: string) => string;

function literal(type: GraphQLInputType, ids: IdFor, argName: string, text: string): string {
  if (isNonNullType(type)) return literal(type.ofType, ids, argName, text);
  if (isListType(type)) return '[]';
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields())
      .filter((field) => isNonNullType(field.type))
      .map((field) => `${field.name}: ${literal(field.type, ids, field.name, text)}`);
    return `{ ${fields.join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return JSON.stringify(ids(argName));
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
        return text;
    }
  }
  return 'null';
}

function call(field: GraphQLField<unknown, unknown>, ids: IdFor, text: string): string {
  const args = field.args
    .filter((arg: GraphQLArgument) => isNonNullType(arg.type))
    .map((arg) => `${arg.name}: ${literal(arg.type, ids, arg.name, text)}`);
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

export function rootOperations(
  ids: IdFor = () => PLACEHOLDER_ID,
  options: { text?: string } = {},
): OperationCall[] {
  const text = JSON.stringify(options.text ?? 'x');
  const schema: GraphQLSchema = makeExecutableSchema({ typeDefs: loadTypeDefs() });
  const calls: OperationCall[] = [];
  for (const [kind, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const rule = ruleFor(schema, type!.name, field);
      calls.push({
        name: field.name,
        kind,
        rule: !rule ? 'none' : rule.kind === 'public' ? 'public' : rule.permission,
        document: `${kind} { ${call(field, ids, text)} }`,
      });
    }
  }
  return calls;
}
