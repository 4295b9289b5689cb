import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { BudgetLimits } from './graphql/request-budget.js';
import type { ConcurrencyOptions } from './http/concurrency.js';
import type { RateLimitOptions } from './http/rate-limit.js';
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

/** How mail is sent (read from the environment by `readConfig`; tests pass their own). */
export interface MailSettings {
  /**
   * The SMTP server (SMTP_URL), e.g. `smtp://user:pass@host:2525` or `smtps://…`. Unset: mail is kept, not sent,
   * and admins read it on the "Sent mail" page.
   */
  smtpUrl: string | undefined;
  /** The From of every mail (MAIL_FROM). */
  from: string;
  /** Whether this process sends the outbox (MAIL_WORKER); API processes that should only serve can turn it off. */
  worker: boolean;
  /** How often the worker looks for mail due (MAIL_POLL_MS). */
  pollMs: number;
  /** How long one SMTP conversation may take, connecting included (MAIL_TIMEOUT_MS). */
  timeoutMs: number;
}

/** Whether mail goes out through an SMTP server or is kept, unsent, for admins to read. */
export type MailDeliveryMode = 'SMTP' | 'KEPT';

export const mailDeliveryOf = (settings: Pick<MailSettings, 'smtpUrl'>): MailDeliveryMode =>
  settings.smtpUrl ? 'SMTP' : 'KEPT';

export const DEFAULT_MAIL_SETTINGS: MailSettings = {
  smtpUrl: undefined,
  from: 'Service Programme <no-reply@service-programme.localhost>',
  worker: true,
  pollMs: 2000,
  timeoutMs: 10_000,
};

/**
 * The public feedback form's abuse limits (docs/feedback.md, "Abuse protection"). The secret signs proof-of-work
 * challenges and invitation links; without FEEDBACK_SECRET each process makes its own at start, which is fine for one
 * process (challenges live 5 minutes) but breaks invitations across a restart or between replicas: set it in
 * production.
 */
export interface FeedbackSettings {
  secret: string;
  /** The largest number a challenge hides (FEEDBACK_CHALLENGE_MAX_NUMBER): a browser tries half of them on average. */
  challengeMaxNumber: number;
  /** Answers one network address may send per hour, over all links (FEEDBACK_PER_ADDRESS_PER_HOUR). */
  perAddressPerHour: number;
  /** Answers one link takes per minute, from everybody (FEEDBACK_PER_LINK_PER_MINUTE). */
  perLinkPerMinute: number;
}

const PROCESS_FEEDBACK_SECRET = randomBytes(32).toString('base64url');

export const DEFAULT_FEEDBACK_SETTINGS: FeedbackSettings = {
  secret: PROCESS_FEEDBACK_SECRET,
  challengeMaxNumber: 100_000,
  perAddressPerHour: 10,
  perLinkPerMinute: 60,
};

/**
 * Signs the links in email that act without a sign-in (one-click unsubscribe, modules/notifications). Such a link
 * never expires, so the key must outlive restarts and be the same on every replica: set EMAIL_LINK_SECRET in
 * production. Without it, development and tests use a fixed key anyone could read here, and production makes one per
 * process, so that no link can be forged, at the price of links that stop working after a restart.
 */
const DEVELOPMENT_EMAIL_LINK_SECRET =
  'development-only email link secret: set EMAIL_LINK_SECRET in production';

/**
 * Every setting the API takes from its environment, read here and nowhere else: the variable's name, its default
 * and how it is parsed sit together. README.md and infra/README.md list the same variables for operators.
 */
