import { industryBenchmark, type Industry } from '@csp/domain';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { RequestContext } from '../../core/context.js';
import { clientById, clientOf } from '../clients/index.js';
import type { AuditRow, StoredBenchmark } from './entities.js';
import { benchmarkKey, benchmarkRows, storeLateBenchmarks, type BenchmarkRow } from './loaders.js';

/**
 * An audit's industry benchmark. A published audit answers the one frozen at its publication, so later
 * publications never move it (reading it before and after one would otherwise give that client's score away); an
 * audit under way shows the figures as they stand, for the consultant only, since client leaders and fenced keys
 * never see unpublished audits. The figures themselves are the domain's (`industryBenchmark`): banded, and only
 * from five other clients up.
 */
export async function benchmarkOf(context: RequestContext, audit: AuditRow): Promise<StoredBenchmark | null> {
  if (audit.benchmark) return audit.benchmark;
  const client = await clientById(context).load(audit.clientId);
  if (!client) return null;
  // A published audit without a snapshot predates freezing: take the benchmark as it stood at its publication.
  const publishedAt = audit.status === 'PUBLISHED' ? audit.publishedAt : null;
  const rows = await benchmarkRows(context).load(
    benchmarkKey({
      frameworkKey: audit.frameworkKey,
      industry: client.industry,
      excludeClientId: client.id,
      publishedBy: publishedAt?.toISOString() ?? null,
    }),
  );
  const benchmark = benchmarkFrom(client.industry, publishedAt ?? new Date(), rows);
  if (publishedAt) await storeLateBenchmarks(context).load({ auditId: audit.id, benchmark });
  return benchmark;
}

/** Taken at publication, in the publishing transaction, from the audits other clients had published by then. */
export async function freezeBenchmark(
  db: TenantDb,
  audit: AuditRow,
  publishedAt: Date,
): Promise<StoredBenchmark> {
  const client = await clientOf(db, audit.clientId);
  if (!client) throw new Error(`The client of audit ${audit.id} could not be read.`);
  const rows: { overall: number; section_scores: BenchmarkRow['sectionScores'] | null }[] = await db.query(
    `SELECT overall, section_scores FROM industry_benchmark_rows($1, $2, $3, $4, $5)`,
    [db.tenantId, audit.frameworkKey, client.industry, client.id, publishedAt.toISOString()],
  );
  return benchmarkFrom(
    client.industry,
    publishedAt,
    rows.map((row) => ({ overall: row.overall, sectionScores: row.section_scores ?? [] })),
  );
}

function benchmarkFrom(industry: Industry, asOf: Date, rows: readonly BenchmarkRow[]): StoredBenchmark {
  // The rows carry no client ids: each is already a different client's latest audit, so each gets its own label.
  const benchmark = industryBenchmark(
    '',
    rows.map((row, index) => ({
      clientId: `other-${index}`,
      on: '',
      scores: { frameworkKey: 'benchmark', overall: row.overall, sections: row.sectionScores },
    })),
  );
  return { ...benchmark, industry, asOf: asOf.toISOString() };
}
