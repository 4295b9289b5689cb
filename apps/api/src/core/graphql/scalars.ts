import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { DATE_RULE, DATE_TIME_RULE, isRealDate, isRealDateTime } from '@csp/domain';

// The rules and their wording live in the domain package, so the portal's forms refuse what the API refuses.
// A literal's error carries its node, so the input check can name the argument it sits in (input-checks.ts).

function parseDate(value: unknown, node?: ValueNode): string {
  if (typeof value === 'string' && isRealDate(value)) return value;
  throw new GraphQLError(`A Date must be ${DATE_RULE}, e.g. 2026-03-31.`, { nodes: node });
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined, ast),
});

function parseDateTime(value: unknown, node?: ValueNode): Date {
  if (typeof value === 'string' && isRealDateTime(value)) return new Date(value);
  throw new GraphQLError(`A DateTime must be ${DATE_TIME_RULE}.`, { nodes: node });
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined, ast),
});

/** Output only: the export is built by the server, never sent by a client. */
export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: () => {
    throw new GraphQLError('JSON values are not accepted as input.');
  },
  parseLiteral: (ast) => {
    throw new GraphQLError('JSON values are not accepted as input.', { nodes: ast });
  },
});
