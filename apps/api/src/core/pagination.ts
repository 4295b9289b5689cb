import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { isRealDate, isRealDateTime, unstorableText } from '@csp/domain';
import { badInput } from './errors.js';
import { isUuid } from './user-errors.js';
import { manyOf } from './tenancy/lean-rows.js';

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

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** A thunk, so the count query runs only when a client asks for it. */
  totalCount: () => Promise<number>;
}

/** Builds a connection from up to `limit + 1` rows (the extra row only says whether there is a next page). */
export function toConnection<T>(
  rows: T[],
  window: PageWindow,
  sortKey: (row: T) => unknown[],
  count: () => Promise<number>,
): Connection<T> {
  const page = rows.slice(0, window.limit);
  const edges = page.map((node) => ({ cursor: encodeCursor(sortKey(node)), node }));
  return {
    edges,
    nodes: page,
    pageInfo: { hasNextPage: rows.length > window.limit, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: count,
  };
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
  const page = filtered();
  if (window.after) {
    if (window.after.length !== order.by.length) {
      throw badInput('after', 'This cursor is not one the API gave out; start again from the first page.');
    }
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
  const rows = await manyOf(page.limit(window.limit + 1));
  return toConnection(rows, window, order.key, () => filtered().getCount());
}
