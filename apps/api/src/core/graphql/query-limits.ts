import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError } from 'graphql';

/**
 * What one request may ask for. Generous for every screen of the portal and any reasonable integration, far below
 * what would let one caller tie up the database. Each refusal carries a code of its own so a client can tell them
 * apart, and a message that names the limit.
 */
export const QUERY_LIMITS = {
  depth: 12,
  cost: 20_000,
  aliases: 20,
  directives: 30,
  tokens: 5_000,
} as const;

function refuseWith(code: string): { propagateOnRejection: false; onReject: GraphQLArmorRejectCallback[] } {
  return {
    propagateOnRejection: false,
    onReject: [
      (context, error) =>
        context?.reportError(
          new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
            extensions: { code },
          }),
        ),
    ],
  };
}

export function queryLimits(options: { development: boolean }) {
  return new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.depth, ...refuseWith('QUERY_TOO_DEEP') },
    costLimit: { maxCost: QUERY_LIMITS.cost, ...refuseWith('QUERY_TOO_COSTLY') },
    maxAliases: { n: QUERY_LIMITS.aliases, ...refuseWith('TOO_MANY_ALIASES') },
    maxDirectives: { n: QUERY_LIMITS.directives, ...refuseWith('TOO_MANY_DIRECTIVES') },
    // Tokens are counted by graphql-js's own parser instead (`parseOptions.maxTokens` in server.ts): armor's
    // version re-parses in a plugin and turns every syntax error into a 500.
    maxTokens: { enabled: false },
    // "Did you mean …?" hints map the schema for an attacker; they stay on only while developing.
    blockFieldSuggestion: { enabled: !options.development },
  }).protect();
}
