import autocannon from 'autocannon';

export interface LoadResult {
  name: string;
  requests: number;
  /** Responses that were not 200, or GraphQL errors in a 200. */
  failures: number;
  /** Of the failures, those answered 429 (the API's rate or in-flight limits). */
  refused: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Mean of the x-sql-statements header (or of the counts given by `statements`). */
  statements: number | null;
  /** Mean execution time inside PostgreSQL per request (from pg_stat_statements), when measured. */
  dbMs?: number;
  /** CPU time of the server's process per request (user + system), when measured. */
  cpuMs?: number;
  /** Resident memory of the server's process right after the run, when measured. */
  rssBytes?: number;
  /** The first failed answer, cut short, to tell why. */
  firstFailure?: string;
}

export interface LoadOptions {
  name: string;
  url: string;
  body: () => unknown;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  /** Per connection: called once with the connection's number to set up its state. */
  perConnection?: (connection: number) => Record<string, unknown>;
  /** Extra headers from the connection's state (e.g. each connection its own caller's token). */
  headersFor?: (state: Record<string, unknown>) => Record<string, string>;
  /** Builds the body from the connection's state instead of `body`. */
  bodyFor?: (state: Record<string, unknown>) => unknown;
  /** Runs after the warm-up, right before the measured run (e.g. to reset the server's statistics). */
  beforeMeasure?: () => Promise<void>;
  /** Reads the answer (e.g. a new revision) into the connection's state; false counts the answer as failed. */
  /** The measured run's latencies (not the warm-up's) are pushed here too, to merge concurrent runs' percentiles. */
  latencies?: number[];
  onAnswer?: (state: Record<string, unknown>, answer: Record<string, unknown>) => boolean;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

/**
 * One bounded autocannon run on loopback, after a warm-up of `warmupSeconds` (default 2) that is not counted;
 * latencies are taken per response, so p95 is exact.
 */
export async function load(options: LoadOptions & { warmupSeconds?: number }): Promise<LoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(options.url)) throw new Error('loopback only');
  const warmup = options.warmupSeconds ?? 2;
  if (warmup > 0) await measure({ ...options, seconds: warmup, latencies: undefined });
  await options.beforeMeasure?.();
  return measure(options);
}

async function measure(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let refused = 0;
  let firstFailure: string | undefined;
  let statementSum = 0;
  let statementCount = 0;
  let nextConnection = 0;
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        timeout: 10,
        headers: { 'content-type': 'application/json', ...options.headers },
        requests: [
          {
            method: 'POST',
            setupRequest: (request, context) => {
              const state = context as Record<string, unknown>;
              if (state.connection === undefined) {
                state.connection = nextConnection++;
                Object.assign(state, options.perConnection?.(state.connection as number));
              }
              const body = options.bodyFor ? options.bodyFor(state) : options.body();
              const headers = options.headersFor?.(state);
              return {
                ...request,
                body: JSON.stringify(body),
                ...(headers ? { headers: { ...request.headers, ...headers } } : {}),
              };
            },
            onResponse: (status, body, context, headers) => {
              const statements = Number((headers as Record<string, string | undefined>)['x-sql-statements']);
              if (Number.isFinite(statements)) {
                statementSum += statements;
                statementCount++;
              }
              let answer: Record<string, unknown> | null = null;
              try {
                answer = JSON.parse(body) as Record<string, unknown>;
              } catch {
                answer = null;
              }
              const accepted =
                answer && options.onAnswer
                  ? options.onAnswer(context as Record<string, unknown>, answer)
                  : true;
              if (status !== 200 || !answer || answer.errors || !accepted) {
                failures++;
                if (status === 429) refused++;
                firstFailure ??= `${status} ${body.slice(0, 300)}`;
              }
            },
          },
        ],
      },
      (error) => (error ? reject(error) : resolve()),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, time: number) => {
      latencies.push(time);
    });
  });
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  options.latencies?.push(...latencies);
  return {
    name: options.name,
    requests: latencies.length,
    failures,
    refused,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    statements: statementCount ? statementSum / statementCount : null,
    ...(firstFailure ? { firstFailure } : {}),
  };
}
