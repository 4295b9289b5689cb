import pg from 'pg';
import type { EntityMetadata, ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';
import { noteStatement } from '../database/data-source.js';

/**
 * Lean reads (#15): rows of one table straight from the pg driver, as plain objects of the entity's property names,
 * without TypeORM's query building and hydration, which were 13 % of the API's CPU on the clients page. What they
 * answer is what TypeORM answers for the same rows (`lean-rows.test.ts` compares the two for every entity), so a
 * loader can switch to them without its callers noticing.
 *
 * Each distinct statement is a named (prepared) statement: a connection parses and plans it once, then only binds
 * and executes it. The statements are the fixed texts of loaders and lists (an `= ANY($2)` takes any number of
 * keys), so the names stay few; past `MAX_NAMED` distinct texts the rest run unnamed.
 */
export type LeanSql = (sql: string, parameters: readonly unknown[]) => Promise<ObjectLiteral[]>;

const MAX_NAMED = 2_000;
const statementNames = new Map<string, string>();

function nameOf(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (!name && statementNames.size < MAX_NAMED) {
    name = `csp_lean_${statementNames.size + 1}`;
    statementNames.set(sql, name);
  }
  return name;
}

const DATE_OID = 1082;
/**
 * pg turns a `date` into a Date at local midnight, which TypeORM then formats back into 'YYYY-MM-DD': the text as
 * PostgreSQL sent it is that already. Every other type is parsed as pg parses it for TypeORM.
 */
const LEAN_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID
      ? (text: string) => text
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Runs statements on the request's own connection (so inside its transaction, with its tenant set), one at a
 * time through `enqueue` (DataLoaders resolve side by side), counted and logged like TypeORM's own.
 */
export function leanSqlOf(
  runner: QueryRunner,
  enqueue: <T>(work: () => Promise<T>) => Promise<T> = (work) => work(),
): LeanSql {
  return (sql, parameters) =>
    enqueue(async () => {
      const client = (await runner.connect()) as pg.PoolClient;
      noteStatement(sql, parameters, runner);
      const result = await client.query({
        text: sql,
        values: parameters as unknown[],
        name: nameOf(sql),
        types: LEAN_TYPES,
      });
      return result.rows as ObjectLiteral[];
    });
}

const registered = new WeakMap<QueryRunner, LeanSql>();

/** The request database registers its connection's runner, so lists built on it run lean through its queue. */
export function registerLeanSql(runner: QueryRunner, run: LeanSql): void {
  registered.set(runner, run);
}

/** The lean runner of a connection: the registered one, else one of its own (a script's or a test's). */
export function leanSqlFor(runner: QueryRunner): LeanSql {
  let run = registered.get(runner);
  if (!run) {
    run = leanSqlOf(runner);
    registered.set(runner, run);
  }
  return run;
}

/** A column's values: one value (`=`), or a list of them (`= ANY`, which an empty list never matches). */
export type LeanWhere<T> = { [K in keyof T]?: T[K] | readonly T[K][] };
export type LeanOrder<T> = readonly (readonly [keyof T & string, 'ASC' | 'DESC'])[];

interface LeanColumn {
  property: string;
  /** The key pg answers it under: the property itself in `rowsWhere`, TypeORM's `alias_column` in `manyOf`. */
  key: string;
  from: ((value: unknown) => unknown) | undefined;
}

interface LeanTable {
  table: string;
  select: string;
  columns: LeanColumn[];
  database: Map<string, string>;
}

const tables = new WeakMap<EntityMetadata, LeanTable>();

function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function transformerOf(metadata: EntityMetadata['columns'][number]) {
  const transformer = metadata.transformer;
  if (!transformer) return undefined;
  if (Array.isArray(transformer)) {
    return (value: unknown) => transformer.reduceRight((v, t) => t.from(v) as unknown, value);
  }
  return (value: unknown) => transformer.from(value) as unknown;
}

function leanTable(metadata: EntityMetadata): LeanTable {
  let table = tables.get(metadata);
  if (!table) {
    // A column declared `select: false` (a password's hash) stays out, as it does of TypeORM's finds.
    const columns = metadata.columns
      .filter((column) => column.isSelect)
      .map((column) => ({
        property: column.propertyName,
        key: column.propertyName,
        database: column.databaseName,
        from: transformerOf(column),
      }));
    table = {
      table: quoted(metadata.tableName),
      select: columns.map((column) => `${quoted(column.database)} AS ${quoted(column.property)}`).join(', '),
      columns,
      database: new Map(columns.map((column) => [column.property, column.database])),
    };
    tables.set(metadata, table);
  }
  return table;
}

function hydrate<T>(rows: readonly ObjectLiteral[], columns: readonly LeanColumn[]): T[] {
  return rows.map((row) => {
    const entity: ObjectLiteral = {};
    for (const column of columns) {
      const value = row[column.key] as unknown;
      entity[column.property] = column.from ? column.from(value) : value;
    }
    return entity as T;
  });
}

const sqlOfWhere = new Map<string, string>();

/**
 * `SELECT <every column> FROM <table> WHERE tenant_id = $1 AND … ORDER BY …`: the statement of a loader's
 * `findBy({ x: In(keys) })`, built once per shape (which columns, list or single, which order).
 */
export async function rowsWhere<T extends ObjectLiteral>(
  run: LeanSql,
  metadata: EntityMetadata,
  tenantId: string,
  where: LeanWhere<T>,
  order: LeanOrder<T> = [],
): Promise<T[]> {
  const table = leanTable(metadata);
  const entries = Object.entries(where).filter(([, value]) => value !== undefined);
  const shape = `${metadata.tableName}|${entries.map(([k, v]) => `${k}${Array.isArray(v) ? '[]' : ''}`).join(',')}|${order.map(([k, d]) => `${k} ${d}`).join(',')}`;
  let sql = sqlOfWhere.get(shape);
  if (!sql) {
    const column = (property: string) => {
      const name = table.database.get(property);
      if (!name) throw new Error(`${metadata.name} has no column for "${property}".`);
      return quoted(name);
    };
    const conditions = [
      `${column('tenantId')} = $1`,
      ...entries.map(([property, value], index) => {
        if (value === null) throw new Error(`A lean read compares values; "${property}: null" is not one.`);
        return `${column(property)} ${Array.isArray(value) ? '= ANY' : '='}($${index + 2})`;
      }),
    ];
    sql =
      `SELECT ${table.select} FROM ${table.table} WHERE ${conditions.join(' AND ')}` +
      (order.length ? ` ORDER BY ${order.map(([p, d]) => `${column(p)} ${d}`).join(', ')}` : '');
    sqlOfWhere.set(shape, sql);
  }
  const rows = await run(sql, [tenantId, ...entries.map(([, value]) => value)]);
  return hydrate<T>(rows, table.columns);
}

const builderColumns = new Map<string, LeanColumn[]>();

/**
 * `getMany()` of a query builder on one table, run lean: TypeORM still writes the SQL (filters, keyset, order),
 * the rows skip its hydration. A builder with joins keeps `getMany()`, which also folds joined duplicates.
 */
export async function manyOf<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>): Promise<T[]> {
  const lean = leanOf(builder);
  if (!lean) return builder.getMany();
  const [sql, parameters] = builder.getQueryAndParameters();
  return hydrate<T>(await lean.run(sql, parameters), lean.columns);
}

