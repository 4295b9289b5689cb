import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { execute, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { fieldError, type FieldError, type ProgrammeReport, type ReportSectionKey } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { coded } from '../../core/errors.js';
import { refused, type Payload } from '../../core/payloads.js';
import { isUuid, notFound } from '../../core/user-errors.js';
import type { ProgrammeReportDataQuery } from '../../generated/operations/graphql.js';
import type { CreateProgrammeReportInput } from '../../generated/resolvers.js';
import { assembleProgrammeReport } from './assemble-report.js';
import {
  ProgrammeReportEntity,
  type ProgrammeReportRow,
  type ReportFormat,
  type ReportPageSize,
} from './entities.js';
import { PROGRAMME_REPORT_QUERY } from './programme-report-query.js';
import { renderSectionCsv, csvFileName } from './report-csv.js';
import { reportDateOf, slugOf } from './report-cells.js';
import { renderReportPdf } from './report-pdf.js';
import { renderReportXlsx } from './report-xlsx.js';
import { REPORT_SECTION_KEYS, downloadUrlOf } from './report-download.js';

/** Long enough to open the link that was just made; short enough that a forwarded link soon stops working. */
export const DOWNLOAD_MINUTES = 15;

/** The language the report is written in (its labels and summaries), set as the PDF's `/Lang`. */
const REPORT_LANGUAGE = 'en-GB';

const NOTHING = ['report', 'downloadUrl', 'downloadExpiresAt'] as const;

export async function createProgrammeReport(
  context: RequestContext,
  input: CreateProgrammeReportInput,
  schema: GraphQLSchema,
): Promise<Payload<'ProgrammeReportPayload'>> {
  const problem = inputProblem(input);
  if (problem) return refused(NOTHING, problem);
  if (!isUuid(input.clientId)) return refused(NOTHING, notFound('clientId', 'client'));
  const made = await makeReportFile(context, input, schema);
  if (!made) return refused(NOTHING, notFound('clientId', 'client'));
  const actor = requireActor(context.viewer);
  return context.db.write(async (db) => {
    const kept = await keepReport(db, {
      input,
      file: made.file,
      createdBy: { memberId: actor.memberId, apiKeyId: actor.kind === 'apiKey' ? actor.apiKeyId : null },
      scheduled: false,
      validityMinutes: DOWNLOAD_MINUTES,
      publicUrl: context.settings.publicUrl,
    });
    return {
      report: kept.report,
      downloadUrl: kept.downloadUrl,
      downloadExpiresAt: kept.downloadExpiresAt,
      userErrors: [],
    };
  });
}

/** A report's file: what it shows, and its bytes in the format asked for. */
export interface MadeReport {
  report: ProgrammeReport;
  file: ReportFile;
}

/**
 * Reads the report as the context's viewer sees it and renders it; null when the viewer cannot see the client.
 * `preparedBy` names the consultancy instead of the viewer for a report nobody asked for (the monthly one).
 */
export async function makeReportFile(
  context: RequestContext,
  input: CreateProgrammeReportInput,
  schema: GraphQLSchema,
  options: { preparedBy?: 'viewer' | 'consultancy' } = {},
): Promise<MadeReport | null> {
  const report = await readReport(context, input.clientId, schema, options.preparedBy ?? 'viewer');
  if (!report) return null;
  return { report, file: await render(report, input) };
}

export interface ReportToKeep {
  input: CreateProgrammeReportInput;
  file: ReportFile;
  /** Who asked for it; null for the monthly report, which nobody asked for. */
  createdBy: { memberId: string; apiKeyId: string | null } | null;
  scheduled: boolean;
  validityMinutes: number;
  publicUrl: string;
}

/**
 * Stores the file as a snapshot (its hash, for proving later what was sent) with a fresh download token, in the
 * caller's transaction, and answers the link. Only the token's hash is kept: the link exists once, in the answer.
 */
export async function keepReport(
  db: TenantDb,
  kept: ReportToKeep,
): Promise<{ report: ProgrammeReportRow; downloadUrl: string; downloadExpiresAt: Date }> {
  const { input, file } = kept;
  const token = randomBytes(32).toString('base64url');
  const downloadExpiresAt = new Date(Date.now() + kept.validityMinutes * 60_000);
  const row: ProgrammeReportRow = {
    tenantId: db.tenantId,
    id: randomUUID(),
    clientId: input.clientId,
    format: input.format,
    pageSize: input.format === 'PDF' ? (input.pageSize ?? 'A4') : null,
    section: input.format === 'CSV' ? (REPORT_SECTION_KEYS[input.section!] ?? null) : null,
    fileName: file.fileName,
    contentType: file.contentType,
    content: file.content,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    createdByMemberId: kept.createdBy?.memberId ?? null,
    createdByApiKeyId: kept.createdBy?.apiKeyId ?? null,
    scheduled: kept.scheduled,
    downloadTokenHash: createHash('sha256').update(token).digest(),
    downloadExpiresAt,
    createdAt: new Date(),
  };
  await db.getRepository(ProgrammeReportEntity).insert(row);
  return { report: row, downloadUrl: downloadUrlOf(kept.publicUrl, row, token), downloadExpiresAt };
}

function inputProblem(input: CreateProgrammeReportInput): FieldError | null {
  if (input.format === 'CSV' && !input.section) {
    return fieldError('section', 'REQUIRED', 'A CSV holds one section: choose which.');
  }
  if (input.format !== 'CSV' && input.section) {
    return fieldError('section', 'NOT_ALLOWED', 'Only a CSV is one section; a PDF or workbook has them all.');
  }
  if (input.format !== 'PDF' && input.pageSize) {
    return fieldError('pageSize', 'NOT_ALLOWED', 'Only a PDF has a page size.');
  }
  return null;
}

/**
 * The report's data, asked of the API's own schema as the viewer: the permission guard and the client fence decide
 * what it shows, as for any query. The request's budget of resolved fields is for what a caller asks; the report's
 * query is ours and bounded, so it does not spend it.
 */
async function readReport(
  context: RequestContext,
  clientId: string,
  schema: GraphQLSchema,
  preparedBy: 'viewer' | 'consultancy',
): Promise<ProgrammeReport | null> {
  // graphql-js types the answer loosely; the document's generated type says what it holds.
  const answer = (await execute({
    schema,
    document: PROGRAMME_REPORT_QUERY,
    contextValue: { ...context, budget: undefined },
    variableValues: { clientId },
  })) as ExecutionResult<ProgrammeReportDataQuery>;
  if (answer.errors?.length) {
    const missing = [
      ...new Set(
        answer.errors.map((error) => error.extensions['requires']).filter((p) => typeof p === 'string'),
      ),
    ];
    if (missing.length) {
      throw coded(
        'FORBIDDEN',
        `A programme report shows every section, so it needs these permissions as well: ${missing.join(', ')}.`,
        { extensions: { requires: missing[0] } },
      );
    }
    throw answer.errors[0]!;
  }
  if (!answer.data) return null;
  return assembleProgrammeReport(answer.data, {
    generatedAt: new Date(),
    preparedBy: (preparedBy === 'viewer' ? answer.data.me?.name : answer.data.consultancy?.name) ?? null,
    language: REPORT_LANGUAGE,
  });
}

export interface ReportFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

async function render(report: ProgrammeReport, input: CreateProgrammeReportInput): Promise<ReportFile> {
  const base = `${slugOf(report.client.name) || 'client'}-programme-report-${reportDateOf(report)}`;
  const format: ReportFormat = input.format;
  if (format === 'PDF') {
    const pageSize: ReportPageSize = input.pageSize ?? 'A4';
    return {
      fileName: `${base}.pdf`,
      contentType: 'application/pdf',
      content: await renderReportPdf(report, { pageSize }),
    };
  }
  if (format === 'XLSX') {
    return {
      fileName: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      content: await renderReportXlsx(report),
    };
  }
  const key: ReportSectionKey | undefined = REPORT_SECTION_KEYS[input.section!];
  const section = report.sections.find((candidate) => candidate.key === key)!;
  return {
    fileName: csvFileName(report, section),
    contentType: 'text/csv; charset=utf-8',
    content: Buffer.from(renderSectionCsv(section), 'utf8'),
  };
}
