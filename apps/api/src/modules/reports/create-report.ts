import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { execute, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { fieldError, type FieldError, type ProgrammeReport, type ReportSectionKey } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { requireActor } from '../../core/auth/viewer.js';
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
  const report = await readReport(context, input.clientId, schema);
  if (!report) return refused(NOTHING, notFound('clientId', 'client'));

  const file = await render(report, input);
  const token = randomBytes(32).toString('base64url');
  const actor = requireActor(context.viewer);
  const downloadExpiresAt = new Date(Date.now() + DOWNLOAD_MINUTES * 60_000);
  return context.db.write(async (db) => {
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
      createdByMemberId: actor.memberId,
      createdByApiKeyId: actor.kind === 'apiKey' ? actor.apiKeyId : null,
      scheduled: false,
      downloadTokenHash: createHash('sha256').update(token).digest(),
      downloadExpiresAt,
      createdAt: new Date(),
    };
    await db.getRepository(ProgrammeReportEntity).insert(row);
    return {
      report: row,
      downloadUrl: downloadUrlOf(context.settings.publicUrl, row, token),
      downloadExpiresAt,
      userErrors: [],
    };
  });
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
    preparedBy: answer.data.me?.name ?? null,
    language: REPORT_LANGUAGE,
  });
}

interface ReportFile {
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
