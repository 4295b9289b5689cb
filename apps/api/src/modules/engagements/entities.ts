import { EntitySchema } from 'typeorm';
import type { DimePhase, EngagementKind, EngagementStatus } from '@csp/domain';

const tenantId = { type: 'uuid', primary: true, name: 'tenant_id' } as const;

export interface EngagementRow {
  tenantId: string;
  id: string;
  clientId: string;
  title: string;
  kind: EngagementKind;
  status: EngagementStatus;
  summary: string | null;
  startsOn: string | null;
  endsOn: string | null;
  phase: DimePhase | null;
  leadConsultantId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const EngagementEntity = new EntitySchema<EngagementRow>({
  name: 'Engagement',
  tableName: 'engagements',
  columns: {
    tenantId,
    id: { type: 'uuid', primary: true },
    clientId: { type: 'uuid', name: 'client_id' },
    title: { type: 'text' },
    kind: { type: 'text' },
    status: { type: 'text' },
    summary: { type: 'text', nullable: true },
    startsOn: { type: 'date', name: 'starts_on', nullable: true },
    endsOn: { type: 'date', name: 'ends_on', nullable: true },
    phase: { type: 'text', nullable: true },
    leadConsultantId: { type: 'uuid', name: 'lead_consultant_id', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});

export interface TeamMemberRow {
  tenantId: string;
  clientId: string;
  engagementId: string;
  userId: string;
}

export const TeamMemberEntity = new EntitySchema<TeamMemberRow>({
  name: 'EngagementTeamMember',
  tableName: 'engagement_team_members',
  columns: {
    tenantId,
    clientId: { type: 'uuid', name: 'client_id' },
    engagementId: { type: 'uuid', primary: true, name: 'engagement_id' },
    userId: { type: 'uuid', primary: true, name: 'user_id' },
  },
});

export interface MilestoneRow {
  tenantId: string;
  id: string;
  clientId: string;
  engagementId: string;
  title: string;
  dueOn: string;
  phase: DimePhase | null;
  doneAt: Date | null;
  createdAt: Date;
}

export const MilestoneEntity = new EntitySchema<MilestoneRow>({
  name: 'Milestone',
  tableName: 'milestones',
  columns: {
    tenantId,
    id: { type: 'uuid', primary: true },
    clientId: { type: 'uuid', name: 'client_id' },
    engagementId: { type: 'uuid', name: 'engagement_id' },
    title: { type: 'text' },
    dueOn: { type: 'date', name: 'due_on' },
    phase: { type: 'text', nullable: true },
    doneAt: { type: 'timestamptz', name: 'done_at', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});
