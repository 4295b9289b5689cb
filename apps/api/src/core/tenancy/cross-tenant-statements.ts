/**
 * The statements designed to cross tenants: the only ones the API may send to a tenant table without naming the
 * tenant (`tenant_id = $n`). Each is kept to the letter (whitespace aside) with the reason it must cross; the
 * statement test (apps/api/test/tenant-statements.ts) fails on any other statement that leaves a tenant table
 * unpinned. On Citus these are multi-shard statements: none is on a request's hot path.
 */
export interface CrossTenantStatement {
  sql: string;
  reason: string;
}

export const CROSS_TENANT_STATEMENTS: readonly CrossTenantStatement[] = [];
