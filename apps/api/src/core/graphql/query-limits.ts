import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { coded, type ErrorCode } from '../errors.js';
import { queryCostPlugin } from './query-cost.js';
import { requestBudgetPlugin } from './request-budget.js';

/**
 * What one request may ask for. Generous for every screen of the portal and any reasonable integration, far below
 * what would let one caller tie up the database. Each refusal carries a code of its own so a client can tell them
 * apart, and a message that names the limit.
 */
export const QUERY_LIMITS = {
  depth: 12,
  /**
   * query-cost.ts: nested lists multiply. The portal's heaviest screen costs about 6,000, the bench's
   * `clients(first: 50)` with engagements and milestones 27,000 (introspection has its own limit, one full
   * introspection and half again: query-cost.ts's `introspectionLimit`); walking
   * clients → audits → client → audits four levels deep costs 6.7 million (query-cost.test.ts keeps these true).
   */
  cost: 100_000,
  aliases: 20,
  directives: 30,
  tokens: 5_000,
} as const;

function refuseWith(code: ErrorCode): {
  propagateOnRejection: false;
  onReject: GraphQLArmorRejectCallback[];
} {
  return {
    propagateOnRejection: false,
    onReject: [
      (context, error) => context?.reportError(coded(code, error.message.replace(/^Syntax Error: /, ''))),
    ],
  };
}

export function queryLimits(options: { development: boolean }) {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.depth, ...refuseWith('QUERY_TOO_DEEP') },
    // Armor's cost does not multiply by list lengths; ours (query-cost.ts) does, and needs the variables.
    costLimit: { enabled: false },
    // Every alias counts, `__typename` too: armor leaves it out by default, and 1,500 of them still take work.
    maxAliases: { n: QUERY_LIMITS.aliases, allowList: [], ...refuseWith('TOO_MANY_ALIASES') },
    maxDirectives: { n: QUERY_LIMITS.directives, ...refuseWith('TOO_MANY_DIRECTIVES') },
    // Tokens are counted by graphql-js's own parser instead (`parseOptions.maxTokens` in server.ts): armor's
    // version re-parses in a plugin and turns every syntax error into a 500.
    maxTokens: { enabled: false },
    // "Did you mean …?" hints map the schema for an attacker; they stay on only while developing.
    blockFieldSuggestion: { enabled: !options.development },
  }).protect();
  return {
    plugins: [...armor.plugins, queryCostPlugin(QUERY_LIMITS.cost), requestBudgetPlugin],
    validationRules: armor.validationRules,
  };
}
