import type { ApolloServerPlugin } from '@apollo/server';
import {
  BREAK,
  GraphQLError,
  Kind,
  TypeInfo,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isSpecifiedScalarType,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { unstorableText } from '@csp/domain';
import { badInput } from '../errors.js';

/**
 * One look at every value an operation sends, before anything runs: text PostgreSQL cannot store (a NUL character)
 * or that is not Unicode (an unpaired surrogate) is refused here, for every argument of every operation, instead of
 * in each module or as an internal error from the database. So are Date and DateTime values sent as variables, so
 * that their error names the argument path too. Refusing before execution means that in a request of several
 * mutations none runs, and nothing is written.
 */
export const inputChecks: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async validationDidStart({ document }) {
        return async (errors) => {
          if (errors?.length) nameLiteralArguments(document, errors);
        };
      },
      async didResolveOperation({ schema, document, operation, request }) {
        if (!operation) return;
        const problem = findOddInput(schema, document, operation, request.variables ?? {});
        if (!problem) return;
        // A request error like a variable that fails to coerce: 400 (or 200 for legacy JSON, response-status.ts).
        throw badInput(problem.path, problem.message, { http: { status: 400 } });
      },
    };
  },
};

export interface InputProblem {
  /** The argument path, e.g. `input.promises[2].title`. */
  path: string;
  message: string;
}

const TEXT_PROBLEMS = {
  NUL: 'cannot hold a NUL character (U+0000). Remove it and send the text again.',
  UNPAIRED_SURROGATE:
    'holds half of a UTF-16 surrogate pair on its own, which is not valid Unicode (the text was probably cut in the ' +
    'middle of a character such as an emoji). Send the text again whole.',
} as const;

interface Scope {
  variables: Record<string, unknown>;
  defaults: Map<string, ValueNode>;
  /** The field whose argument is being checked, as the response names it (alias or name). */
  field: string;
}

/** The first odd value among the operation's arguments (literals, variables and variables' defaults), if any. */
export function findOddInput(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): InputProblem | undefined {
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const scope: Scope = { variables, defaults, field: '' };
  const fields: string[] = [];
  const typeInfo = new TypeInfo(schema);
  let problem: InputProblem | undefined;
  const visitor = visitWithTypeInfo(typeInfo, {
    Field: {
      enter: (node) => void fields.push(node.alias?.value ?? node.name.value),
      leave: () => void fields.pop(),
    },
    Argument(node) {
      const argument = typeInfo.getArgument();
      if (argument) {
        scope.field = fields.at(-1) ?? '';
        problem = checkLiteral(node.value, argument.type, node.name.value, scope);
        if (problem) return BREAK;
      }
      // The value was walked above, with its type; the visitor need not descend into it.
      return false;
    },
  });
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  for (const definition of [operation, ...fragments]) {
    visit(definition, visitor);
    if (problem) return problem;
  }
  return undefined;
}

function checkLiteral(
  node: ValueNode,
  type: GraphQLInputType,
  path: string,
  scope: Scope,
): InputProblem | undefined {
  if (isNonNullType(type)) return checkLiteral(node, type.ofType, path, scope);
  switch (node.kind) {
    case Kind.VARIABLE: {
      const name = node.name.value;
      if (Object.hasOwn(scope.variables, name)) return checkValue(scope.variables[name], type, path, scope);
      const fallback = scope.defaults.get(name);
      return fallback ? checkLiteral(fallback, type, path, scope) : undefined;
    }
    case Kind.LIST: {
      const item = isListType(type) ? type.ofType : type;
      for (const [index, value] of node.values.entries()) {
        const problem = checkLiteral(value, item, `${path}[${index}]`, scope);
        if (problem) return problem;
      }
      return undefined;
    }
    case Kind.OBJECT: {
      if (!isInputObjectType(type)) return undefined;
      const fields = type.getFields();
      for (const field of node.fields) {
        const definition = fields[field.name.value];
        if (!definition) continue;
        const problem = checkLiteral(field.value, definition.type, `${path}.${field.name.value}`, scope);
        if (problem) return problem;
      }
      return undefined;
    }
    case Kind.STRING:
      // Literals of our own scalars were already parsed by validation; only their text is left to check.
      return checkText(node.value, path, scope);
    default:
      return undefined;
  }
}

/** A variable's JSON, walked along the type of the place it is used in. */
function checkValue(
  value: unknown,
  type: GraphQLInputType,
  path: string,
  scope: Scope,
): InputProblem | undefined {
  if (value === null || value === undefined) return undefined;
  if (isNonNullType(type)) return checkValue(value, type.ofType, path, scope);
  if (isListType(type)) {
    // GraphQL takes a single value where a list is expected as a list of one.
    if (!Array.isArray(value)) return checkValue(value, type.ofType, path, scope);
    for (const [index, item] of value.entries()) {
      const problem = checkValue(item, type.ofType, `${path}[${index}]`, scope);
      if (problem) return problem;
    }
    return undefined;
  }
  if (isInputObjectType(type)) {
    // Anything but an object, and any key that is not a field, is refused by GraphQL's own coercion.
    if (typeof value !== 'object' || Array.isArray(value)) return undefined;
    for (const [name, field] of Object.entries(type.getFields())) {
      if (!Object.hasOwn(value, name)) continue;
      const problem = checkValue(
        (value as Record<string, unknown>)[name],
        field.type,
        `${path}.${name}`,
        scope,
      );
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof value === 'string') {
    const problem = checkText(value, path, scope);
    if (problem) return problem;
  }
  if (isScalarType(type) && !isSpecifiedScalarType(type)) {
    try {
      type.parseValue(value);
    } catch (error) {
      const reason = error instanceof GraphQLError ? error.message : `This is not a valid ${type.name}.`;
      return { path, message: `${path} in ${scope.field}: ${reason}` };
    }
  }
  return undefined;
}

function checkText(value: string, path: string, scope: Scope): InputProblem | undefined {
  const odd = unstorableText(value);
  return odd ? { path, message: `${path} in ${scope.field} ${TEXT_PROBLEMS[odd]}` } : undefined;
}

/**
 * A literal that validation refused (a Date of year 0000 written in the query, an unknown enum value) is reported
 * by graphql-js without saying which argument it is; its node is in the document, so the path can be found and
 * added, and the error is answered as BAD_USER_INPUT naming it (format-error.ts).
 */
function nameLiteralArguments(document: DocumentNode, errors: readonly Error[]) {
  for (const error of errors) {
    if (!(error instanceof GraphQLError)) continue;
    const node = error.nodes?.[0];
    if (!node || error.extensions.field !== undefined) continue;
    let path: string | undefined;
    visit(document, {
      Argument(argument) {
        path = pathTo(argument.value, node, argument.name.value);
        return path === undefined ? false : BREAK;
      },
    });
    if (path !== undefined) error.extensions.field = path;
  }
}

function pathTo(value: ValueNode, target: ASTNode, path: string): string | undefined {
  if (value === target) return path;
  if (value.kind === Kind.LIST) {
    for (const [index, item] of value.values.entries()) {
      const found = pathTo(item, target, `${path}[${index}]`);
      if (found !== undefined) return found;
    }
  }
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      const found = pathTo(field.value, target, `${path}.${field.name.value}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
