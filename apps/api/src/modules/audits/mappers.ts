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

/** What the GraphQL types of this module resolve from (the codegen mappers point here). */

export interface FrameworkView {
  definition: AuditFramework;
  builtIn: boolean;
}

export type AuditSectionValue = AuditSection;
export type AuditCriterionValue = AuditCriterion;

export interface AuditResponseView extends AuditResponseRow {
  criterion: AuditCriterion;
  sectionKey: string;
}

export type AuditScoresView = AuditScores;
export type AuditDeltasView = AuditDeltas;

/** A point of the domain's trend, with the audit it comes from. */
export type TrendPointView = AuditTrend['points'][number] & { auditId: string };

export type AuditTrendView = Omit<AuditTrend, 'points'> & { points: TrendPointView[] };

export type IndustryBenchmarkView = StoredBenchmark;

export interface PromiseKeptView extends PromiseKept {
  title: string;
}

export type PromiseCriterionLinkView = PromiseCriterionLinkRow;
export type AuditView = AuditRow;
export type AuditConnectionValue = Connection<AuditRow>;
