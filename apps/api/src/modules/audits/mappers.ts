import type {
  AuditCriterion,
  AuditDeltas,
  AuditFramework,
  AuditScores,
  AuditSection,
  AuditTrend,
  PromiseKept,
} from '@csp/domain';
import type { Connection } from '../../core/pagination.js';
import type { AuditResponseRow, AuditRow, PromiseCriterionLinkRow, StoredBenchmark } from './entities.js';

/**
 * What this module's GraphQL types resolve from: `<GraphQLType>Mapper`, picked up by name by codegen.ts. A type that
 * resolves straight from a table row is an alias of the row (`<Entity>Row`, entities.ts).
 */

export interface AuditFrameworkMapper {
  definition: AuditFramework;
  builtIn: boolean;
}

export type AuditFrameworkSectionMapper = AuditSection;
export type AuditCriterionMapper = AuditCriterion;

export interface AuditResponseMapper extends AuditResponseRow {
  criterion: AuditCriterion;
  sectionKey: string;
}

/**
 * An audit's scores: what was stored when it was published (the overall score and the flag cannot change after),
 * and the full scoring from its responses, computed on first use only.
 */
export interface AuditScoresMapper {
  stored: { overall: number | null; flagged: boolean } | null;
  scored: () => Promise<AuditScores>;
}
export type AuditDeltasMapper = AuditDeltas;

/** A point of the domain's trend, with the audit it comes from. */
export type TrendPointMapper = AuditTrend['points'][number] & { auditId: string };

export type AuditTrendMapper = Omit<AuditTrend, 'points'> & { points: TrendPointMapper[] };

export type IndustryBenchmarkMapper = StoredBenchmark;

export interface PromiseKeptMapper extends PromiseKept {
  title: string;
}

export type PromiseCriterionLinkMapper = PromiseCriterionLinkRow;
export type AuditMapper = AuditRow;
export type AuditConnectionMapper = Connection<AuditRow>;
