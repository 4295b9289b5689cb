import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';

/** Prometheus metrics: one registry per API instance (tests start several in one process). */
export function createMetrics(dataSource: DataSource) {
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
  return { registry, requests, errors };
}

export type Metrics = ReturnType<typeof createMetrics>;
