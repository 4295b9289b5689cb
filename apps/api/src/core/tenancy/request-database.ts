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
  /** Sets the tenant of an anonymous request (sign-up, sign-in, accepting an invitation). Once only. */
  enterTenant(fence: TenantFence): Promise<void>;
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

export function openRequestDatabase(dataSource: DataSource): RequestDatabase {
  let runner: QueryRunner | undefined;
  let fence: TenantFence | null = null;
  let scoped: TenantDb | undefined;
  let statementsOfEarlierTransactions = 0;

  async function connection(first?: TenantFence): Promise<QueryRunner> {
    if (runner) return runner;
    const opened = serialised(dataSource.createQueryRunner());
    try {
      if (first) await beginFenced(opened, first);
      else await opened.startTransaction();
    } catch (error) {
      await opened.release().catch(() => undefined);
      throw serviceUnavailable(error);
    }
    runner = opened;
    return opened;
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
    async enterTenant(next) {
      if (fence && fence.tenantId !== next.tenantId) throw new Error('A request cannot change tenant.');
      if (!runner) {
        await connection(next);
      } else {
        await runner.query(FENCE_SQL, [next.tenantId, next.clientId ?? '']);
      }
      fence = next;
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

const FENCE_SQL = `SELECT set_config('app.tenant_id', $1, true), set_config('app.client_id', $2, true)`;

/**
 * Opens the transaction and sets its fence in one round trip instead of two (#15: every statement costs the API a
 * socket write and a read, and most requests know their tenant before their first statement). One simple-protocol
 * string of two statements, so the values go in as escaped literals; the log and the count see the parameterised
 * form. TypeORM is then told the transaction is open, which is all its own START TRANSACTION would have changed:
 * savepoints (`write`) and the final COMMIT read these two fields.
 */
async function beginFenced(runner: QueryRunner, next: TenantFence): Promise<void> {
  const client = (await runner.connect()) as pg.PoolClient;
  const values = [next.tenantId, next.clientId ?? ''];
  noteStatement(`START TRANSACTION; ${FENCE_SQL}`, values, runner);
  const [tenant, clientFence] = values.map((value) => pg.escapeLiteral(value));
  const fence = FENCE_SQL.replace('$1', () => tenant!).replace('$2', () => clientFence!);
  try {
    await client.query(`START TRANSACTION; ${fence}`);
  } catch (error) {
    // The transaction may be open (and aborted) though TypeORM does not know it: end it before the connection
    // goes back to the pool.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
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
function serialised(runner: QueryRunner): QueryRunner {
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
