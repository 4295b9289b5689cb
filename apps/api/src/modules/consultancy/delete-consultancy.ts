import { fieldError, type FieldError } from '@csp/domain';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { RequestContext } from '../../core/context.js';
import { tenantTables } from './export-consultancy.js';

export async function deleteConsultancy(
  context: RequestContext,
  input: { confirmName: string },
): Promise<{ deleted: boolean; userErrors: FieldError[] }> {
  return context.db.write(async (db) => {
    const rows: { name: string }[] = await db.query('SELECT name FROM consultancies WHERE tenant_id = $1', [
      db.tenantId,
    ]);
    if (rows[0]?.name !== input.confirmName.trim()) {
      const error = fieldError(
        'confirmName',
        'INVALID',
        'Type the consultancy’s name exactly as it is shown.',
      );
      return { deleted: false, userErrors: [error] };
    }
    await db.query('SELECT release_tenant_sign_ins()');
    await db.query('SELECT release_tenant_feedback_tokens()');
    await db.query('SELECT release_tenant_sso_domains()');
    // Each DELETE names this consultancy (and row-level security limits it to it as well). Tables go referencing-first: cascades alone can
    // trip over a "no action" key (a member still named on a charter) before its referencing row is gone.
    for (const table of await deletionOrder(db)) {
      await db.query(`DELETE FROM "${table}" WHERE tenant_id = $1`, [db.tenantId]);
    }
    // Last, the consultancy itself; its activity trail (append-only for us) goes with it by cascade.
    await db.query('DELETE FROM consultancies WHERE tenant_id = $1', [db.tenantId]);
    context.session.clear();
    return { deleted: true, userErrors: [] };
  });
}

/** Tenant tables ordered so that every table comes before the tables it references. */
async function deletionOrder(db: TenantDb): Promise<string[]> {
  const tables = new Set(
    (await tenantTables(db)).filter((t) => t !== 'consultancies' && t !== 'activity_trail'),
  );
  const edges: { referencing: string; referenced: string }[] = await db.query(
    `SELECT conrelid::regclass::text AS referencing, confrelid::regclass::text AS referenced
       FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
  );
  const order: string[] = [];
  const remaining = new Set(tables);
  while (remaining.size) {
    const free = [...remaining].filter(
      (table) =>
        !edges.some((e) => e.referenced === table && e.referencing !== table && remaining.has(e.referencing)),
    );
    if (!free.length) throw new Error(`Foreign keys between ${[...remaining].join(', ')} form a cycle.`);
    for (const table of free.sort()) {
      order.push(table);
      remaining.delete(table);
    }
  }
  return order;
}
