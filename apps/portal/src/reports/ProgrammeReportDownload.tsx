import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { REPORT_SECTIONS, REPORT_SECTION_TITLES, type ReportSectionKey } from '@csp/domain';
import { graphql } from '../generated/gql';
import type { ReportFormat, ReportPageSize, ReportSection } from '../generated/graphql';
import { FormProblems } from '../forms/FormProblems';
import { SelectField } from '../forms/SelectField';
import { useMutationForm } from '../forms/useMutationForm';
import { Button } from '../ui/Button';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import { formatDateTime } from '../ui/format';
import { browserLanguages, readerLocale } from '../ui/locale';
import './reports.css';

export const ProgrammeReportsQuery = graphql(`
  query ProgrammeReports($clientId: ID!) {
    client(id: $clientId) {
      id
      programmeReports(last: 5) {
        id
        format
        pageSize
        section
        fileName
        sha256
        scheduled
        createdAt
        createdBy {
          id
          name
        }
      }
    }
  }
`);

export const CreateProgrammeReportMutation = graphql(`
  mutation CreateProgrammeReport($input: CreateProgrammeReportInput!) {
    createProgrammeReport(input: $input) {
      report {
        id
        fileName
      }
      downloadUrl
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const FORMAT_LABELS: Record<ReportFormat, string> = { PDF: 'PDF', XLSX: 'Excel workbook', CSV: 'CSV' };

/** The GraphQL enum of a section (`SERVICE_LEVELS`) from the domain's key (`service-levels`). */
const sectionOf = (key: ReportSectionKey) => key.toUpperCase().replace('-', '_') as ReportSection;
const SECTION_OPTIONS = REPORT_SECTIONS.map((key) => ({
  value: sectionOf(key),
  label: REPORT_SECTION_TITLES[key],
}));
const titleOf = (section: ReportSection) =>
  REPORT_SECTION_TITLES[REPORT_SECTIONS.find((key) => sectionOf(key) === section) ?? 'charter'];

/** North American readers print on Letter; everyone else on A4. Only a default: the select changes it. */
function defaultPageSize(): ReportPageSize {
  const locale = readerLocale(browserLanguages()) ?? '';
  return /-(US|CA|MX|PH)\b/i.test(locale) ? 'LETTER' : 'A4';
}

/**
 * The client's programme report, to send to the board: a PDF, the Excel workbook (a sheet per section) or one
 * section as CSV. The API makes the file from what this reader may see (a leader: only what is published to them),
 * keeps it with its SHA-256, and answers a link the browser downloads at once.
 */
export function ProgrammeReportDownload({ clientId }: { clientId: string }) {
  const reports = useQuery(ProgrammeReportsQuery, { variables: { clientId } });
  const [create] = useMutation(CreateProgrammeReportMutation);
  const form = useMutationForm(['format', 'pageSize', 'section', 'clientId'] as const);
  const [pageSize, setPageSize] = useState<ReportPageSize>(defaultPageSize);
  const [section, setSection] = useState<ReportSection>('SERVICE_LEVELS');
  const [making, setMaking] = useState<ReportFormat | null>(null);

  async function make(format: ReportFormat) {
    setMaking(format);
    await form.run(
      async () =>
        (
          await create({
            variables: {
              input: {
                clientId,
                format,
                ...(format === 'PDF' ? { pageSize } : {}),
                ...(format === 'CSV' ? { section } : {}),
              },
            },
          })
        ).data?.createProgrammeReport,
      async (payload) => {
        if (payload.downloadUrl) window.location.assign(payload.downloadUrl);
        await reports.refetch();
      },
    );
    setMaking(null);
  }

  const busy = (format: ReportFormat) => (making === format ? `Making the ${FORMAT_LABELS[format]}…` : null);
  return (
    <Panel title="Programme report">
      <p>
        One snapshot of the programme for the board: the charter and promises kept, audits against the
        industry, service levels, complaints, customer feedback, open actions and milestones. Each report is
        kept with a fingerprint (SHA-256), so a copy can be checked against what was sent.
      </p>
      <FormProblems failure={form.failure} errors={form.errors} title="Could not make the report" />
      <div className="report-choices">
        <div className="report-choice">
          <SelectField
            name="pageSize"
            label="Page size"
            value={pageSize}
            onChange={(event) => setPageSize(event.target.value as ReportPageSize)}
            options={[
              { value: 'A4', label: 'A4' },
              { value: 'LETTER', label: 'US Letter' },
            ]}
            errors={form.errors.byField.pageSize}
          />
          <Button variant="primary" disabled={form.pending} onClick={() => void make('PDF')}>
            {busy('PDF') ?? 'Download PDF'}
          </Button>
        </div>
        <div className="report-choice">
          <Button disabled={form.pending} onClick={() => void make('XLSX')}>
            {busy('XLSX') ?? 'Download Excel workbook'}
          </Button>
        </div>
        <div className="report-choice">
          <SelectField
            name="section"
            label="Section as CSV"
            value={section}
            onChange={(event) => setSection(event.target.value as ReportSection)}
            options={SECTION_OPTIONS}
            errors={form.errors.byField.section}
          />
          <Button disabled={form.pending} onClick={() => void make('CSV')}>
            {busy('CSV') ?? 'Download CSV'}
          </Button>
        </div>
      </div>
      <h3>Made recently</h3>
      <QueryState
        loading={reports.loading}
        error={reports.error}
        what="the reports made"
        retry={() => reports.refetch()}
        hasData={Boolean(reports.data?.client)}
      >
        {reports.data?.client?.programmeReports.length ? (
          <ul className="report-history">
            {reports.data.client.programmeReports.map((report) => (
              <li key={report.id}>
                <span>
                  {FORMAT_LABELS[report.format]}
                  {report.section ? ` (${titleOf(report.section)})` : ''}
                  {report.pageSize ? `, ${report.pageSize === 'LETTER' ? 'US Letter' : 'A4'}` : ''}
                </span>
                <span className="muted">
                  {formatDateTime(report.createdAt)}
                  {report.scheduled
                    ? ', monthly schedule'
                    : report.createdBy
                      ? `, by ${report.createdBy.name}`
                      : ''}
                </span>
                <code className="report-hash" title="SHA-256 of the file">
                  {report.sha256}
                </code>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No report made yet">
            The reports you make appear here, with their fingerprints.
          </EmptyState>
        )}
      </QueryState>
    </Panel>
  );
}
