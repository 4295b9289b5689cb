import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { isRealDate, isRealDateTime, unstorableText } from '@csp/domain';
import { badInput } from './errors.js';
import { isUuid } from './user-errors.js';
import { manyAndTotalOf, manyOf } from './tenancy/lean-rows.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface PageWindow {
  limit: number;
  /** The sort key of the last row already seen, or null for the first page. */
  after: unknown[] | null;
}

/** What each part of a list's sort key is, in order: a cursor is checked against it before it reaches SQL. */
export type CursorPart = 'timestamp' | 'date' | 'date or null' | 'uuid' | 'text';

const CURSOR_PARTS: Record<CursorPart, (value: unknown) => boolean> = {
  timestamp: (value) => typeof value === 'string' && isRealDateTime(value),
  date: (value) => typeof value === 'string' && isRealDate(value),
  'date or null': (value) => value === null || (typeof value === 'string' && isRealDate(value)),
  uuid: isUuid,
  text: (value) => typeof value === 'string' && value.length <= 1000 && unstorableText(value) === null,
};

/**
 * Lists are keyset-paginated: the cursor is the sort key of the last row, so a page is an index range scan however
 * deep it is, and rows added meanwhile do not shift what comes next. The cursor is only base64 JSON that anyone can
 * write, so its parts are checked against the list's sort key (`cursor`): a forged one is refused, naming `after`,
 * instead of failing in PostgreSQL as a timestamp that is not one.
 */
export function pageWindow(args: PageArgs, cursor: readonly CursorPart[]): PageWindow {
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw badInput('first', `first must be a whole number from 0 to ${MAX_PAGE_SIZE}.`);
  }
  return { limit, after: args.after ? decodeCursor(args.after, cursor) : null };
}

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string, parts: readonly CursorPart[]): unknown[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(key) &&
      key.length === parts.length &&
      parts.every((part, index) => CURSOR_PARTS[part](key[index]))
    ) {
      return key;
    }
  } catch {
    // fall through to the error below
  }
  throw badInput('after', 'This cursor is not one the API gave out; start again from the first page.');
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * A list's page, fetched on first use: each field is a thunk, which graphql-js's default resolver calls. Nothing is
 * read until a field is asked for, so a client asking only for `totalCount` sends no page query.
 */
export interface Connection<T> {
  edges: () => Promise<Edge<T>[]>;
  nodes: () => Promise<T[]>;
  pageInfo: () => Promise<PageInfo>;
  totalCount: () => Promise<number>;
}

/** Where a lazy connection reads from. */
export interface ListSource<T> {
  /**
   * Up to `limit + 1` rows after the window's cursor (the extra row only says whether there is a next page), and,
   * when `withTotal` (only ever on a first page), the number of rows of the whole list from the same statement.
   */
  page(withTotal: boolean): Promise<{ rows: T[]; total: number | null }>;
  count(): Promise<number>;
}

/**
 * A connection that reads one microtask after its first field is asked for. graphql-js calls the resolvers of one
 * selection set in one synchronous pass, so by then it knows whether the page, the total or both are wanted, and a
 * first page with its total is one statement instead of two (#15). A field asked for later (after the request's
 * budget paused it) is still answered right, at the cost of its own statement.
 */
export function lazyConnection<T>(
  window: PageWindow,
  sortKey: (row: T) => unknown[],
  source: ListSource<T>,
): Connection<T> {
  let totalWanted = false;
  let countAlone = false;
  let fetched:
    Promise<{ edges: Edge<T>[]; nodes: T[]; pageInfo: PageInfo; total: number | null }> | undefined;
  let total: Promise<number> | undefined;

  const page = () =>
    (fetched ??= Promise.resolve().then(async () => {
      const answer = await source.page(totalWanted && !countAlone && window.after === null);
      const nodes = answer.rows.slice(0, window.limit);
      const edges = nodes.map((node) => ({ cursor: encodeCursor(sortKey(node)), node }));
      const pageInfo = {
        hasNextPage: answer.rows.length > window.limit,
        endCursor: edges.at(-1)?.cursor ?? null,
      };
      return { edges, nodes, pageInfo, total: answer.total };
    }));

  return {
    edges: async () => (await page()).edges,
    nodes: async () => (await page()).nodes,
    pageInfo: async () => (await page()).pageInfo,
    totalCount: () =>
      (total ??= (() => {
        totalWanted = true;
        return Promise.resolve().then(async () => {
          if (fetched) {
            const known = (await fetched).total;
            if (known !== null) return known;
          } else {
            countAlone = true;
          }
          return source.count();
        });
      })()),
  };
}

/** A connection over rows already read (up to `limit + 1`), with the total on demand. */
export function toConnection<T>(
  rows: T[],
  window: PageWindow,
  sortKey: (row: T) => unknown[],
  count: () => Promise<number>,
): Connection<T> {
  return lazyConnection(window, sortKey, { page: async () => ({ rows, total: null }), count });
}

/** The page of a list filtered by an id that cannot name anything (malformed): empty, without a query. */
export function emptyConnection<T>(window: PageWindow): Connection<T> {
  return toConnection<T>(
    [],
    window,
    () => [],
    async () => 0,
  );
}

/**
 * One page of a keyset-ordered list: the rows after the cursor in the given order (a row-value comparison that the
 * list's index serves), one more to tell whether another page follows, and the total on demand.
 */
export async function keysetPage<T extends ObjectLiteral>(
  filtered: () => SelectQueryBuilder<T>,
  window: PageWindow,
  order: { by: string[]; direction: 'ASC' | 'DESC'; key: (row: T) => unknown[] },
): Promise<Connection<T>> {
  if (window.after && window.after.length !== order.by.length) {
    throw badInput('after', 'This cursor is not one the API gave out; start again from the first page.');
  }
  return lazyConnection(window, order.key, {
    page: async (withTotal) => {
      const page = filtered();
      if (window.after) {
        const names = order.by.map((_, index) => `after${index}`);
        const comparison = order.direction === 'ASC' ? '>' : '<';
        page.andWhere(
          `(${order.by.join(', ')}) ${comparison} (${names.map((name) => `:${name}`).join(', ')})`,
          Object.fromEntries(names.map((name, index) => [name, window.after![index]])),
        );
      }
      for (const [index, column] of order.by.entries()) {
        if (index === 0) page.orderBy(column, order.direction);
        else page.addOrderBy(column, order.direction);
      }
      page.limit(window.limit + 1);
      if (withTotal) return manyAndTotalOf(page);
      return { rows: await manyOf(page), total: null };
    },
    count: () => filtered().getCount(),
  });
}
