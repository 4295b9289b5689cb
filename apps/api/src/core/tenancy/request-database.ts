import pg from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { noteStatement } from '../database/data-source.js';
import { serviceUnavailable, unauthenticated } from '../errors.js';
import { TenantDb } from './tenant-db.js';
import { leanSqlOf, registerLeanSql } from './lean-rows.js';

/** Whose data a request may touch: its consultancy, and for client leaders and fenced keys one client of it. */
export interface TenantFence {
  tenantId: string;
  clientId: string | null;
}

/**
 * One database transaction per request, opened on first use, with the tenant (and client fence) set inside it by
 * `set_config(..., true)`, which lasts only until the transaction ends. Row-level security reads those settings and
 * fences every statement of the request; on top of that, `read` and `write` hand their work a `TenantDb`, which
 * names the tenant in every statement it builds (so Citus can route it to one worker). Each mutation runs in a savepoint:
 * if it throws or answers with user errors, its writes are undone and the rest of the request is unaffected.
 */
export interface RequestDatabase {
  readonly fence: TenantFence | null;
  /**
   * Sets the tenant of an anonymous request (sign-up, sign-in, accepting an invitation, the session or key lookup
   * of every request). Once only. With `first`, that read runs in the same round trip as the transaction's opening
   * when the transaction is not open yet, and its rows are the answer (without it, none).
   */
  enterTenant(fence: TenantFence, first?: FirstRead): Promise<Record<string, unknown>[]>;
  /** Runs reads fenced to the request's tenant. */
  read<T>(work: (db: TenantDb) => Promise<T>): Promise<T>;
  /** Runs a mutation's writes in a savepoint; user errors or an exception roll them back. */
  write<T>(work: (db: TenantDb) => Promise<T>): Promise<T>;
  /** For the few statements that run before a tenant is known (the SECURITY DEFINER sign-in functions). */
  beforeTenant<T>(work: (db: EntityManager) => Promise<T>): Promise<T>;
  statementCount(): number;
  /**
   * Runs after each successful write, inside its savepoint, so what it records (the activity trail) commits or
   * rolls back together with the change itself.
   */
  afterWrite?: (db: TenantDb, result: unknown) => Promise<void>;
  /** Commits (or rolls back) and returns the connection to the pool. */
  finish(outcome: 'commit' | 'rollback'): Promise<void>;
}

/**
 * A read that may ride on the transaction's opening round trip. In `sql`, `$1` is the tenant id and `values` are
 * `$2` onwards. Strings and bytes only: riding along, they go in as escaped literals.
 */
export interface FirstRead {
  sql: string;
  values: readonly (string | Buffer)[];
}

export function openRequestDatabase(dataSource: DataSource): RequestDatabase {
  let runner: QueryRunner | undefined;
  let fence: TenantFence | null = null;
  let scoped: TenantDb | undefined;
  let statementsOfEarlierTransactions = 0;

  /**
   * Opens the request's connection and its transaction by `begin`, or gives the connection back to the pool if that
   * fails: a request that cannot reach the database is answered "unavailable", never left holding a connection.
   */
  async function open<T>(begin: (opened: QueryRunner) => Promise<T>): Promise<T> {
    const opened = serialised(dataSource.createQueryRunner());
    try {
      const answer = await begin(opened);
      runner = opened;
      return answer;
    } catch (error) {
      await opened.release().catch(() => undefined);
      throw serviceUnavailable(error);
    }
  }

  async function connection(): Promise<QueryRunner> {
    if (runner) return runner;
    return open(async (opened) => {
      await opened.startTransaction();
      return opened;
    });
  }

  async function fenced(): Promise<{ runner: QueryRunner; db: TenantDb }> {
    if (!fence) throw unauthenticated();
    const opened = await connection();
    if (scoped?.tenantId !== fence.tenantId) scoped = new TenantDb(opened.manager, fence.tenantId);
    return { runner: opened, db: scoped };
  }

  const database: RequestDatabase = {
    get fence() {
      return fence;
    },
    async enterTenant(next, first) {
      if (fence && fence.tenantId !== next.tenantId) throw new Error('A request cannot change tenant.');
      const fenceValues = valuesOfFence(next);
      let rows: Record<string, unknown>[] = [];
      if (!runner) {
        rows = await open((opened) => beginFenced(opened, fenceValues, first));
      } else {
        // A sign-in function already opened the transaction: the same statements, one round trip each.
        await runner.query(FENCE_SQL, fenceValues);
        if (first) rows = await runner.query(first.sql, [next.tenantId, ...first.values]);
      }
      fence = next;
      return rows;
    },
    async read(work) {
      return work((await fenced()).db);
    },
    async write(work) {
      const { runner: savepoint, db } = await fenced();
      await savepoint.startTransaction();
      try {
        const result = await work(db);
        if (hasUserErrors(result)) {
          await savepoint.rollbackTransaction();
        } else {
          await database.afterWrite?.(db, result);
          await savepoint.commitTransaction();
        }
        return result;
      } catch (error) {
        await savepoint.rollbackTransaction().catch(() => undefined);
        throw error;
      }
    },
    async beforeTenant(work) {
      return work((await connection()).manager);
    },
    statementCount() {
      return statementsOfEarlierTransactions + ((runner?.data?.statements as number | undefined) ?? 0);
    },
    async finish(outcome) {
      if (!runner) return;
      const db = runner;
      runner = undefined;
      scoped = undefined;
      fence = null;
      try {
        if (outcome === 'commit') await db.commitTransaction();
        else await db.rollbackTransaction();
      } catch (error) {
        throw serviceUnavailable(error);
      } finally {
        statementsOfEarlierTransactions += (db.data?.statements as number | undefined) ?? 0;
        await db.release().catch(() => undefined);
      }
    },
  };
  return database;
}

