import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import pg from 'pg';
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { createAppDataSource } from '../src/core/database/data-source.js';
import { ensureDatabase } from '../src/core/database/provision.js';
import { createApi } from '../src/core/server.js';
import type { ApiModule } from '../src/core/api-module.js';
import type { RateLimitOptions } from '../src/core/http/rate-limit.js';
import type { SignInThrottleOptions } from '../src/core/auth/sign-in-guard.js';
import type { ConcurrencyOptions } from '../src/core/http/concurrency.js';
import type { BudgetLimits } from '../src/core/graphql/request-budget.js';
import type { SsoSettings } from '../src/core/context.js';
import {
  DEFAULT_FEEDBACK_SETTINGS,
  DEFAULT_MAIL_SETTINGS,
  mailDeliveryOf,
  readConfig,
  type FeedbackSettings,
  type MailSettings,
  type WebhookSettings,
} from '../src/core/config.js';
import { entities, modules } from '../src/modules/index.js';
import { startWebhookWorker, type WebhookWorker } from '../src/modules/webhooks/index.js';
import { startMailWorker, type MailWorker } from '../src/modules/mail/index.js';
import { startScheduledWork } from '../src/core/scheduled-work.js';
import type { OutboxWorker } from '../src/core/outbox-worker.js';
import { API_PASSWORD, TEMPLATE, withDatabase } from './global-setup.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }[];
  /** Statements the request sent to PostgreSQL (from the x-sql-statements header). */
  statements: number;
}

/**
 * Variables the schema refuses, sent on purpose by a test of that refusal (an unknown enum value, a missing
 * field): typed as whatever the document expects, so the rest of the call stays checked.
 */
export function unchecked<V>(variables: Record<string, unknown>): V {
  return variables as V;
}

/** Any document, typed or not: for a loop over several documents whose answers and variables differ. */
export type AnyDocument = string | TypedDocumentNode<unknown, never>;

/** The text of a document, for sending it untyped (see AnyDocument). */
export function asText(document: AnyDocument): string {
  return typeof document === 'string' ? document : print(document);
}

/** Who sends a request: a bearer token (a SignedIn will do) or a session cookie. */
export interface RequestOptions {
  token?: string | null;
  cookie?: string;
}

export interface TestApi {
  url: string;
  /** The API role's connection string, for starting the product itself as a separate process on this database. */
  appUrl: string;
  /** The API's own connection (as the non-owner role), for running services directly, e.g. the demo seed. */
  dataSource: DataSource;
  /**
   * Sends a GraphQL request over HTTP, as a third party would. A typed document (`graphql(...)` from
   * test/generated) types the answer and checks the variables; a string is for documents built on purpose at run
   * time (the security batteries, odd input).
   */
  graphql<R, V>(
    document: TypedDocumentNode<R, V>,
    ...rest: Record<string, never> extends V
      ? [variables?: V, options?: RequestOptions]
      : [variables: V, options?: RequestOptions]
  ): Promise<GraphQLResponse<R>>;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<T>>;
  /** SQL as the table owner on this file's database, for checking what was (not) written. */
  ownerQuery<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** Runs work on one owner connection (for multi-statement checks such as SET ROLE inside a transaction). */
  ownerSession<T>(
    work: (query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>) => Promise<T>,
  ): Promise<T>;
  /** Rows of a table belonging to one tenant, read as the owner with that tenant set. */
  countRows(table: string, tenantId: string): Promise<number>;
  /** The API's delivery worker (polling only when the test asked for it with `webhooks.worker`). */
  webhookWorker: WebhookWorker;
  /** The API's mail outbox sender (polling only when the test asked for it with `outgoingMail.worker`). */
  mailWorker: MailWorker;
  /** Reminders, digests and monthly reports: never on a timer here; a test runs what is due with `runOnce`. */
  scheduledWork: OutboxWorker;
  /**
   * Every mail the API queued, oldest first: the consultancies' outbox and the pre-tenant one (the sign-up mails)
   * together, read as the owner, secrets unmasked, whether or not the worker has sent it yet.
   */
  queuedMail(): Promise<QueuedMessage[]>;
  close(): Promise<void>;
}

/** One mail of either outbox, as test/test-api.ts's queuedMail reads it. */
export interface QueuedMessage {
  kind: string;
  to: string;
  subject: string;
  text: string;
  /** Null for the plain-text pre-tenant mail. */
  html: string | null;
  status: string;
  /** Null for pre-tenant mail. */
  tenantId: string | null;
}

/** What a test may set on the API it starts; everything else is the product's default. */
export interface TestApiOptions {
  rateLimit?: RateLimitOptions;
  concurrency?: ConcurrencyOptions;
  budget?: BudgetLimits;
  webhooks?: Partial<WebhookSettings>;
  /** The mail outbox's sender: no SMTP server (mail KEPT) and no polling unless a test asks. */
  outgoingMail?: Partial<MailSettings>;
  publicUrl?: string;
  signInThrottle?: SignInThrottleOptions;
  feedback?: Partial<FeedbackSettings>;
  /** What single sign-on reaches outside (DNS): tests answer TXT lookups themselves. */
  sso?: Partial<SsoSettings>;
  /** The features served; the product's (modules/index.ts) when left out. A test may add one of its own. */
  modules?: readonly ApiModule[];
}

