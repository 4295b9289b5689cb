import { loadModule, parseSync } from 'libpg-query';

/**
 * Does a statement name its tenant? Parsed by PostgreSQL's own parser (libpg-query), never by regexes.
 *
 * A tenant table (one with a tenant_id column) read or written by a statement is *pinned* when a conjunct of its
 * WHERE or of a JOIN's ON says `alias.tenant_id = $n` (or a constant), or `alias.tenant_id = other.tenant_id` with
 * `other` pinned (in the same query or an enclosing one). AND unions what its sides pin; OR pins only what every
 * branch pins. Each subquery, CTE and UNION branch is checked on its own. An INSERT is pinned when its column list
 * has tenant_id; UPDATE and DELETE are read like a SELECT (their target and their FROM/USING tables).
 *
 * `unpinnedTables` answers with the tenant tables a statement leaves unpinned (empty when it is routable to one
 * tenant), as `relname` or `relname AS alias`.
 */

type Node = Record<string, unknown>;

let loaded: Promise<void> | undefined;
export function loadParser(): Promise<void> {
  loaded ??= loadModule();
  return loaded;
}

export function unpinnedTables(sql: string, tenantTables: ReadonlySet<string>): string[] {
  return tablesOf(sql, tenantTables, true);
}

/** Every tenant table the statement reads or writes, pinned or not. */
export function tenantTablesIn(sql: string, tenantTables: ReadonlySet<string>): string[] {
  return tablesOf(sql, tenantTables, false);
}

function tablesOf(sql: string, tenantTables: ReadonlySet<string>, pins: boolean): string[] {
  const parsed = parseSync(sql) as { stmts?: { stmt: Node }[] };
  const found: string[] = [];
  for (const { stmt } of parsed.stmts ?? [])
    checkStatement(stmt, { tenantTables, ctes: new Set(), outer: new Set(), found, pins });
  return [...new Set(found)];
}

interface Scope {
  tenantTables: ReadonlySet<string>;
  /** CTE names visible here: a FROM entry with one of these names is not a table. */
  ctes: ReadonlySet<string>;
  /** Range references of enclosing queries already pinned (a correlated subquery may link to them). */
  outer: ReadonlySet<string>;
  found: string[];
  /** False to list every tenant table, pinned or not. */
  pins: boolean;
}

interface TableRef {
  /** How conditions refer to it: the alias, or the table name. */
  ref: string;
  relname: string;
}

/** What a condition pins: references pinned to a value, and pairs of references whose tenant_ids are equal. */
interface Pins {
  direct: Set<string>;
  links: [string, string][];
}

const one = (node: unknown): [string, Node] | undefined => {
  if (!node || typeof node !== 'object') return undefined;
  const entries = Object.entries(node as Node);
  return entries.length === 1 ? (entries[0] as [string, Node]) : undefined;
};

function checkStatement(stmt: Node, scope: Scope): void {
  const [kind, body] = one(stmt) ?? [];
  if (!kind || !body) return;
  switch (kind) {
    case 'SelectStmt':
      return checkSelect(body, scope);
    case 'InsertStmt': {
      const inner = withCtes(body, scope);
      const relation = body.relation as Node;
      const cols = ((body.cols as Node[] | undefined) ?? []).map((col) => (col.ResTarget as Node).name);
      if (isTenantTable(relation, inner) && !(inner.pins && cols.includes('tenant_id')))
        inner.found.push(describe(relation));
      if (body.selectStmt) checkStatement(body.selectStmt as Node, inner);
      const conflict = body.onConflictClause as Node | undefined;
      if (conflict) {
        visitExpressions(conflict.targetList, inner);
        visitExpressions(conflict.whereClause, inner);
      }
      visitExpressions(body.returningList, inner);
      return;
    }
    case 'UpdateStmt':
    case 'DeleteStmt': {
      const inner = withCtes(body, scope);
      const from = [
        { RangeVar: body.relation },
        ...(((kind === 'UpdateStmt' ? body.fromClause : body.usingClause) as Node[] | undefined) ?? []),
      ];
      const block = checkBlock(from, body.whereClause, inner);
      visitExpressions(body.targetList, block);
      visitExpressions(body.returningList, block);
      return;
    }
    case 'ExplainStmt':
      return checkStatement(body.query as Node, scope);
    default:
      // SET, BEGIN, SAVEPOINT, SHOW…: no table of ours. Anything else that could hold a query is walked for one.
      visitExpressions(body, scope);
  }
}

