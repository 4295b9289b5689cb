import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { SESSION_COOKIE, authenticate, presentedToken } from './auth/authenticate.js';
import { SYSTEM_SSO_SETTINGS, type RequestContext, type SsoSettings } from './context.js';
import { buildSchema } from './graphql/schema.js';
import { formatError } from './graphql/format-error.js';
import { logger } from './logger.js';
import { openRequestDatabase } from './tenancy/request-database.js';
import { codedBody, serviceUnavailable, SERVICE_UNAVAILABLE_MESSAGE } from './errors.js';
import { graphqlOverHttpStatus } from './http/response-status.js';
import { rateLimiter, type RateLimitOptions } from './http/rate-limit.js';
import { readConfig } from './config.js';
import { QUERY_LIMITS, queryLimits } from './graphql/query-limits.js';
import { oneSignInPerOperation } from './graphql/one-sign-in-per-request.js';
import { createSignInGuard, type SignInThrottleOptions } from './auth/sign-in-guard.js';
import { RequestBudget, capResponseSize, type BudgetLimits } from './graphql/request-budget.js';
import { concurrencyLimiter, releaseSlotPlugin, type ConcurrencyOptions } from './http/concurrency.js';
import { inputChecks } from './graphql/input-checks.js';
import { createMetrics } from './observability/metrics.js';
import { requestLog } from './observability/request-log.js';
import { metricsAccess } from './observability/metrics-access.js';
import { securityHeaders } from './http/security-headers.js';
import { DEFAULT_TRUST_PROXY, type TrustProxy } from './http/trust-proxy.js';
import type { ApiModule } from './api-module.js';
import { mountModuleRoutes } from './http/module-routes.js';
import {
  DEFAULT_WEBHOOK_SETTINGS,
  mailDeliveryOf,
  type FeedbackSettings,
  type MailDeliveryMode,
  type WebhookSettings,
} from './config.js';

export interface ApiOptions {
  dataSource: DataSource;
  /** The features served: `modules` from modules/index.ts. */
  modules: readonly ApiModule[];
  production: boolean;
  /** Full error messages, stack traces and field suggestions (NODE_ENV=development); the config's value when left out. */
  development?: boolean;
  sessionDays: number;
  portalDist?: string;
  rateLimit?: RateLimitOptions;
  /** Requests in flight per caller and per consultancy (core/http/concurrency.ts). */
  concurrency?: ConcurrencyOptions;
  /** What one request may resolve, for how long, and how large its answer (core/graphql/request-budget.ts). */
  budget?: BudgetLimits;
  /** What webhook operations see (the worker itself is started next to the API: main.ts, test/test-api.ts). */
  webhooks?: WebhookSettings;
  /** Sign-in throttling per account and per address; the defaults are in core/auth/failure-runs.ts. */
  signInThrottle?: SignInThrottleOptions;
  /** Whose X-Forwarded-For to believe (TRUST_PROXY, see core/http/trust-proxy.ts); loopback when left out. */
  trustProxy?: TrustProxy;
  /** The bearer token /metrics asks for (METRICS_TOKEN); without it, production has no /metrics at all. */
  metricsToken?: string;
  /** How the mail outbox is sent (the worker itself is started next to the API); the config's when left out. */
  mailDelivery?: MailDeliveryMode;
  /**
   * The address links in email point to (PUBLIC_URL). Without it, links are built from the request's Host header,
   * which a caller chooses: set it in production so nobody can have a sign-up mail point at their own site.
   */
  publicUrl?: string;
  /** The public feedback form's secret and limits (FEEDBACK_*); the config's when left out. */
  feedback?: FeedbackSettings;
  /** The key that signs unsubscribe links (EMAIL_LINK_SECRET); the config's when left out. */
  emailLinkSecret?: string;
  /** What single sign-on reaches outside (DNS for domain proofs); the system's when left out. */
  sso?: Partial<SsoSettings>;
}

/**
 * Bodies beyond this are refused before parsing. The largest request we take is a full batch of measurements,
 * 10,000 intervals as variables: 1.7 MB as compact JSON, 2.6 MB pretty-printed (recordMeasurements' tests send one).
 */
