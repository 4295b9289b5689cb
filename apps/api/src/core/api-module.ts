import type { Request } from 'express';
import type { IResolvers } from '@graphql-tools/utils';
import type { EntitySchema } from 'typeorm';
import type { Permission } from '@csp/domain';
import type { RequestContext } from './context.js';
import type { ScheduledJob } from './scheduled-work.js';

/**
 * One feature of the API as core sees it: its SDL, resolvers and entities, and any plain HTTP routes. core never
 * imports a module: main.ts (and the tests) pass the list from `modules/index.ts` to `createApi`, `buildSchema`
 * and the data source.
 */
export interface ApiModule {
  name: string;
  /** The module's SDL files, `schema.graphql` first, then the others in name order. */
  typeDefs: string[];
  resolvers: IResolvers<unknown, RequestContext>;
  entities: EntitySchema[];
  /** HTTP routes for what GraphQL's one JSON answer does not suit (a streamed download); see core/http/module-routes.ts. */
  routes?: readonly ApiRoute[];
  /** Work the module does at a time rather than at once (reminders, digests); core/scheduled-work.ts runs it. */
  scheduledJobs?: readonly ScheduledJob[];
}

/**
 * A route of a module, mounted by `createApi` beside /graphql. Core builds its RequestContext exactly as for a
 * GraphQL request (who is asking, rate limit, in-flight slot, the request's transaction with the tenant set),
 * checks `allow` with the GraphQL guard's own check, runs `handle`, writes its answer, and commits (or rolls back
 * when `handle` throws or the answer cannot be delivered in full).
 */
export interface ApiRoute {
  method: 'GET' | 'POST';
  /** An Express path, e.g. `/exports/consultancy`; it must not start with /graphql. */
  path: string;
  /** A permission of `@allow`'s catalogue (packages/domain/src/people/permissions.ts), or `'public'` (no viewer needed). */
  allow: Permission | 'public';
  /**
   * The route's authority is a signed token in its own URL (an unsubscribe link in an email), not the caller: core
   * serves it as anonymous (the session cookie and any key are not read, so a cross-site form has nothing to ride),
   * and a POST takes a small form body, as mail clients send RFC 8058's one-click unsubscribe. Public routes only.
   */
  signedLink?: boolean;
  /**
   * A signed link's form body may be this large (an Express size, e.g. `256kb`) instead of a few hundred bytes: a
   * SAML response an identity provider posts through the browser is a signed message of some kilobytes.
   */
  formLimit?: string;
  handle(context: RequestContext, request: RouteRequest): Promise<RouteAnswer>;
}

/**
 * What a handler sees of the request: no Express response, so only core writes answers and commits. `originalUrl`
 * keeps the query string as the client encoded it: a signature over a URL (SAML's HTTP-Redirect binding) is checked
 * against those bytes, which re-encoding the parsed `query` would not reproduce.
 */
export type RouteRequest = Pick<
  Request,
  'params' | 'query' | 'headers' | 'body' | 'method' | 'path' | 'originalUrl'
>;

/**
 * What a route answers. `json` is written after the commit, like a GraphQL answer. `stream` is written as it is
 * produced, inside the request's transaction (a cursor may read from it), with back-pressure: the next chunk is
 * asked for only once the client has taken the last one. The commit follows the last chunk, and only then does
 * the answer end, so a client that got the whole body got what was committed; if anything fails mid-stream, the
 * connection is cut instead, and the client sees a truncated body.
 */
export type RouteAnswer =
  | { kind: 'json'; status?: number; body: unknown }
  /** A small page of its own (a signed link's confirmation), written after the commit like `json`. */
  | { kind: 'html'; status?: number; body: string }
  /** An XML document (SAML metadata, which providers fetch and check the type of), written after the commit. */
  | { kind: 'xml'; status?: number; body: string }
  /** 303 See Other after the commit: a form posted from a page goes on to a portal page. */
  | { kind: 'redirect'; location: string }
  | {
      kind: 'stream';
      contentType: string;
      /** Offered as the download's file name (Content-Disposition: attachment). */
      filename?: string;
      /** Text, or the bytes of a file (a PDF, a workbook). */
      chunks: AsyncIterable<string | Uint8Array>;
    };