export interface Config {
  port: number;
  /** The connection requests are served on. Unset: an embedded PostgreSQL in `.data/` is started. */
  databaseUrl: string | undefined;
  /** The table owner's connection, for migrations; defaults to `databaseUrl`. */
  migrationDatabaseUrl: string | undefined;
  /** SKIP_MIGRATIONS=true: migrations run elsewhere (the Kubernetes Job), so the API needs no owner credentials. */
  skipMigrations: boolean;
  production: boolean;
  /** NODE_ENV=development: full error messages, stack traces, field suggestions and schema details. */
  development: boolean;
  sessionDays: number;
  portalDist: string;
  dataDir: string;
  embeddedPort: number;
  /**
   * Seed the demo consultancy into an empty database: DEMO_DATA=off never, any other value always; unset, only on
   * the embedded PostgreSQL (a DATABASE_URL of one's own gets no demo data unless asked for).
   */
  demoData: boolean;
  webhooks: WebhookSettings;
  mail: MailSettings;
  /** Reminders, digests and monthly reports (SCHEDULED_WORK, SCHEDULED_WORK_POLL_MS): core/scheduled-work.ts. */
  scheduledWork: { poll: boolean; pollMs: number };
  feedback: FeedbackSettings;
  /** The key that signs unsubscribe links in email (EMAIL_LINK_SECRET); see DEVELOPMENT_EMAIL_LINK_SECRET. */
  emailLinkSecret: string;
  /** Whose X-Forwarded-For to believe (TRUST_PROXY): a hop count or addresses; `loopback` by default. */
  trustProxy: TrustProxy;
  /** The bearer token for /metrics (METRICS_TOKEN); production without one serves no /metrics. */
  metricsToken: string | undefined;
  /**
   * The DNS servers that prove single sign-on domains (SSO_DNS_SERVERS, comma-separated `host` or `host:port`); the
   * system's resolver when unset.
   */
  ssoDnsServers: string[] | undefined;
  /** SSO_ALLOW_PRIVATE_ADDRESSES=on: identity providers on a private or loopback network (development, tests). */
  ssoAllowPrivateAddresses: boolean;
  /** The address email links point to (PUBLIC_URL), without a trailing slash; unset: the request's own host. */
  publicUrl: string | undefined;
  /** LOG_LEVEL, a pino level; `info`, or `silent` under NODE_ENV=test. */
  logLevel: string;
  /** STATEMENT_TIMEOUT_MS: one SQL statement's limit before PostgreSQL cancels it. */
  statementTimeoutMs: number;
  /** PASSWORD_HASHING_CONCURRENCY: argon2 hashes and checks one process runs at once (core/auth/passwords.ts). */
  passwordHashingConcurrency: number;
  /** RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW_SECONDS, per caller (core/http/rate-limit.ts). */
  rateLimit: RateLimitOptions;
  /** CONCURRENT_REQUESTS_PER_CALLER, _PER_TENANT, CONCURRENCY_QUEUE_MS, _MAX_QUEUED (core/http/concurrency.ts). */
  concurrency: ConcurrencyOptions;
  /** REQUEST_MAX_FIELDS, REQUEST_MAX_MS, RESPONSE_MAX_BYTES (core/graphql/request-budget.ts). */
  budget: BudgetLimits;
  /** CSP_STATEMENT_LOG: a folder to log every distinct SQL statement to (the test run's tenant check sets it). */
  statementLogDir: string | undefined;
}

/** A positive number, or the default when unset or not one. */
const positive = (value: string | undefined, fallback: number) => {
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
};

