import { type ASTVisitor, type FieldNode, type GraphQLField, type ValidationContext } from 'graphql';
import { coded, type ErrorCode } from '../errors.js';

/** Marks the fields that check or set a password: `directive @signIn` in base.graphql. */
export const SIGN_IN_DIRECTIVE = 'signIn';

export const ONE_SIGN_IN_CODE = 'ONE_SIGN_IN_PER_REQUEST' satisfies ErrorCode;

const marked = new WeakMap<GraphQLField<unknown, unknown>, boolean>();

function isSignInField(field: GraphQLField<unknown, unknown>): boolean {
  let answer = marked.get(field);
  if (answer === undefined) {
    answer = Boolean(field.astNode?.directives?.some((d) => d.name.value === SIGN_IN_DIRECTIVE));
    marked.set(field, answer);
  }
  return answer;
}

/**
 * Refuses an operation that asks for more than one field marked `@signIn`, counted across the whole operation:
 * aliases, fragments (each time they are spread) and inline fragments. Otherwise twenty aliased `logIn` fields
 * would make one rate-limited request twenty password guesses, and twenty argon2 checks' worth of work. Runs in
 * validation, so nothing of the operation has run when it is refused.
 */
export function oneSignInPerOperation(context: ValidationContext): ASTVisitor {
  // Per definition (operation or fragment): the sign-in fields written in it, and the fragments it spreads.
  const fields = new Map<string, FieldNode[]>();
  const spreads = new Map<string, string[]>();
  let current = '';
  const key = (kind: 'operation' | 'fragment', name: string) => `${kind}:${name}`;
  let operations = 0;

  return {
    OperationDefinition(node) {
      current = key('operation', node.name?.value ?? `#${operations++}`);
    },
    FragmentDefinition(node) {
      current = key('fragment', node.name.value);
    },
    Field(node) {
      const field = context.getFieldDef();
      if (field && isSignInField(field)) fields.set(current, [...(fields.get(current) ?? []), node]);
    },
    FragmentSpread(node) {
      spreads.set(current, [...(spreads.get(current) ?? []), node.name.value]);
    },
    Document: {
      leave(document) {
        // Counted, not listed: a fragment spread twice in a fragment spread twice... doubles at each level.
        const counts = new Map<string, number>();
        const count = (definition: string, path: ReadonlySet<string>): number => {
          const known = counts.get(definition);
          if (known !== undefined) return known;
          // A fragment that spreads itself is refused by graphql-js's own rules; here it just stops the walk.
          if (path.has(definition)) return 0;
          const inner = new Set(path).add(definition);
          const total = (spreads.get(definition) ?? []).reduce(
            (sum, name) => sum + count(key('fragment', name), inner),
            fields.get(definition)?.length ?? 0,
          );
          counts.set(definition, total);
          return total;
        };
        const nodesUnder = (definition: string, seen: Set<string>): FieldNode[] => {
          if (seen.has(definition)) return [];
          seen.add(definition);
          return [
            ...(fields.get(definition) ?? []),
            ...(spreads.get(definition) ?? []).flatMap((name) => nodesUnder(key('fragment', name), seen)),
          ];
        };
        let unnamed = 0;
        for (const definition of document.definitions) {
          if (definition.kind !== 'OperationDefinition') continue;
          const operation = key('operation', definition.name?.value ?? `#${unnamed++}`);
          const asked = count(operation, new Set());
          if (asked <= 1) continue;
          const nodes = nodesUnder(operation, new Set());
          const names = [...new Set(nodes.map((node) => node.name.value))].join(', ');
          context.reportError(
            coded(
              ONE_SIGN_IN_CODE,
              `A request may sign in, sign up or set a password only once, but this one asks ${asked} times ` +
                `(${names}). Send each attempt as a request of its own.`,
              { nodes },
            ),
          );
        }
      },
    },
  };
}
