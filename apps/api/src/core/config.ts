import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTrustProxy, type TrustProxy } from './http/trust-proxy.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** How webhooks are delivered (read from the environment by `readConfig`; tests pass their own). */
export interface WebhookSettings {
  /** Operator setting (WEBHOOKS_ALLOW_PRIVATE_ADDRESSES): lets endpoints point at loopback and private networks. */
  allowPrivateAddresses: boolean;
  /** Whether this process delivers (WEBHOOK_WORKER); API processes that should only serve can turn it off. */
  worker: boolean;
  /** How often the worker looks for due deliveries (WEBHOOK_POLL_MS). */
  pollMs: number;
  /** How long one delivery attempt may take (WEBHOOK_TIMEOUT_MS). */
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  allowPrivateAddresses: false,
  worker: true,
  pollMs: 2000,
  timeoutMs: 10_000,
};

export interface Config {
  port: number;
  /** The connection requests are served on. Unset: an embedded PostgreSQL in `.data/` is started. */
  databaseUrl: string | undefined;
  /** The table owner's connection, for migrations; defaults to `databaseUrl`. */
  migrationDatabaseUrl: string | undefined;
  production: boolean;
  sessionDays: number;
  portalDist: string;
  dataDir: string;
  embeddedPort: number;
  /** Seed the demo consultancy into an empty database (on by default, off with DEMO_DATA=off). */
  demoData: boolean;
  webhooks: WebhookSettings;
  /** Whose X-Forwarded-For to believe (TRUST_PROXY): a hop count or addresses; `loopback` by default. */
  trustProxy: TrustProxy;
  /** The bearer token for /metrics (METRICS_TOKEN); production without one serves no /metrics. */
  metricsToken: string | undefined;
  /** The address email links point to (PUBLIC_URL), without a trailing slash; unset: the request's own host. */
  publicUrl: string | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 4000),
    databaseUrl: env.DATABASE_URL || undefined,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL || env.DATABASE_URL || undefined,
    production: env.NODE_ENV === 'production',
    sessionDays: Number(env.SESSION_DAYS ?? 14),
    portalDist: env.PORTAL_DIST ?? path.join(REPO_ROOT, 'apps/portal/dist'),
    dataDir: env.DATA_DIR ?? path.join(REPO_ROOT, '.data'),
    embeddedPort: Number(env.EMBEDDED_PG_PORT ?? 5433),
    demoData: env.DEMO_DATA !== 'off',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    metricsToken: env.METRICS_TOKEN || undefined,
    webhooks: {
      allowPrivateAddresses: env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES === 'on',
      worker: env.WEBHOOK_WORKER !== 'off',
      pollMs: Number(env.WEBHOOK_POLL_MS ?? DEFAULT_WEBHOOK_SETTINGS.pollMs),
      timeoutMs: Number(env.WEBHOOK_TIMEOUT_MS ?? DEFAULT_WEBHOOK_SETTINGS.timeoutMs),
    },
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/$/, '') : undefined,
  };
}
