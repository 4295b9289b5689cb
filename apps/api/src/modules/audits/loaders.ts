import type { RequestContext } from '../../core/context.js';
import { manyEach, oneEach, perRequest } from '../../core/loaders.js';
import { publishedPromisesOfClients } from '../charters/index.js';
import {
  AuditEntity,
  AuditFrameworkEntity,
  AuditResponseEntity,
  PromiseCriterionLinkEntity,
  type AuditFrameworkRow,
  type AuditResponseRow,
  type AuditRow,
  type PromiseCriterionLinkRow,
  type StoredBenchmark,
  type StoredSectionScore,
} from './entities.js';

export const auditById = perRequest<string, AuditRow | null>('auditById', async (context, ids) => {
  const rows = await context.db.read((db) => db.rows(AuditEntity, { id: ids }));
  return oneEach(ids, rows, (row) => row.id);
});

/**
 * Every audit of a client the viewer may see, oldest first (date conducted, then creation). Previous audit,
 * deltas, trend and `Client.audits` all read from this one batch.
 */
export const auditsOfClient = perRequest<string, AuditRow[]>('auditsOfClient', async (context, ids) => {
  const rows = await context.db.read((db) =>
    db.rows(AuditEntity, { clientId: ids }, [
      ['conductedOn', 'ASC'],
      ['createdAt', 'ASC'],
      ['id', 'ASC'],
    ]),
  );
  return manyEach(ids, rows, (row) => row.clientId);
});

export const responsesOfAudit = perRequest<string, AuditResponseRow[]>(
  'responsesOfAudit',
  async (context, ids) => {
    const rows = await context.db.read((db) => db.rows(AuditResponseEntity, { auditId: ids }));
    return manyEach(ids, rows, (row) => row.auditId);
  },
);

export const frameworkCopyByKey = perRequest<string, AuditFrameworkRow | null>(
  'frameworkCopyByKey',
  async (context, keys) => {
    const rows = await context.db.read((db) => db.rows(AuditFrameworkEntity, { key: keys }));
    return oneEach(keys, rows, (row) => row.key);
  },
);

export interface BenchmarkKey {
  frameworkKey: string;
  industry: string;
  excludeClientId: string;
  /** ISO date-time: only audits published by then count; null for now. */
  publishedBy: string | null;
}

export interface BenchmarkRow {
  overall: number;
  sectionScores: StoredSectionScore[];
}

/** Other clients' latest published scores, one statement for every benchmark a response asks for. */
export const benchmarkRows = perRequest<string, BenchmarkRow[]>('benchmarkRows', async (context, keys) => {
  const parsed = keys.map((key) => JSON.parse(key) as BenchmarkKey);
  const rows: { position: string; overall: number; section_scores: StoredSectionScore[] | null }[] =
    await context.db.read((db) =>
      db.query(
        `SELECT k.position, r.overall, r.section_scores
           FROM unnest($1::text[], $2::text[], $3::uuid[], $4::timestamptz[])
                WITH ORDINALITY AS k(framework_key, industry, client_id, published_by, position)
           CROSS JOIN LATERAL industry_benchmark_rows($5, k.framework_key, k.industry, k.client_id, k.published_by) r`,
        [
          parsed.map((k) => k.frameworkKey),
          parsed.map((k) => k.industry),
          parsed.map((k) => k.excludeClientId),
          parsed.map((k) => k.publishedBy),
          db.tenantId,
        ],
      ),
    );
  return parsed.map((_, index) =>
    rows
      .filter((row) => Number(row.position) === index + 1)
      .map((row) => ({ overall: row.overall, sectionScores: row.section_scores ?? [] })),
  );
});

export const benchmarkKey = (key: BenchmarkKey) => JSON.stringify(key);

export interface LateBenchmark {
  auditId: string;
  benchmark: StoredBenchmark;
}

/**
 * Stores the benchmarks of published audits that had none (published before benchmarks were frozen, or written
 * straight into the table as the bench does), one statement per response. Only a missing one is written, so two
 * first reads at once cannot replace each other's, and both computed the same figures anyway.
 */
export const storeLateBenchmarks = perRequest<LateBenchmark, true>(
  'storeLateBenchmarks',
  async (context, items) => {
    await context.db.read((db) =>
      db.query(
        `UPDATE audits a SET benchmark = v.benchmark
           FROM unnest($1::uuid[], $2::jsonb[]) AS v(id, benchmark)
          WHERE a.tenant_id = $3 AND a.id = v.id AND a.status = 'PUBLISHED' AND a.benchmark IS NULL`,
        [items.map((item) => item.auditId), items.map((item) => JSON.stringify(item.benchmark)), db.tenantId],
      ),
    );
    return items.map(() => true as const);
  },
);

export interface CharterPromises {
  charterId: string;
  promises: { key: string; title: string }[];
}

/** The promises of each client's latest published charter version (from the charters module, batched). */
export const charterPromisesOfClient = perRequest<string, CharterPromises | null>(
  'charterPromisesOfClient',
  async (context, clientIds) => {
    const rows = await publishedPromisesOfClients(context, clientIds);
    return oneEach(clientIds, rows, (row) => row.clientId).map((row) =>
      row ? { charterId: row.charterId, promises: row.promises } : null,
    );
  },
);

/** Links of one charter to one framework, keyed `charterId framework-key`. */
export const promiseLinksOf = perRequest<string, PromiseCriterionLinkRow[]>(
  'promiseLinksOf',
  async (context, keys) => {
    const charterIds = [...new Set(keys.map((key) => key.split(' ')[0] ?? ''))];
    const rows = await context.db.read((db) =>
      db.rows(PromiseCriterionLinkEntity, { charterId: charterIds }, [
        ['promiseKey', 'ASC'],
        ['criterionKey', 'ASC'],
      ]),
    );
    return manyEach(keys, rows, (row) => `${row.charterId} ${row.frameworkKey}`);
  },
);

/** After a mutation, so fields of its payload read what it wrote. */
export function forgetAudit(context: RequestContext, audit: Pick<AuditRow, 'id' | 'clientId'>) {
  auditById(context).clear(audit.id);
  auditsOfClient(context).clear(audit.clientId);
  responsesOfAudit(context).clear(audit.id);
}
