import { EntitySchema } from 'typeorm';
import type { AuditFramework, AuditStatus, IndustryBenchmark, Industry } from '@csp/domain';

const tenantId = { type: 'uuid', primary: true, name: 'tenant_id' } as const;

/** A consultancy's own copy of a framework; its versions hold the definitions. */
export interface AuditFrameworkRow {
  tenantId: string;
  id: string;
  key: string;
  name: string;
  basedOnKey: string | null;
  latestVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

export const AuditFrameworkEntity = new EntitySchema<AuditFrameworkRow>({
  name: 'AuditFramework',
  tableName: 'audit_frameworks',
  columns: {
    tenantId,
    id: { type: 'uuid', primary: true },
    key: { type: 'text' },
    name: { type: 'text' },
    basedOnKey: { type: 'text', name: 'based_on_key', nullable: true },
    latestVersion: { type: 'integer', name: 'latest_version' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});

export interface AuditFrameworkVersionRow {
  tenantId: string;
  frameworkId: string;
  version: number;
  definition: AuditFramework;
  createdAt: Date;
}

export const AuditFrameworkVersionEntity = new EntitySchema<AuditFrameworkVersionRow>({
  name: 'AuditFrameworkVersion',
  tableName: 'audit_framework_versions',
  columns: {
    tenantId,
    frameworkId: { type: 'uuid', primary: true, name: 'framework_id' },
    version: { type: 'integer', primary: true },
    definition: { type: 'jsonb' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});

/** Section scores as stored at publication: enough to chart and benchmark without re-scoring. */
export interface StoredSectionScore {
  key: string;
  score: number | null;
}

/**
 * The industry benchmark as frozen when the audit was published: the banded figures only, never another client's
 * score or id (a client leader's session reads this row).
 */
export interface StoredBenchmark extends IndustryBenchmark {
  /** The client's industry at the time, which later edits of the client do not change. */
  industry: Industry;
  /** ISO date-time the figures were taken: the audit's publication. */
  asOf: string;
}

export interface AuditRow {
  tenantId: string;
  id: string;
  clientId: string;
  engagementId: string | null;
  frameworkKey: string;
  frameworkVersion: number;
  /** The exact definition the audit uses, whatever later versions of the framework say. */
  framework: AuditFramework;
  title: string;
  status: AuditStatus;
  conductedOn: string;
  revision: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
  overallScore: number | null;
  sectionScores: StoredSectionScore[] | null;
  flagged: boolean | null;
  /** Set at publication (or at the first read of an audit published before benchmarks were frozen). */
  benchmark: StoredBenchmark | null;
}

export const AuditEntity = new EntitySchema<AuditRow>({
  name: 'Audit',
  tableName: 'audits',
  columns: {
    tenantId,
    id: { type: 'uuid', primary: true },
    clientId: { type: 'uuid', name: 'client_id' },
    engagementId: { type: 'uuid', name: 'engagement_id', nullable: true },
    frameworkKey: { type: 'text', name: 'framework_key' },
    frameworkVersion: { type: 'integer', name: 'framework_version' },
    framework: { type: 'jsonb' },
    title: { type: 'text' },
    status: { type: 'text' },
    conductedOn: { type: 'date', name: 'conducted_on' },
    revision: { type: 'integer' },
    createdBy: { type: 'uuid', name: 'created_by', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
    submittedAt: { type: 'timestamptz', name: 'submitted_at', nullable: true },
    publishedAt: { type: 'timestamptz', name: 'published_at', nullable: true },
    overallScore: { type: 'double precision', name: 'overall_score', nullable: true },
    sectionScores: { type: 'jsonb', name: 'section_scores', nullable: true },
    flagged: { type: 'boolean', nullable: true },
    benchmark: { type: 'jsonb', nullable: true },
  },
});

export interface AuditResponseRow {
  tenantId: string;
  auditId: string;
  clientId: string;
  criterionKey: string;
  score: number | null;
  notApplicable: boolean;
  evidence: string | null;
  note: string | null;
  internal: boolean;
  updatedAt: Date;
  updatedBy: string | null;
}

export const AuditResponseEntity = new EntitySchema<AuditResponseRow>({
  name: 'AuditResponse',
  tableName: 'audit_responses',
  columns: {
    tenantId,
    auditId: { type: 'uuid', primary: true, name: 'audit_id' },
    clientId: { type: 'uuid', name: 'client_id' },
    criterionKey: { type: 'text', primary: true, name: 'criterion_key' },
    score: { type: 'smallint', nullable: true },
    notApplicable: { type: 'boolean', name: 'not_applicable' },
    evidence: { type: 'text', nullable: true },
    note: { type: 'text', nullable: true },
    internal: { type: 'boolean' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
    updatedBy: { type: 'uuid', name: 'updated_by', nullable: true },
  },
});

export interface PromiseCriterionLinkRow {
  tenantId: string;
  clientId: string;
  charterId: string;
  promiseKey: string;
  frameworkKey: string;
  criterionKey: string;
  createdAt: Date;
}

export const PromiseCriterionLinkEntity = new EntitySchema<PromiseCriterionLinkRow>({
  name: 'PromiseCriterionLink',
  tableName: 'promise_criterion_links',
  columns: {
    tenantId,
    clientId: { type: 'uuid', name: 'client_id' },
    charterId: { type: 'uuid', primary: true, name: 'charter_id' },
    promiseKey: { type: 'text', primary: true, name: 'promise_key' },
    frameworkKey: { type: 'text', primary: true, name: 'framework_key' },
    criterionKey: { type: 'text', primary: true, name: 'criterion_key' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});
