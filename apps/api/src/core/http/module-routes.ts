import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type Express, type Request, type Response } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ApiModule, ApiRoute, RouteAnswer } from '../api-module.js';
import type { RequestContext } from '../context.js';
import { coded, codedBody, type ErrorCode } from '../errors.js';
import { formatError } from '../graphql/format-error.js';
import { logger } from '../logger.js';
import { requirePermission } from '../permissions/guard.js';

export interface ModuleRouteOptions {
  /** Builds the request's context as for GraphQL (server.ts); it has rolled back by itself when it throws. */
  contextOf(req: Request, res: Response): Promise<RequestContext>;
  production: boolean;
  development: boolean;
  bodyLimit: string;
  /** Answers a body too large or not JSON in the API's error shape (server.ts). */
  bodyErrors: ErrorRequestHandler;
}

/**
 * The status of an error answered by a route. GraphQL answers most errors with 200 and the code in the body (its
 * clients branch on the code); a download is fetched by browsers and plain HTTP clients, which branch on the status.
 */
const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  QUERY_TOO_COSTLY: 400,
  RATE_LIMITED: 429,
  TOO_MANY_CONCURRENT_REQUESTS: 429,
  TIMEOUT: 503,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/** Mounts every module's routes (ApiModule.routes) on the app, each behind the same door as /graphql. */
export function mountModuleRoutes(app: Express, modules: readonly ApiModule[], options: ModuleRouteOptions) {
  const seen = new Set<string>();
  for (const module of modules) {
    for (const route of module.routes ?? []) {
      const key = `${route.method} ${route.path}`;
      if (seen.has(key)) throw new Error(`Two modules declare the route ${key}.`);
      if (!route.path.startsWith('/') || route.path.startsWith('/graphql'))
        throw new Error(`The route ${key} of ${module.name} must start with / and not with /graphql.`);
      if (route.signedLink && route.allow !== 'public')
        throw new Error(`The route ${key} of ${module.name} is a signed link, so it must be public.`);
      seen.add(key);
      const serve = (req: Request, res: Response) => serveRoute(route, req, res, options);
      if (route.method === 'GET') app.get(route.path, serve);
      else if (route.signedLink)
        app.post(
          route.path,
          express.urlencoded({ extended: false, limit: route.formLimit ?? SIGNED_LINK_BODY }),
          serve,
          options.bodyErrors,
        );
      else app.post(route.path, express.json({ limit: options.bodyLimit }), serve, options.bodyErrors);
    }
  }
}

/** A one-click unsubscribe body is `List-Unsubscribe=One-Click`; a little room for a form's own field. */
const SIGNED_LINK_BODY = '2kb';

async function serveRoute(route: ApiRoute, req: Request, res: Response, options: ModuleRouteOptions) {
  let context: RequestContext | undefined;
  try {
    // Cross-site forms can post only "simple" content types; asking for JSON makes a browser ask first (CORS),
    // which other sites are refused, so a session cookie cannot be ridden into a write (as Apollo's CSRF check).
    // A signed link takes a form instead, and is safe without that check: it is served as nobody, so the cookie a
    // cross-site form would carry is never read, and what it may change is only what its own token names.
    if (route.signedLink) {
      delete req.headers.cookie;
      delete req.headers.authorization;
    } else if (route.method !== 'GET' && !req.is('application/json')) {
      throw coded('BAD_REQUEST', 'Send this request with Content-Type: application/json.');
    }
    context = await options.contextOf(req, res);
    res.setHeader('x-request-id', context.requestId);
    if (route.allow !== 'public') requirePermission(context, route.allow);
    const answer = await route.handle(context, req);
    if (answer.kind === 'stream') await answerStream(context, req, res, answer);
    else await answerAfterCommit(context, res, answer, options.production);
  } catch (error) {
    // A failure while the context was being built has rolled back already (and set no context).
    await context?.db.finish('rollback').catch(() => undefined);
    if (res.headersSent) {
      // Part of the body has gone: all that is left to say is that it is not whole.
      if (!isClientGone(error))
        logger.error(
          { err: error, requestId: context?.requestId, route: route.path },
          'route failed mid-answer',
        );
      res.destroy();
      return;
    }
    answerError(res, error, options.development, context?.requestId);
  } finally {
    context?.releaseSlot?.();
  }
}

async function answerAfterCommit(
  context: RequestContext,
  res: Response,
  answer: Exclude<RouteAnswer, { kind: 'stream' }>,
  production: boolean,
) {
  // As for GraphQL: the commit comes before the answer, so what is acknowledged is durable.
  await context.db.finish('commit');
  if (!production) res.setHeader('x-sql-statements', String(context.db.statementCount()));
  if (answer.kind === 'json') res.status(answer.status ?? 200).json(answer.body);
  else if (answer.kind === 'html' || answer.kind === 'xml')
    res
      .status(answer.status ?? 200)
      .type(answer.kind === 'html' ? 'html' : 'application/xml')
      .send(answer.body);
  else res.redirect(303, answer.location);
}

class ClientGone extends Error {
  constructor() {
    super('The client closed the connection before the answer was complete.');
  }
}
const isClientGone = (error: unknown) => error instanceof ClientGone;

async function answerStream(
  context: RequestContext,
  req: Request,
  res: Response,
  answer: Extract<RouteAnswer, { kind: 'stream' }>,
) {
  let gone = false;
  const onClose = () => {
    gone = !res.writableFinished;
  };
  res.once('close', onClose);
  req.socket.setTimeout(0);
  res.status(200);
  // attachment() would set a type guessed from the file name: the route's own type comes after it.
  if (answer.filename) res.attachment(answer.filename);
  res.setHeader('content-type', answer.contentType);
  res.setHeader('cache-control', 'no-store');
  for await (const chunk of answer.chunks) {
    if (gone || res.destroyed) throw new ClientGone();
    // Back-pressure: ask the producer (a database cursor) for more only once the client has taken this.
    if (!res.write(chunk)) await drained(res);
  }
  if (gone || res.destroyed) throw new ClientGone();
  await context.db.finish('commit');
  await new Promise<void>((resolve) => res.end(resolve));
}

function drained(res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      if (res.destroyed && !res.writableFinished) reject(new ClientGone());
      else resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

/** The API's coded error shape (`{ errors: [{ message, extensions: { code } }] }`), as GraphQL answers it. */
function answerError(res: Response, error: unknown, development: boolean, requestId: string = randomUUID()) {
  const http = error instanceof GraphQLError ? httpOf(error) : undefined;
  const formatted: GraphQLFormattedError =
    error instanceof GraphQLError
      ? withoutHttp(error.toJSON())
      : formatError(
          codedBody(
            'INTERNAL_SERVER_ERROR',
            error instanceof Error ? error.message : 'A non-Error value was thrown.',
          ),
          error,
          { development },
        );
  const code = formatted.extensions?.code as ErrorCode | undefined;
  for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
  res.setHeader('x-request-id', requestId);
  res.status(http?.status ?? (code && STATUS[code]) ?? 500).json({ errors: [formatted] });
}

function httpOf(error: GraphQLError): { status?: number; headers?: Map<string, string> } | undefined {
  return error.extensions.http as { status?: number; headers?: Map<string, string> } | undefined;
}

function withoutHttp(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const { http: _http, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}