function withCtes(body: Node, scope: Scope): Scope {
  const withClause = body.withClause as Node | undefined;
  const ctes = ((withClause?.ctes as Node[] | undefined) ?? []).map((cte) => cte.CommonTableExpr as Node);
  if (!ctes.length) return scope;
  const names = new Set([...scope.ctes, ...ctes.map((cte) => cte.ctename as string)]);
  const inner = { ...scope, ctes: names };
  for (const cte of ctes) checkStatement(cte.ctequery as Node, inner);
  return inner;
}

function checkSelect(select: Node, scope: Scope): void {
  const inner = withCtes(select, scope);
  if (select.op && select.op !== 'SETOP_NONE') {
    checkSelect(select.larg as Node, inner);
    checkSelect(select.rarg as Node, inner);
    return;
  }
  const block = checkBlock((select.fromClause as Node[] | undefined) ?? [], select.whereClause, inner);
  for (const part of ['targetList', 'havingClause', 'valuesLists', 'sortClause', 'groupClause', 'limitCount'])
    visitExpressions(select[part], block);
}

/** One query level: its FROM entries (tables, joins, subqueries) and its WHERE. */
function checkBlock(from: Node[], where: unknown, scope: Scope): Scope {
  const tables: TableRef[] = [];
  const conditions: unknown[] = [where];
  const subqueries: Node[] = [];
  const walkFrom = (entry: Node) => {
    const [kind, body] = one(entry) ?? [];
    if (!kind || !body) return;
    if (kind === 'RangeVar') {
      if (isTenantTable(body, scope)) tables.push({ ref: refOf(body), relname: body.relname as string });
    } else if (kind === 'JoinExpr') {
      walkFrom(body.larg as Node);
      walkFrom(body.rarg as Node);
      conditions.push(body.quals);
    } else if (kind === 'RangeSubselect') {
      subqueries.push(body.subquery as Node);
    } else if (kind === 'RangeFunction') {
      visitExpressions(body.functions, scope);
    }
  };
  from.forEach(walkFrom);

  const pins = conditions
    .map((condition) => pinsOf(condition, tables))
    .reduce(and, { direct: new Set(), links: [] });
  const pinned = new Set<string>([...scope.outer, ...pins.direct]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [a, b] of pins.links) {
      if (pinned.has(a) === pinned.has(b)) continue;
      pinned.add(a);
      pinned.add(b);
      grew = true;
    }
  }
  for (const table of tables) if (!scope.pins || !pinned.has(table.ref)) scope.found.push(describeRef(table));

  const inner: Scope = { ...scope, outer: pinned };
  for (const subquery of subqueries) checkStatement(subquery, inner);
  for (const condition of conditions) visitExpressions(condition, inner);
  return inner;
}

function and(a: Pins, b: Pins): Pins {
  return { direct: new Set([...a.direct, ...b.direct]), links: [...a.links, ...b.links] };
}

function or(a: Pins, b: Pins): Pins {
  const key = ([x, y]: [string, string]) => [x, y].sort().join('\u0000');
  const bLinks = new Set(b.links.map(key));
  return {
    direct: new Set([...a.direct].filter((ref) => b.direct.has(ref))),
    links: a.links.filter((link) => bLinks.has(key(link))),
  };
}