/** The fence's settings as FENCE_SQL takes them: no client is the empty setting, which policies read as none. */
function valuesOfFence(fence: TenantFence): [tenantId: string, clientId: string] {
  return [fence.tenantId, fence.clientId ?? ''];
}

const FENCE_SQL = `SELECT set_config('app.tenant_id', $1, true), set_config('app.client_id', $2, true)`;

/**
 * Opens the transaction, sets its fence and runs the first read in one round trip instead of three (#15: every
 * statement costs the API a socket write and a read, and every signed-in request knows its tenant, from its token,
 * before its first statement, which is the session or key lookup). One simple-protocol string of two or three
 * statements, so the values go in as escaped literals; the log and the checks see the parameterised forms. TypeORM
 * is then told the transaction is open, which is all its own START TRANSACTION would have changed: savepoints
 * (`write`) and the final COMMIT read these two fields.
 */
async function beginFenced(
  runner: QueryRunner,
  fenceValues: [tenantId: string, clientId: string],
  first?: FirstRead,
): Promise<Record<string, unknown>[]> {
  const client = (await runner.connect()) as pg.PoolClient;
  // Counted once, as the one round trip it is; the first read is shown to the statement log and checks on its own,
  // as it would run alone.
  noteStatement(`START TRANSACTION; ${FENCE_SQL}`, fenceValues, runner);
  let sql = `START TRANSACTION; ${inlined(FENCE_SQL, fenceValues)}`;
  if (first) {
    const firstValues = [fenceValues[0], ...first.values];
    noteStatement(first.sql, firstValues);
    sql += `; ${inlined(first.sql, firstValues)}`;
  }
  let results: pg.QueryResult | pg.QueryResult[];
  try {
    results = (await client.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[];
  } catch (error) {
    // The transaction may be open (and aborted) though TypeORM does not know it: end it before the connection
    // goes back to the pool.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
  const answers = Array.isArray(results) ? results : [results];
  return first ? (answers[2]?.rows ?? []) : [];
}

/** `$n` replaced by the nth value as an escaped literal, in one pass (so a value's own text is never re-read). */
function inlined(sql: string, values: readonly (string | Buffer)[]): string {
  return sql.replace(/\$(\d+)/g, (placeholder, n: string) => {
    const value = values[Number(n) - 1];
    if (value === undefined) throw new Error(`No value for ${placeholder} in ${sql}`);
    return typeof value === 'string' ? pg.escapeLiteral(value) : `'\\x${value.toString('hex')}'::bytea`;
  });
}

function hasUserErrors(result: unknown): boolean {
  if (typeof result !== 'object' || result === null || !('userErrors' in result)) return false;
  const errors = (result as { userErrors: unknown }).userErrors;
  return Array.isArray(errors) && errors.length > 0;
}

/**
 * DataLoaders resolve side by side, but one connection runs one statement at a time: queue them here rather than
 * lean on the driver's internal queue (deprecated in pg 8, gone in pg 9). TypeORM's statements and lean reads
 * (lean-rows.ts) share the one queue.
 */
export function serialised(runner: QueryRunner): QueryRunner {
  const query = runner.query.bind(runner);
  let previous: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const next = previous.then(work);
    previous = next.catch(() => undefined);
    return next;
  };
  runner.query = ((...args: Parameters<QueryRunner['query']>) =>
    enqueue(() => query(...args))) as QueryRunner['query'];
  registerLeanSql(runner, leanSqlOf(runner, enqueue));
  return runner;
}