/** A real API on a random port, on its own copy of the migrated template database. */
export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const serverUrl = inject('testServerUrl');
  const name = `t_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await ensureDatabase(
    withDatabase(serverUrl, new URL(serverUrl).pathname.slice(1) || 'postgres'),
    name,
    TEMPLATE,
  );
  const appUrl = new URL(withDatabase(serverUrl, name));
  appUrl.username = 'csp_api';
  appUrl.password = API_PASSWORD;
  return startApiOn({ appUrl: appUrl.toString(), ownerUrl: withDatabase(serverUrl, name), ...options });
}

/**
 * A real API on a random port over a database that is already migrated: `appUrl` is the API's own (non-owner)
 * login, `ownerUrl` a superuser's or the owner's, for the checks of ownerQuery and countRows.
 */
export async function startApiOn(
  options: TestApiOptions & { appUrl: string; ownerUrl: string },
): Promise<TestApi> {
  const dataSource = createAppDataSource(options.appUrl, entities, { poolSize: 10 });
  await dataSource.initialize();
  // Tests reach receivers on loopback; the worker polls only in tests about delivery, which also run it by hand.
  const webhooks: WebhookSettings = {
    allowPrivateAddresses: true,
    worker: false,
    pollMs: 200,
    timeoutMs: 2000,
    ...options.webhooks,
  };
  const outgoingMail: MailSettings = {
    ...DEFAULT_MAIL_SETTINGS,
    worker: false,
    pollMs: 200,
    timeoutMs: 2000,
    ...options.outgoingMail,
  };
  const api = await createApi({
    modules: options.modules ?? modules,
    mailDelivery: mailDeliveryOf(outgoingMail),
    publicUrl: options.publicUrl,
    dataSource,
    production: false,
    sessionDays: 14,
    // High enough that no functional test meets it; the limits test sets its own.
    rateLimit: options.rateLimit ?? { points: 100_000, windowSeconds: 60 },
    // Every test calls from 127.0.0.1: the per-address slow-down stays out of the way unless a test asks for it.
    signInThrottle: options.signInThrottle ?? { address: { delayAfter: 100_000, lockAfter: 100_000 } },
    // Likewise for requests in flight (tests send many at once); limits.test.ts sets its own.
    concurrency: options.concurrency ?? { perCaller: 1000, perTenant: 1000, queueMs: 1000, maxQueued: 1000 },
    budget: options.budget,
    // The tests' identity providers listen on loopback.
    sso: { allowPrivateAddresses: true, ...options.sso },
    webhooks,
    // Every test sends from 127.0.0.1 and solves its challenges in Node: the per-address limit stays out of the way,
    // and challenges are small, unless a test asks otherwise (feedback.abuse.test.ts).
    feedback: {
      ...DEFAULT_FEEDBACK_SETTINGS,
      perAddressPerHour: 100_000,
      perLinkPerMinute: 100_000,
      challengeMaxNumber: 2000,
      ...options.feedback,
    },
  });
  const webhookWorker = startWebhookWorker(dataSource, webhooks);
  const mailWorker = startMailWorker(dataSource, outgoingMail);
  const server: Server = await new Promise((resolve) => {
    const listening = api.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const scheduledWork = startScheduledWork(
    dataSource,
    (options.modules ?? modules).flatMap((module) => module.scheduledJobs ?? []),
    {
      publicUrl: options.publicUrl ?? url,
      emailLinkSecret: readConfig().emailLinkSecret,
      schema: api.schema,
    },
    { poll: false, pollMs: 200 },
  );
  const owner = new pg.Pool({ connectionString: options.ownerUrl, max: 2 });

  return {
    url,
    appUrl: options.appUrl,
    dataSource,
    webhookWorker,
    mailWorker,
    scheduledWork,
    async queuedMail() {
      const { rows } = await owner.query(
        `SELECT kind, to_address AS "to", subject, text, html, status, tenant_id AS "tenantId", queued_at
           FROM mail_outbox
         UNION ALL
         SELECT kind, to_address, subject, text, NULL, status, NULL, queued_at FROM pre_tenant_mail
         ORDER BY queued_at`,
      );
      return rows.map(({ queued_at: _, ...mail }: QueuedMessage & { queued_at: Date }) => mail);
    },
    async graphql(
      document: string | TypedDocumentNode,
      variables?: Record<string, unknown>,
      options: RequestOptions = {},
    ) {
      if (typeof document !== 'string' && !document.kind) {
        throw new Error(
          'A graphql(...) document missing from test/generated: run `npm run codegen -w @csp/api`',
        );
      }
      const query = typeof document === 'string' ? document : print(document);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.cookie) headers.cookie = options.cookie;
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data: never; errors?: GraphQLResponse['errors'] };
      return {
        status: response.status,
        headers: response.headers,
        data: body.data,
        errors: body.errors,
        statements: Number(response.headers.get('x-sql-statements') ?? NaN),
      };
    },
    async ownerQuery(sql, params) {
      return (await owner.query(sql, params)).rows;
    },
    async ownerSession(work) {
      const client = await owner.connect();
      try {
        return await work(async (sql, params) => (await client.query(sql, params)).rows);
      } finally {
        client.release();
      }
    },
    async countRows(table, tenantId) {
      const client = await owner.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
        // Filter explicitly too: in tests the owner is a superuser, whom row-level security does not bind.
        const { rows } = await client.query(
          `SELECT count(*)::int AS n FROM ${pg.escapeIdentifier(table)} WHERE tenant_id = $1`,
          [tenantId],
        );
        await client.query('COMMIT');
        return rows[0].n as number;
      } finally {
        client.release();
      }
    },
    async close() {
      await api.stop(server);
      // After the requests: an attempt in flight is recorded before the pool closes.
      await Promise.all([webhookWorker.stop(), mailWorker.stop(), scheduledWork.stop()]);
      await dataSource.destroy();
      await owner.end();
    },
  };
}
