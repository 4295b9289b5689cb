import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context.js';
import { logger } from '../logger.js';
import type { Metrics } from './metrics.js';

/**
 * One structured line per GraphQL request: request id, tenant, operation, outcome, duration and statements; never
 * variables, headers or bodies, so no secret or password can reach the logs. Feeds the metrics at the same time.
 */
/** Distinct operation names kept as metric labels; names past it are counted together as `other`. */
const MAX_OPERATION_LABELS = 200;
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * Operation names come from the caller, so as metric labels they are bounded: a client inventing a new name per
 * request must not be able to grow the metrics without end. The portal's and integrations' names fit easily.
 */
function operationLabel(seen: Set<string>, name: string): string {
  if (seen.has(name)) return name;
  if (!GRAPHQL_NAME.test(name) || seen.size >= MAX_OPERATION_LABELS) return 'other';
  seen.add(name);
  return name;
}

export function requestLog(metrics: Metrics): ApolloServerPlugin<RequestContext> {
  const labels = new Set<string>();
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ contextValue, response, operationName, errors }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const codes = (errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          const operation = operationName ?? 'anonymous';
          const outcome = codes.length ? 'error' : 'ok';
          metrics.requests.observe({ operation: operationLabel(labels, operation), outcome }, seconds);
          for (const code of codes) metrics.errors.inc({ code });
          logger.info(
            {
              requestId: contextValue.requestId,
              tenantId: contextValue.viewer.kind === 'anonymous' ? undefined : contextValue.viewer.tenantId,
              operation,
              status: response.http.status ?? 200,
              errors: codes.length ? codes : undefined,
              ms: Math.round(seconds * 1000),
              statements: contextValue.db.statementCount(),
            },
            'graphql request',
          );
        },
      };
    },
  };
}
