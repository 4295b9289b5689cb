import { EntitySchema } from 'typeorm';
import type { ReportSectionKey } from '@csp/domain';

export type ReportFormat = 'PDF' | 'XLSX' | 'CSV';
export type ReportPageSize = 'A4' | 'LETTER';

export interface ProgrammeReportRow {
  tenantId: string;
  id: string;
  clientId: string;
  format: ReportFormat;
  pageSize: ReportPageSize | null;
  section: ReportSectionKey | null;
  fileName: string;
  contentType: string;
  /** The file as handed out; `select: false`, so only the download reads it. */
  content: Buffer;
  sha256: string;
  createdByMemberId: string | null;
  createdByApiKeyId: string | null;
  scheduled: boolean;
  downloadTokenHash: Buffer;
  downloadExpiresAt: Date;
  createdAt: Date;
}

export const ProgrammeReportEntity = new EntitySchema<ProgrammeReportRow>({
  name: 'ProgrammeReport',
  tableName: 'programme_reports',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    id: { type: 'uuid', primary: true },
    clientId: { type: 'uuid', name: 'client_id' },
    format: { type: 'text' },
    pageSize: { type: 'text', name: 'page_size', nullable: true },
    section: { type: 'text', nullable: true },
    fileName: { type: 'text', name: 'file_name' },
    contentType: { type: 'text', name: 'content_type' },
    content: { type: 'bytea', select: false },
    sha256: { type: 'text' },
    createdByMemberId: { type: 'uuid', name: 'created_by_member_id', nullable: true },
    createdByApiKeyId: { type: 'uuid', name: 'created_by_api_key_id', nullable: true },
    scheduled: { type: 'boolean' },
    downloadTokenHash: { type: 'bytea', name: 'download_token_hash', select: false },
    downloadExpiresAt: { type: 'timestamptz', name: 'download_expires_at' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});
