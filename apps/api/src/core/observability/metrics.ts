import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';

/** What the concurrency limiter reports (core/http/concurrency.ts). */
export interface InFlightSource {
  inFlight(): number;
  queued(): number;
}

/** The event loop's timer is sampled this often; a sample's delay is how much later than that it ran. */
const EVENT_LOOP_RESOLUTION_MS = 10;

/** Prometheus metrics: one registry per API instance (tests start several in one process). */
export function createMetrics(dataSource: DataSource, inFlight?: InFlightSource) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Histogram({
    name: 'csp_graphql_request_duration_seconds',
    help: 'GraphQL requests by operation and outcome, with their duration.',
    labelNames: ['operation', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'csp_graphql_errors_total',
    help: 'GraphQL errors by extensions.code.',
    labelNames: ['code'],
    registers: [registry],
  });
  // The pool is pg's, behind TypeORM's driver; read at scrape time so it costs nothing per request.
  const pool = () =>
    (
      dataSource.driver as unknown as {
        master?: { totalCount: number; idleCount: number; waitingCount: number };
      }
    ).master;
  new Gauge({
    name: 'csp_db_pool_connections',
    help: 'Database pool connections by state.',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const current = pool();
      if (!current) return;
      this.set({ state: 'total' }, current.totalCount);
      this.set({ state: 'idle' }, current.idleCount);
      this.set({ state: 'waiting' }, current.waitingCount);
    },
  });
  eventLoopDelay(registry);
  if (inFlight) {
    const source = inFlight;
    new Gauge({
      name: 'csp_graphql_requests_in_flight',
      help: 'GraphQL requests running now, and waiting for a slot (per-caller and per-consultancy limits).',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        this.set({ state: 'running' }, source.inFlight());
        this.set({ state: 'waiting' }, source.queued());
      },
    });
  }
  return { registry, requests, errors };
}

/**
 * How late the event loop ran since the last scrape, by quantile (0.5, 0.99, and 1 for the worst). Every request
 * waits this long behind whatever holds the loop, so it is the figure that shows one request stalling the others.
 * prom-client's own `nodejs_eventloop_lag_seconds` is one sample taken at scrape time, and its percentiles include
 * the 10 ms sampling interval itself; this one counts only the delay beyond it.
 */
function eventLoopDelay(registry: Registry) {
  const histogram = monitorEventLoopDelay({ resolution: EVENT_LOOP_RESOLUTION_MS });
  histogram.enable();
  const beyondInterval = (nanoseconds: number) =>
    Math.max(0, nanoseconds / 1e9 - EVENT_LOOP_RESOLUTION_MS / 1000);
  new Gauge({
    name: 'csp_event_loop_delay_seconds',
    help: 'Event loop delay since the last scrape, beyond the 10 ms sampling interval, by quantile.',
    labelNames: ['quantile'],
    registers: [registry],
    collect() {
      if (histogram.count === 0) return;
      this.set({ quantile: '0.5' }, beyondInterval(histogram.percentile(50)));
      this.set({ quantile: '0.99' }, beyondInterval(histogram.percentile(99)));
      this.set({ quantile: '1' }, beyondInterval(histogram.max));
      histogram.reset();
    },
  });
}

export type Metrics = ReturnType<typeof createMetrics>;
