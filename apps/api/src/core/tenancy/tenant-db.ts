import type {
  EntityManager,
  EntitySchema,
  FindManyOptions,
  FindOneOptions,
  FindOptionsWhere,
  ObjectLiteral,
  Repository,
  SelectQueryBuilder,
} from 'typeorm';
import { leanSqlFor, rowsWhere, type LeanOrder, type LeanWhere } from './lean-rows.js';

/**
 * What `context.db.read` and `context.db.write` hand a module: data access in which the request's tenant is the
 * default. Every find, count, update and delete of a repository has `tenantId` merged into its where (each where of
 * an array of wheres too), every insert carries it, and every query builder starts from `alias.tenantId = :tenant`
 * (so a module adds only `andWhere`; `where` and `orWhere`, which would drop it, throw). A join of another tenant
 * table is linked by tenant_id to the builder's main alias. The tenant is the request's (`RequestDatabase.fence`),
 * never an argument.
 *
 * Raw SQL (`query`) stays possible for what the builders cannot say; it names the tenant itself with
 * `tenant_id = $n` and `db.tenantId`. Row-level security still fences every statement, as the safety net, and the
 * statement test (test/tenant-statements.ts) fails the run on any statement that leaves a tenant table unpinned.
 * On Citus, a statement that names its tenant goes to one worker.
 */
export class TenantDb {
  readonly #manager: EntityManager;
  readonly #repositories = new Map<EntitySchema<never>, TenantRepository<never>>();

  constructor(
    manager: EntityManager,
    readonly tenantId: string,
  ) {
    this.#manager = manager;
  }

