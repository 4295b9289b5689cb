import { createHash, timingSafeEqual } from 'node:crypto';
import type { ReportSectionKey } from '@csp/domain';
import type { ApiRoute } from '../../core/api-module.js';
import { coded } from '../../core/errors.js';
import { isUuid } from '../../core/user-errors.js';
import type { ReportSection } from '../../generated/resolvers.js';
import type { ProgrammeReportRow } from './entities.js';

/** The GraphQL enum's values and the domain's section keys, one to one. */
export const REPORT_SECTION_KEYS: Record<ReportSection, ReportSectionKey> = {
  CHARTER: 'charter',
  AUDITS: 'audits',
  SERVICE_LEVELS: 'service-levels',
  COMPLAINTS: 'complaints',
  FEEDBACK: 'feedback',
  ACTIONS: 'actions',
  MILESTONES: 'milestones',
};

export function sectionOfKey(key: ReportSectionKey | null): ReportSection | null {
  if (!key) return null;
  const found = Object.entries(REPORT_SECTION_KEYS).find(([, value]) => value === key);
  return (found?.[0] as ReportSection | undefined) ?? null;
}

/**
 * `/reports/<tenant>/<report>/<token>`: the tenant is in the link so the download sets its fence before it reads,
 * as every request does, rather than looking for the token across consultancies; the token is the permission.
 */
export function downloadUrlOf(
  publicUrl: string,
  report: Pick<ProgrammeReportRow, 'tenantId' | 'id'>,
  token: string,
) {
  return `${publicUrl}/reports/${report.tenantId}/${report.id}/${token}`;
}

const GONE = 'This download link is not valid or has expired: make the report again to get a new link.';

/**
 * The file of a report, for whoever holds its link until it expires (a browser, a BI tool, the monthly email's
 * reader). Without a viewer, so `public`: the token, checked against its hash, is what lets it through, and a
 * wrong, expired or another consultancy's link is answered the same 404.
 */
export const reportDownload: ApiRoute = {
  method: 'GET',
  path: '/reports/:tenantId/:reportId/:token',
  allow: 'public',
  async handle(context, request) {
    const { tenantId, reportId, token } = request.params as Record<string, string>;
    if (!isUuid(tenantId) || !isUuid(reportId) || !token || token.length > 100) {
      throw coded('NOT_FOUND', GONE);
    }
    await context.db.enterTenant({ tenantId, clientId: null });
    const [file] = (await context.db.read((db) =>
      db.query(
        `SELECT file_name, content_type, content, download_token_hash
           FROM programme_reports
          WHERE tenant_id = $1 AND id = $2 AND download_expires_at > now()`,
        [db.tenantId, reportId],
      ),
    )) as { file_name: string; content_type: string; content: Buffer; download_token_hash: Buffer }[];
    const presented = createHash('sha256').update(token).digest();
    if (!file || !timingSafeEqual(presented, file.download_token_hash)) throw coded('NOT_FOUND', GONE);
    return {
      kind: 'stream',
      contentType: file.content_type,
      filename: file.file_name,
      chunks: once(file.content),
    };
  },
};

async function* once(content: Buffer): AsyncGenerator<Uint8Array> {
  yield content;
}
