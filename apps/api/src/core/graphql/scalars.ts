import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isRealDate } from '@csp/domain';

function parseDate(value: unknown): string {
  if (typeof value === 'string' && isRealDate(value)) return value;
  throw new GraphQLError('A Date must be written as YYYY-MM-DD, e.g. 2026-03-31.');
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (date && !Number.isNaN(date.getTime())) return date;
  throw new GraphQLError('A DateTime must be an ISO 8601 timestamp, e.g. 2026-03-31T09:00:00Z.');
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** Output only: the export is built by the server, never sent by a client. */
export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: () => {
    throw new GraphQLError('JSON values are not accepted as input.');
  },
  parseLiteral: () => {
    throw new GraphQLError('JSON values are not accepted as input.');
  },
});