export const MAX_BODY = '4mb';

/**
 * Commits the request's transaction before the response leaves, so an acknowledged mutation is durable; if the
 * commit fails, the client is told so instead of being shown data that was never saved.
 */
function transactionPlugin(production: boolean): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          try {
            // A request stopped by its budget answers only an error, so nothing it wrote may stay.
            await contextValue.db.finish(contextValue.budget?.exceeded ? 'rollback' : 'commit');
          } catch (error) {
            logger.error({ err: error, requestId: contextValue.requestId }, 'commit failed');
            response.http.status = 503;
            if (response.body.kind === 'single') {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [
                codedBody('SERVICE_UNAVAILABLE', SERVICE_UNAVAILABLE_MESSAGE),
              ];
            }
          }
          if (!production)
            response.http.headers.set('x-sql-statements', String(contextValue.db.statementCount()));
          response.http.headers.set('x-request-id', contextValue.requestId);
        },
      };
    },
  };
}

export async function createApi(options: ApiOptions) {
  // What the caller leaves out comes from the environment, read as main.ts reads it (core/config.ts).
  const config = readConfig();
  const development = options.development ?? config.development;
  const limits = queryLimits({ development });
  const consumeRateLimit = rateLimiter(options.rateLimit ?? config.rateLimit);
  const concurrency = concurrencyLimiter(options.concurrency ?? config.concurrency);
  const budget = options.budget ?? config.budget;
  const metrics = createMetrics(options.dataSource, concurrency);
  const webhooks = options.webhooks ?? DEFAULT_WEBHOOK_SETTINGS;
  const feedback = options.feedback ?? config.feedback;
  const emailLinkSecret = options.emailLinkSecret ?? config.emailLinkSecret;
  const signInGuard = createSignInGuard(options.signInThrottle);
  const mailDelivery = options.mailDelivery ?? mailDeliveryOf(config.mail);
  const schema = buildSchema(options.modules);
  const sso: SsoSettings = { ...SYSTEM_SSO_SETTINGS, ...options.sso };
  const apollo = new ApolloServer<RequestContext>({
    schema,
    // graphql-armor's plugins and validation rules; like its `protect()` preset, one request per body.
    allowBatchedHttpRequests: false,
    plugins: [
      // Nothing here is cacheable by field (every answer is a viewer's own), so Apollo's cache-control plugin only
      // cost a hook on every field resolved (2 % of the API's CPU on the clients page, #15's profile); the
      // no-store header it set comes from core/http/security-headers.ts.
      ApolloServerPluginCacheControlDisabled(),
      releaseSlotPlugin,
      ...limits.plugins,
      inputChecks,
      // Apollo's production landing page loads its script from Apollo's CDN, which the API's policy refuses.
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
      transactionPlugin(options.production),
      graphqlOverHttpStatus,
      requestLog(metrics),
    ],
    validationRules: [...limits.validationRules, oneSignInPerOperation],
    parseOptions: { maxTokens: QUERY_LIMITS.tokens },
    formatError: (formatted, error) => formatError(formatted, error, { development }),
    stringifyResult: capResponseSize(budget.responseBytes),
    includeStacktraceInErrorResponses: development,
    hideSchemaDetailsFromClientErrors: !development,
    introspection: true,
    // Shutdown is ours (main.ts: stop accepting, drain, stop the worker, close the pool). Apollo's own signal
    // handler, installed whenever NODE_ENV is not test, raced it and left the process hanging after a SIGTERM.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // First, so every answer carries them: the portal, GraphQL, and errors from any layer.
  app.use(securityHeaders({ production: options.production }));
  app.set('trust proxy', options.trustProxy ?? DEFAULT_TRUST_PROXY);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await options.dataSource.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });

  // Metrics are for the operator's scraper only: see observability/metrics-access.ts for who that is.
  const scraper = metricsAccess({ token: options.metricsToken, production: options.production });
  app.get('/metrics', async (req, res) => {
    const verdict = scraper(req);
    if (verdict !== 'allowed') {
      res.status(verdict === 'hidden' ? 404 : 403).send(verdict === 'hidden' ? 'Not Found' : 'Forbidden');
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  /**
   * Who is asking, their rate limit and in-flight slot, and the request's database: the same for a GraphQL
   * request and a module's route (core/http/module-routes.ts). A failure here has already rolled back.
   */
  const contextOf = async (req: Request, res: Response): Promise<RequestContext> => {
    const db = openRequestDatabase(options.dataSource);
    const secure = req.secure || options.production;
    let release: (() => void) | undefined;
    try {
      const viewer = await authenticate(presentedToken(req.headers), db);
      await consumeRateLimit(viewer, req.ip);
      release = await concurrency.acquire(viewer, req.ip);
      // Normally given back at willSendResponse; this covers answers that never get that far.
      res.once('finish', release);
      const context: RequestContext = {
        viewer,
        db,
        loaders: new Map(),
        budget: new RequestBudget(
          budget,
          viewer.kind === 'anonymous' ? `address:${req.ip}` : `tenant:${viewer.tenantId}`,
        ),
        releaseSlot: release,
        requestId: req.header('x-request-id') ?? randomUUID(),
        clientAddress: req.ip,
        signInGuard,
        settings: {
          sessionDays: options.sessionDays,
          publicUrl: options.publicUrl ?? `${req.protocol}://${req.get('host')}`,
          webhooks,
          feedback,
          mailDelivery,
          emailLinkSecret,
          sso,
        },
        session: {
          set: (token, expires) =>
            res.cookie(SESSION_COOKIE, token, {
              httpOnly: true,
              sameSite: 'lax',
              secure,
              expires,
              path: '/',
            }),
          clear: () =>
            res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' }),
        },
      };
      return context;
    } catch (error) {
      release?.();
      await db.finish('rollback').catch(() => undefined);
      if (error instanceof GraphQLError) throw error;
      throw serviceUnavailable(undefined, { status: 503 });
    }
  };

  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY }),
    expressMiddleware(apollo, { context: ({ req, res }) => contextOf(req, res) }),
  );

  mountModuleRoutes(app, options.modules, {
    contextOf,
    development,
    production: options.production,
    bodyLimit: MAX_BODY,
    bodyErrors: answerBodyErrors,
  });

  app.use('/graphql', answerBodyErrors);

  const portalDist = options.portalDist;
  if (portalDist && fs.existsSync(path.join(portalDist, 'index.html'))) {
    app.use(express.static(portalDist, { index: false, maxAge: '1h' }));
    // The public feedback form is the portal's second entry (apps/portal/feedback.html): its own small page, not the
    // portal's bundle, for customers who are not signed in. Its headers let other sites frame it
    // (security-headers.ts, PUBLIC_FRAMEABLE).
    const feedbackPage = path.join(portalDist, 'feedback.html');
    app.get('/feedback/:token', (_req, res, next) => {
      if (fs.existsSync(feedbackPage)) res.sendFile(feedbackPage);
      else next();
    });
    // Any other path is a portal route (deep links, reloads): the client-side router takes it from there.
    app.get('/{*route}', (_req, res) => {
      res.sendFile(path.join(portalDist, 'index.html'));
    });
  }

  return {
    app,
    // What the API answers, guard and all: scheduled work asks it as a person would (a monthly report).
    schema,
    async stop(server?: Server) {
      if (server) {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Idle keep-alive connections would hold close() open; busy ones finish their request first.
        server.closeIdleConnections();
        await closed;
      }
      await apollo.stop();
    },
  };
}

/** A body too large or not JSON never reaches GraphQL; answer it in GraphQL's own error shape all the same. */
function answerBodyErrors(error: unknown, _req: Request, res: Response, next: NextFunction) {
  const type = (error as { type?: string } | undefined)?.type;
  if (type === 'entity.too.large') {
    res.status(413).json({
      errors: [codedBody('PAYLOAD_TOO_LARGE', `The request body is larger than ${MAX_BODY}.`)],
    });
  } else if (type === 'entity.parse.failed') {
    res.status(400).json({
      errors: [codedBody('BAD_REQUEST', 'The request body is not valid JSON.')],
    });
  } else {
    next(error);
  }
}
