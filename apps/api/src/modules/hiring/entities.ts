import { EntitySchema } from 'typeorm';
import type { AeiouValue, HiringCategory } from '@csp/domain';

const tenantId = { type: 'uuid', primary: true, name: 'tenant_id' } as const;
const id = { type: 'uuid', primary: true } as const;

export interface RoleProfileRow {
  tenantId: string;
  id: string;
  clientId: string;
  title: string;
  summary: string | null;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export const RoleProfileEntity = new EntitySchema<RoleProfileRow>({
  name: 'RoleProfile',
  tableName: 'role_profiles',
  columns: {
    tenantId,
    id,
    clientId: { type: 'uuid', name: 'client_id' },
    title: { type: 'text' },
    summary: { type: 'text', nullable: true },
    revision: { type: 'integer' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});

export interface HiringCriterionRow {
  tenantId: string;
  id: string;
  clientId: string;
  profileId: string;
  /** Made from the first title and never changed, so systems that stored it keep finding the criterion. */
  key: string;
  category: HiringCategory;
  title: string;
  weight: number;
  mustHave: boolean;
  evidence: string;
  aeiouValue: AeiouValue | null;
  position: number;
}

export const HiringCriterionEntity = new EntitySchema<HiringCriterionRow>({
  name: 'HiringCriterion',
  tableName: 'hiring_criteria',
  columns: {
    tenantId,
    id,
    clientId: { type: 'uuid', name: 'client_id' },
    profileId: { type: 'uuid', name: 'profile_id' },
    key: { type: 'text' },
    category: { type: 'text' },
    title: { type: 'text' },
    weight: { type: 'integer' },
    mustHave: { type: 'boolean', name: 'must_have' },
    evidence: { type: 'text' },
    aeiouValue: { type: 'text', name: 'aeiou_value', nullable: true },
    position: { type: 'integer' },
  },
});

export interface CandidateScorecardRow {
  tenantId: string;
  id: string;
  clientId: string;
  profileId: string;
  candidateRef: string;
  assessorId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const CandidateScorecardEntity = new EntitySchema<CandidateScorecardRow>({
  name: 'CandidateScorecard',
  tableName: 'candidate_scorecards',
  columns: {
    tenantId,
    id,
    clientId: { type: 'uuid', name: 'client_id' },
    profileId: { type: 'uuid', name: 'profile_id' },
    candidateRef: { type: 'text', name: 'candidate_ref' },
    assessorId: { type: 'uuid', name: 'assessor_id', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});

export interface CandidateScoreRow {
  tenantId: string;
  clientId: string;
  profileId: string;
  scorecardId: string;
  criterionId: string;
  score: number;
  note: string | null;
}

export const CandidateScoreEntity = new EntitySchema<CandidateScoreRow>({
  name: 'CandidateScore',
  tableName: 'candidate_scores',
  columns: {
    tenantId,
    clientId: { type: 'uuid', name: 'client_id' },
    profileId: { type: 'uuid', name: 'profile_id' },
    scorecardId: { type: 'uuid', primary: true, name: 'scorecard_id' },
    criterionId: { type: 'uuid', primary: true, name: 'criterion_id' },
    score: { type: 'integer' },
    note: { type: 'text', nullable: true },
  },
});
