import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';

/**
 * The entities against the migrated catalog: every column an entity declares exists in its table with the same
 * type and nullability. A mismatch here passes type-checking and most tests (TypeORM sends what it is given), and
 * shows only when a row holds a value the entity's type says it cannot (a null, a truncated number).
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

interface CatalogColumn {
  table: string;
  column: string;
  type: string;
  nullable: boolean;
}

describe('entity columns', () => {
  it('match information_schema.columns in type and nullability', async () => {
    const rows = await api.ownerQuery<CatalogColumn>(
      `SELECT table_name AS table, column_name AS column,
              CASE WHEN data_type = 'ARRAY'
                   THEN format_type((SELECT typelem FROM pg_type WHERE typname = udt_name), NULL) || '[]'
                   ELSE data_type END AS type,
              is_nullable = 'YES' AS nullable
         FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const catalog = new Map(rows.map((row) => [`${row.table}.${row.column}`, row]));
    const { driver } = api.dataSource;
    const mismatches: string[] = [];
    let checked = 0;
    for (const entity of api.dataSource.entityMetadatas) {
      for (const column of entity.columns) {
        const where = `${entity.name} ${column.propertyName} (${entity.tableName}.${column.databaseName})`;
        const found = catalog.get(`${entity.tableName}.${column.databaseName}`);
        checked += 1;
        if (!found) {
          mismatches.push(`${where}: no such column`);
          continue;
        }
        const type = `${driver.normalizeType(column)}${column.isArray ? '[]' : ''}`;
        if (type !== found.type) mismatches.push(`${where}: entity type ${type}, column type ${found.type}`);
        if (column.isNullable !== found.nullable) {
          mismatches.push(
            `${where}: entity ${column.isNullable ? 'nullable' : 'not null'}, column ${found.nullable ? 'nullable' : 'not null'}`,
          );
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(mismatches).toEqual([]);
  });
});