/** A whole number of at least `min`, or the default when unset or not one. */
const whole = (value: string | undefined, fallback: number, min = 0) => {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= min ? parsed : fallback;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port: Number(env.PORT ?? 4000),
    databaseUrl,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL || env.DATABASE_URL || undefined,
    skipMigrations: env.SKIP_MIGRATIONS === 'true',
    production: env.NODE_ENV === 'production',
    development: env.NODE_ENV === 'development',
    sessionDays: Number(env.SESSION_DAYS ?? 14),
    portalDist: env.PORTAL_DIST ?? path.join(REPO_ROOT, 'apps/portal/dist'),
    dataDir: env.DATA_DIR ?? path.join(REPO_ROOT, '.data'),
    embeddedPort: Number(env.EMBEDDED_PG_PORT ?? 5433),
    demoData: env.DEMO_DATA ? env.DEMO_DATA !== 'off' : !databaseUrl,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    metricsToken: env.METRICS_TOKEN || undefined,
    webhooks: {
      allowPrivateAddresses: env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES === 'on',
      worker: env.WEBHOOK_WORKER !== 'off',
      pollMs: Number(env.WEBHOOK_POLL_MS ?? DEFAULT_WEBHOOK_SETTINGS.pollMs),
      timeoutMs: Number(env.WEBHOOK_TIMEOUT_MS ?? DEFAULT_WEBHOOK_SETTINGS.timeoutMs),
    },
    mail: {
      smtpUrl: env.SMTP_URL || undefined,
      from: env.MAIL_FROM || DEFAULT_MAIL_SETTINGS.from,
      worker: env.MAIL_WORKER !== 'off',
      pollMs: positive(env.MAIL_POLL_MS, DEFAULT_MAIL_SETTINGS.pollMs),
      timeoutMs: positive(env.MAIL_TIMEOUT_MS, DEFAULT_MAIL_SETTINGS.timeoutMs),
    },
    scheduledWork: {
      poll: env.SCHEDULED_WORK !== 'off',
      pollMs: positive(env.SCHEDULED_WORK_POLL_MS, 15_000),
    },
    feedback: {
      secret: env.FEEDBACK_SECRET || PROCESS_FEEDBACK_SECRET,
      challengeMaxNumber: whole(
        env.FEEDBACK_CHALLENGE_MAX_NUMBER,
        DEFAULT_FEEDBACK_SETTINGS.challengeMaxNumber,
        1,
      ),
      perAddressPerHour: whole(
        env.FEEDBACK_PER_ADDRESS_PER_HOUR,
        DEFAULT_FEEDBACK_SETTINGS.perAddressPerHour,
        1,
      ),
      perLinkPerMinute: whole(
        env.FEEDBACK_PER_LINK_PER_MINUTE,
        DEFAULT_FEEDBACK_SETTINGS.perLinkPerMinute,
        1,
      ),
    },
    emailLinkSecret:
      env.EMAIL_LINK_SECRET ||
      (env.NODE_ENV === 'production' ? randomBytes(32).toString('base64url') : DEVELOPMENT_EMAIL_LINK_SECRET),
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/$/, '') : undefined,
    ssoDnsServers: env.SSO_DNS_SERVERS
      ? env.SSO_DNS_SERVERS.split(',')
          .map((server) => server.trim())
          .filter(Boolean)
      : undefined,
    ssoAllowPrivateAddresses: env.SSO_ALLOW_PRIVATE_ADDRESSES === 'on',
    logLevel: readLogLevel(env),
    statementTimeoutMs: Number(env.STATEMENT_TIMEOUT_MS ?? 10_000),
    passwordHashingConcurrency: whole(env.PASSWORD_HASHING_CONCURRENCY, 2, 1),
    rateLimit: {
      points: Number(env.RATE_LIMIT_REQUESTS ?? 600),
      windowSeconds: Number(env.RATE_LIMIT_WINDOW_SECONDS ?? 60),
    },
    concurrency: {
      perCaller: whole(env.CONCURRENT_REQUESTS_PER_CALLER, 4),
      perTenant: whole(env.CONCURRENT_REQUESTS_PER_TENANT, 4),
      queueMs: whole(env.CONCURRENCY_QUEUE_MS, 250),
      maxQueued: whole(env.CONCURRENCY_MAX_QUEUED, 16),
    },
    budget: {
      fields: positive(env.REQUEST_MAX_FIELDS, 50_000),
      milliseconds: positive(env.REQUEST_MAX_MS, 5_000),
      responseBytes: positive(env.RESPONSE_MAX_BYTES, 16 * 1024 * 1024),
    },
    statementLogDir: env.CSP_STATEMENT_LOG || undefined,
  };
}

/**
 * LOG_LEVEL on its own, for the logger, which is made when its module loads: before `readConfig` runs in main.ts,
 * so that a setting `readConfig` refuses (TRUST_PROXY=all) is still reported through it.
 */
export function readLogLevel(env: NodeJS.ProcessEnv = process.env): string {
  return env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info');
}
