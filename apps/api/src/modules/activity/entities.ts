import { EntitySchema } from 'typeorm';

export interface ActivityRow {
  tenantId: string;
  id: string;
  occurredAt: Date;
  actorMemberId: string | null;
  actorApiKeyId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  changedFields: string[];
  /** What a sign-in outside GraphQL did or why it was refused (single sign-on), in words. */
  detail: string | null;
  requestId: string;
}

export const ActivityEntity = new EntitySchema<ActivityRow>({
  name: 'ActivityEntry',
  tableName: 'activity_trail',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    id: { type: 'uuid', primary: true },
    occurredAt: { type: 'timestamptz', name: 'occurred_at' },
    actorMemberId: { type: 'uuid', name: 'actor_member_id', nullable: true },
    actorApiKeyId: { type: 'uuid', name: 'actor_api_key_id', nullable: true },
    action: { type: 'text' },
    objectType: { type: 'text', name: 'object_type', nullable: true },
    objectId: { type: 'uuid', name: 'object_id', nullable: true },
    changedFields: { type: 'text', name: 'changed_fields', array: true },
    detail: { type: 'text', nullable: true },
    requestId: { type: 'text', name: 'request_id' },
  },
});