  getRepository<T extends Tenanted>(entity: EntitySchema<T>): TenantRepository<T> {
    const key = entity as unknown as EntitySchema<never>;
    let repository = this.#repositories.get(key) as TenantRepository<T> | undefined;
    if (!repository) {
      repository = new TenantRepository(this.#manager.getRepository(entity), this.tenantId);
      this.#repositories.set(key, repository as unknown as TenantRepository<never>);
    }
    return repository;
  }

  /**
   * Rows of one table by columns' values (a list means any of them), lean: straight from the driver, without
   * TypeORM's query building and hydration, as TypeORM would answer them (lean-rows.ts). The read of loaders:
   * `db.rows(MilestoneEntity, { engagementId: ids }, [['dueOn', 'ASC'], ['id', 'ASC']])`.
   */
  rows<T extends Tenanted>(entity: EntitySchema<T>, where: LeanWhere<T>, order?: LeanOrder<T>): Promise<T[]> {
    const runner = this.#manager.queryRunner;
    if (!runner) throw new Error('A lean read needs the connection of a transaction.');
    const metadata = this.#manager.connection.getMetadata(entity);
    return rowsWhere<T>(leanSqlFor(runner), metadata, this.tenantId, where, order);
  }

  /** Raw SQL: it must say `tenant_id = $n` with `this.tenantId` for every tenant table it reads or writes. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeORM's own signature: rows of any shape
  query<R = any>(sql: string, parameters?: unknown[]): Promise<R> {
    return this.#manager.query(sql, parameters) as Promise<R>;
  }
}

/**
 * What a statement on no tenant table needs (the SECURITY DEFINER sign-in and sign-up functions), before or after
 * the tenant is known: a TenantDb or the bare manager of `beforeTenant`.
 */
export type SqlRunner = Pick<TenantDb, 'query'>;

export interface Tenanted extends ObjectLiteral {
  tenantId: string;
}

type Where<T> = FindOptionsWhere<T> | FindOptionsWhere<T>[];
type Values<T extends ObjectLiteral> = Parameters<Repository<T>['insert']>[0];
type Changes<T extends ObjectLiteral> = Parameters<Repository<T>['update']>[1];
type UpsertOptions<T extends ObjectLiteral> = Parameters<Repository<T>['upsert']>[1];

/** The part of a TypeORM repository modules use, each call scoped to the request's tenant. */
export class TenantRepository<T extends Tenanted> {
  constructor(
    private readonly repository: Repository<T>,
    private readonly tenantId: string,
  ) {}

  find(options: FindManyOptions<T> = {}): Promise<T[]> {
    return this.repository.find({ ...options, where: this.scoped(options.where) });
  }

  findBy(where: Where<T>): Promise<T[]> {
    return this.repository.findBy(this.scoped(where));
  }

  findOne(options: FindOneOptions<T>): Promise<T | null> {
    return this.repository.findOne({ ...options, where: this.scoped(options.where) });
  }

  findOneOrFail(options: FindOneOptions<T>): Promise<T> {
    return this.repository.findOneOrFail({ ...options, where: this.scoped(options.where) });
  }

  findOneBy(where: Where<T>): Promise<T | null> {
    return this.repository.findOneBy(this.scoped(where));
  }

  findOneByOrFail(where: Where<T>): Promise<T> {
    return this.repository.findOneByOrFail(this.scoped(where));
  }

  count(options: FindManyOptions<T> = {}): Promise<number> {
    return this.repository.count({ ...options, where: this.scoped(options.where) });
  }

  countBy(where: Where<T>): Promise<number> {
    return this.repository.countBy(this.scoped(where));
  }

  exists(options: FindManyOptions<T> = {}): Promise<boolean> {
    return this.repository.exists({ ...options, where: this.scoped(options.where) });
  }

  existsBy(where: Where<T>): Promise<boolean> {
    return this.repository.existsBy(this.scoped(where));
  }

  async insert(values: Values<T>): Promise<void> {
    await this.repository.insert(this.stamped(values));
  }

  /** INSERT … ON CONFLICT DO NOTHING: for a row two requests may create at once (one wins, the other is a no-op). */
  async insertOrIgnore(values: Values<T>): Promise<void> {
    await this.repository.createQueryBuilder().insert().values(this.stamped(values)).orIgnore().execute();
  }

  async upsert(values: Values<T>, options: UpsertOptions<T>): Promise<void> {
    await this.repository.upsert(this.stamped(values), options);
  }

  async update(where: Where<T>, changes: Changes<T>): Promise<void> {
    await this.repository.createQueryBuilder().update().set(changes).where(this.scoped(where)).execute();
  }

  async delete(where: Where<T>): Promise<void> {
    await this.repository.createQueryBuilder().delete().where(this.scoped(where)).execute();
  }

  /**
   * A query builder whose WHERE starts with the tenant: add conditions with `andWhere` (`where` and `orWhere`
   * throw, since they would replace it or go around it). `innerJoin`/`leftJoin` of a tenant table add
   * `joined.tenantId = alias.tenantId` to the join's condition.
   */
  createQueryBuilder(alias: string): SelectQueryBuilder<T> {
    const builder = this.repository
      .createQueryBuilder(alias)
      .where(`${alias}.tenantId = :fenceTenantId`, { fenceTenantId: this.tenantId });
    return scopedBuilder(builder, alias);
  }

  private scoped(where: Where<T> | undefined): Where<T> {
    const tenantId = this.tenantId as FindOptionsWhere<T>['tenantId'];
    if (Array.isArray(where)) {
      if (!where.length)
        throw new Error('An empty list of wheres would match every row; ask for at least one.');
      return where.map((one) => ({ ...one, tenantId }));
    }
    return { ...where, tenantId } as FindOptionsWhere<T>;
  }

  private stamped(values: Values<T>): Values<T> {
    const stamp = (row: ObjectLiteral) => {
      if (row.tenantId !== undefined && row.tenantId !== this.tenantId) {
        throw new Error(
          `A row of tenant ${String(row.tenantId)} cannot be written in tenant ${this.tenantId}.`,
        );
      }
      return { ...row, tenantId: this.tenantId };
    };
    return (Array.isArray(values) ? values.map(stamp) : stamp(values)) as Values<T>;
  }
}

type JoinMethod = 'innerJoin' | 'leftJoin' | 'innerJoinAndSelect' | 'leftJoinAndSelect';

function scopedBuilder<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  alias: string,
): SelectQueryBuilder<T> {
  const refuse = (method: string) => () => {
    throw new Error(
      `${method}() on a tenant-scoped query builder would drop its tenant condition: use andWhere() ` +
        '(and Brackets for an OR inside it).',
    );
  };
  builder.where = refuse('where');
  builder.orWhere = refuse('orWhere');
  for (const method of ['innerJoin', 'leftJoin', 'innerJoinAndSelect', 'leftJoinAndSelect'] as JoinMethod[]) {
    const join = builder[method].bind(builder) as (...args: unknown[]) => SelectQueryBuilder<T>;
    builder[method] = ((
      target: unknown,
      joinedAlias: string,
      condition?: string,
      parameters?: ObjectLiteral,
    ) => {
      if (!joinsTenantTable(builder, target)) return join(target, joinedAlias, condition, parameters);
      const link = `${joinedAlias}.tenantId = ${alias}.tenantId`;
      return join(target, joinedAlias, condition ? `${link} AND (${condition})` : link, parameters);
    }) as never;
  }
  return builder;
}

function joinsTenantTable(builder: SelectQueryBuilder<ObjectLiteral>, target: unknown): boolean {
  const connection = builder.connection;
  let metadata;
  if (typeof target === 'string' && /^\w+\.\w+$/.test(target)) {
    const [owner, property] = target.split('.') as [string, string];
    metadata = builder.expressionMap
      .findAliasByName(owner)
      .metadata.findRelationWithPropertyPath(property)?.inverseEntityMetadata;
  } else if (typeof target !== 'function' && connection.hasMetadata(target as never)) {
    metadata = connection.getMetadata(target as never);
  }
  return Boolean(metadata?.findColumnWithPropertyName('tenantId'));
}
