import { EntitySchema } from 'typeorm';
import type { ActionPriority, ActionStatus } from '@csp/domain';

const tenantId = { type: 'uuid', primary: true, name: 'tenant_id' } as const;

export interface ActionRow {
  tenantId: string;
  id: string;
  clientId: string;
  description: string;
  ownerId: string;
  dueOn: string | null;
  status: ActionStatus;
  priority: ActionPriority;
  auditId: string | null;
  criterionKey: string | null;
  charterId: string | null;
  promiseKey: string | null;
  /** The touch point of the client's journey the action is about, if any. */
  touchPointId: string | null;
  /** The complaint, or the complaint category, it was raised from (the complaints module sets these). */
  complaintId: string | null;
  complaintCategoryId: string | null;
  /** The customer's answer it was raised from (feedback module). */
  feedbackResponseId: string | null;
  revision: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

export const ActionEntity = new EntitySchema<ActionRow>({
  name: 'Action',
  tableName: 'actions',
  columns: {
    tenantId,
    id: { type: 'uuid', primary: true },
    clientId: { type: 'uuid', name: 'client_id' },
    description: { type: 'text' },
    ownerId: { type: 'uuid', name: 'owner_id' },
    dueOn: { type: 'date', name: 'due_on', nullable: true },
    status: { type: 'text' },
    priority: { type: 'text' },
    auditId: { type: 'uuid', name: 'audit_id', nullable: true },
    criterionKey: { type: 'text', name: 'criterion_key', nullable: true },
    charterId: { type: 'uuid', name: 'charter_id', nullable: true },
    promiseKey: { type: 'text', name: 'promise_key', nullable: true },
    touchPointId: { type: 'uuid', name: 'touch_point_id', nullable: true },
    complaintId: { type: 'uuid', name: 'complaint_id', nullable: true },
    complaintCategoryId: { type: 'uuid', name: 'complaint_category_id', nullable: true },
    feedbackResponseId: { type: 'uuid', name: 'feedback_response_id', nullable: true },
    revision: { type: 'integer' },
    createdBy: { type: 'uuid', name: 'created_by' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
    completedAt: { type: 'timestamptz', name: 'completed_at', nullable: true },
  },
});

export interface ActionNoteRow {
  tenantId: string;
  id: string;
  clientId: string;
  actionId: string;
  authorId: string;
  body: string;
  createdAt: Date;
}

export const ActionNoteEntity = new EntitySchema<ActionNoteRow>({
  name: 'ActionNote',
  tableName: 'action_notes',
  columns: {
    tenantId,
    id: { type: 'uuid', primary: true },
    clientId: { type: 'uuid', name: 'client_id' },
    actionId: { type: 'uuid', name: 'action_id' },
    authorId: { type: 'uuid', name: 'author_id' },
    body: { type: 'text' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});