const TOTAL = 'total_of_list';

/**
 * `manyOf`, and how many rows the whole list has, from the same statement: `count(*) OVER ()` is computed before
 * the LIMIT, so a first page and its total cost one round trip instead of two (#15). Only for a builder without a
 * keyset condition: after a cursor, the window would count what follows it, not the list.
 */
export async function manyAndTotalOf<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
): Promise<{ rows: T[]; total: number }> {
  const lean = leanOf(builder);
  builder.addSelect('count(*) OVER ()', TOTAL);
  if (!lean) {
    const { raw, entities } = await builder.getRawAndEntities();
    return { rows: entities, total: totalOf(raw) };
  }
  const [sql, parameters] = builder.getQueryAndParameters();
  const raw = await lean.run(sql, parameters);
  return { rows: hydrate<T>(raw, lean.columns), total: totalOf(raw) };
}

/** No rows on a first page is an empty list. */
function totalOf(raw: Record<string, unknown>[]): number {
  return raw.length ? Number(raw[0]![TOTAL]) : 0;
}

/** How to run a builder's SQL lean and hydrate its rows, or undefined where TypeORM's `getMany()` must do it. */
function leanOf<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
): { run: LeanSql; columns: LeanColumn[] } | undefined {
  const map = builder.expressionMap;
  const main = map.mainAlias;
  // Protected in TypeORM's types; set when the builder comes from a request's manager (TenantRepository).
  const runner = (builder as unknown as { queryRunner?: QueryRunner }).queryRunner;
  if (!runner || !main?.hasMetadata || map.joinAttributes.length || map.selects.length > 1) return undefined;
  const shape = `${main.metadata.tableName}|${main.name}`;
  let columns = builderColumns.get(shape);
  if (!columns) {
    const table = leanTable(main.metadata);
    columns = table.columns.map((column) => ({
      ...column,
      key: `${main.name}_${table.database.get(column.property)}`,
    }));
    builderColumns.set(shape, columns);
  }
  return { run: leanSqlFor(runner), columns };
}
