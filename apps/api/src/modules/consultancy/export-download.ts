import type { ApiRoute } from '../../core/api-module.js';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
import { exportedRows, recordExport, tenantTables } from './export-consultancy.js';

/** Names the format in its first line, so a reader can tell it, and its version, before the first row. */
export const EXPORT_FORMAT = 'csp.consultancy-export';
export const EXPORT_FORMAT_VERSION = 1;

/**
 * The consultancy's export as a download of any size: NDJSON (one JSON value per line), streamed from a cursor.
 * The first line names the format, the consultancy and when; then one line per row, `{ type: 'row', table, row }`,
 * table by table in name order, each row exactly as in `consultancyExport`; the last line, `{ type: 'end', rows }`,
 * counts the rows of every table (every table is named there, empty ones with 0). A file without that last line
 * is incomplete: the download broke off.
 */
export const exportDownload: ApiRoute = {
  method: 'GET',
  path: '/exports/consultancy',
  allow: 'consultancy:manage',
  async handle(context) {
    const actor = requireActor(context.viewer);
    await recordExport(context);
    const exportedAt = new Date().toISOString();
    return {
      kind: 'stream',
      contentType: 'application/x-ndjson; charset=utf-8',
      filename: `consultancy-export-${exportedAt.slice(0, 10)}.ndjson`,
      chunks: lines(context, { tenantId: actor.tenantId, exportedAt }),
    };
  },
};

async function* lines(
  context: RequestContext,
  header: { tenantId: string; exportedAt: string },
): AsyncGenerator<string> {
  yield line({ type: 'export', format: EXPORT_FORMAT, version: EXPORT_FORMAT_VERSION, ...header });
  const counts: Record<string, number> = {};
  for (const table of await context.db.read(tenantTables)) {
    counts[table] = 0;
    for await (const rows of exportedRows(context, table)) {
      counts[table] += rows.length;
      // One chunk per batch: few writes, and the batch is let go once the client has taken it.
      yield rows.map((row) => line({ type: 'row', table, row })).join('');
    }
  }
  yield line({ type: 'end', rows: counts });
}

const line = (value: unknown) => JSON.stringify(value) + '\n';
