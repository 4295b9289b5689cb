import { EntitySchema } from 'typeorm';
import type { ComplaintSeverity } from '@csp/domain';

const tenantId = { type: 'uuid', primary: true, name: 'tenant_id' } as const;

/** One entry of a client's own list of complaint categories. */
export interface ComplaintCategoryRow {
  tenantId: string;
  id: string;
  clientId: string;
  name: string;
  description: string | null;
  /** Set when the category was removed while complaints or actions pointed at it. */
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ComplaintCategoryEntity = new EntitySchema<ComplaintCategoryRow>({
  name: 'ComplaintCategory',
  tableName: 'complaint_categories',
  columns: {
    tenantId,
    id: { type: 'uuid', primary: true },
    clientId: { type: 'uuid', name: 'client_id' },
    name: { type: 'text' },
    description: { type: 'text', nullable: true },
    archivedAt: { type: 'timestamptz', name: 'archived_at', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});

/** A complaint of a client's log. */
export interface ComplaintRow {
  tenantId: string;
  id: string;
  clientId: string;
  receivedAt: Date;
  channel: string;
  touchPointId: string | null;
  categoryId: string;
  /** The charter of the promise it broke, with the promise's key; both or neither. */
  charterId: string | null;
  promiseKey: string | null;
  severity: ComplaintSeverity;
  whatHappened: string;
  customerReference: string | null;
  resolvedAt: Date | null;
  resolution: string | null;
  rootCause: string | null;
  /** The client CRM's own id: a resend with it replaces this complaint. */
  externalReference: string | null;
  revision: number;
  recordedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ComplaintEntity = new EntitySchema<ComplaintRow>({
  name: 'Complaint',
  tableName: 'complaints',
  columns: {
    tenantId,
    id: { type: 'uuid', primary: true },
    clientId: { type: 'uuid', name: 'client_id' },
    receivedAt: { type: 'timestamptz', name: 'received_at' },
    channel: { type: 'text' },
    touchPointId: { type: 'uuid', name: 'touch_point_id', nullable: true },
    categoryId: { type: 'uuid', name: 'category_id' },
    charterId: { type: 'uuid', name: 'charter_id', nullable: true },
    promiseKey: { type: 'text', name: 'promise_key', nullable: true },
    severity: { type: 'text' },
    whatHappened: { type: 'text', name: 'what_happened' },
    customerReference: { type: 'text', name: 'customer_reference', nullable: true },
    resolvedAt: { type: 'timestamptz', name: 'resolved_at', nullable: true },
    resolution: { type: 'text', nullable: true },
    rootCause: { type: 'text', name: 'root_cause', nullable: true },
    externalReference: { type: 'text', name: 'external_reference', nullable: true },
    revision: { type: 'integer' },
    recordedBy: { type: 'uuid', name: 'recorded_by', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});

/** A category announced as rising in a month (`YYYY-MM`), so the webhook goes out once per category and month. */
export interface ComplaintRisingAnnouncementRow {
  tenantId: string;
  categoryId: string;
  clientId: string;
  month: string;
  announcedAt: Date;
}

export const ComplaintRisingAnnouncementEntity = new EntitySchema<ComplaintRisingAnnouncementRow>({
  name: 'ComplaintRisingAnnouncement',
  tableName: 'complaint_rising_announcements',
  columns: {
    tenantId,
    categoryId: { type: 'uuid', primary: true, name: 'category_id' },
    clientId: { type: 'uuid', name: 'client_id' },
    month: { type: 'text', primary: true },
    announcedAt: { type: 'timestamptz', name: 'announced_at' },
  },
});