function pinsOf(condition: unknown, tables: TableRef[]): Pins {
  const none: Pins = { direct: new Set(), links: [] };
  const [kind, body] = one(condition) ?? [];
  if (!kind || !body) return none;
  if (kind === 'BoolExpr') {
    const args = (body.args as unknown[]).map((arg) => pinsOf(arg, tables));
    if (body.boolop === 'AND_EXPR') return args.reduce(and, none);
    if (body.boolop === 'OR_EXPR') return args.reduce(or);
    return none;
  }
  if (kind !== 'A_Expr' || body.kind !== 'AEXPR_OP' || operator(body) !== '=') return none;
  const left = tenantColumn(body.lexpr, tables);
  const right = tenantColumn(body.rexpr, tables);
  if (left && right) return { direct: new Set(), links: [[left, right]] };
  if (left && isValue(body.rexpr)) return { direct: new Set([left]), links: [] };
  if (right && isValue(body.lexpr)) return { direct: new Set([right]), links: [] };
  return none;
}

function operator(expr: Node): string | undefined {
  const name = expr.name as Node[] | undefined;
  return ((name?.at(-1)?.String as Node | undefined)?.sval as string | undefined) ?? undefined;
}

/** `alias.tenant_id` (or a bare `tenant_id` when one tenant table is in scope): the reference it names. */
function tenantColumn(expr: unknown, tables: TableRef[]): string | undefined {
  const [kind, body] = one(expr) ?? [];
  if (kind === 'TypeCast') return tenantColumn(body?.arg, tables);
  if (kind !== 'ColumnRef' || !body) return undefined;
  const fields = (body.fields as Node[]).map((field) => (field.String as Node | undefined)?.sval as string);
  if (fields.at(-1) !== 'tenant_id') return undefined;
  if (fields.length === 1) return tables.length === 1 ? tables[0]!.ref : undefined;
  return fields.at(-2);
}

/** A parameter or a constant (possibly cast): something the router can read from the statement itself. */
function isValue(expr: unknown): boolean {
  const [kind, body] = one(expr) ?? [];
  if (kind === 'ParamRef' || kind === 'A_Const') return true;
  if (kind === 'TypeCast') return isValue(body?.arg);
  return false;
}

/** Finds the subqueries inside expressions (IN (SELECT…), EXISTS, scalar subqueries) and checks each. */
function visitExpressions(node: unknown, scope: Scope): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) visitExpressions(item, scope);
    return;
  }
  const record = node as Node;
  if ('SubLink' in record) {
    const link = record.SubLink as Node;
    visitExpressions(link.testexpr, scope);
    checkStatement(link.subselect as Node, scope);
    return;
  }
  for (const key of ['SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt']) {
    if (key in record) return checkStatement(record, scope);
  }
  for (const value of Object.values(record)) visitExpressions(value, scope);
}

function isTenantTable(rangeVar: Node, scope: Scope): boolean {
  const relname = rangeVar.relname as string;
  if (!rangeVar.schemaname && scope.ctes.has(relname)) return false;
  if (rangeVar.schemaname && rangeVar.schemaname !== 'public') return false;
  return scope.tenantTables.has(relname);
}

function refOf(rangeVar: Node): string {
  return (
    ((rangeVar.alias as Node | undefined)?.aliasname as string | undefined) ?? (rangeVar.relname as string)
  );
}

function describe(rangeVar: Node): string {
  return describeRef({ ref: refOf(rangeVar), relname: rangeVar.relname as string });
}

function describeRef(table: TableRef): string {
  return table.ref === table.relname ? table.relname : `${table.relname} AS ${table.ref}`;
}

/** The functions a statement calls, by name (schema-qualified ones only when in public). */
export function functionsCalled(sql: string): string[] {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Node;
    const call = record.FuncCall as Node | undefined;
    if (call) {
      const names = (call.funcname as Node[]).map((part) => (part.String as Node).sval as string);
      if (names.length === 1 || names[0] === 'public') found.add(names.at(-1)!);
    }
    Object.values(record).forEach(walk);
  };
  walk(parseSync(sql));
  return [...found];
}
