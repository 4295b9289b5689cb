import {
  ACTION_PRIORITY_LABELS,
  ACTION_STATUS_LABELS,
  FEEDBACK_KIND_LABELS,
  PERIOD_STATUS_LABELS,
  REPORT_SECTION_TITLES,
  type ProgrammeReport,
  type ReportCell,
  type ReportChart,
  type ReportSection,
} from '@csp/domain';
import type { ProgrammeReportDataQuery } from '../../generated/operations/graphql.js';

type Client = NonNullable<ProgrammeReportDataQuery['client']>;

export interface ReportFrame {
  generatedAt: Date;
  preparedBy: string | null;
  language: string;
}

/**
 * The programme report as data, from the API's own answer for the client (programme-report-query.ts). Every figure
 * is a field of that answer, unrounded: the renderers round for display, and the golden test compares them with
 * what GraphQL answers. Two choices a reader should know (docs/reports.md): only published audits are reported,
 * and a CSAT score (a share from 0 to 1) is shown in percentage points beside NPS points and mean effort.
 */
export function assembleProgrammeReport(
  data: ProgrammeReportDataQuery,
  frame: ReportFrame,
): ProgrammeReport | null {
  const client = data.client;
  if (!client) return null;
  return {
    title: `Service programme: ${client.name}`,
    language: frame.language,
    consultancy: { name: data.consultancy.name },
    client: { id: client.id, name: client.name },
    generatedAt: frame.generatedAt.toISOString(),
    preparedBy: frame.preparedBy,
    sections: [
      charterSection(client),
      auditsSection(client),
      serviceLevelsSection(client),
      complaintsSection(client),
      feedbackSection(client),
      actionsSection(client, {
        open: data.openActions.totalCount + data.actionsInProgress.totalCount,
        overdue: data.overdueActions.totalCount,
      }),
      milestonesSection(client),
    ],
  };
}

function publishedAudits(client: Client) {
  // The API answers newest first; a trend reads oldest first.
  return client.audits.filter((audit) => audit.status === 'PUBLISHED').reverse();
}

function charterSection(client: Client): ReportSection {
  const published = client.charter?.published ?? null;
  const latest = publishedAudits(client).at(-1);
  const kept = new Map(latest?.promisesKept.map((promise) => [promise.promiseKey, promise.score]) ?? []);
  return {
    key: 'charter',
    title: REPORT_SECTION_TITLES['charter'],
    summary: published
      ? `Version ${published.number} of the charter: ${published.purposeStatement.purpose} Each promise with its ` +
        `service standard and how well the latest published audit found it kept (0 to 100).`
      : 'The promises the organisation makes to its customers, once its charter is published.',
    table: {
      columns: [
        { key: 'promise', label: 'Promise', type: 'text' },
        { key: 'standard', label: 'Service standard', type: 'text' },
        { key: 'target', label: 'Target', type: 'number', decimals: 1 },
        { key: 'unit', label: 'Unit', type: 'text' },
        { key: 'kept', label: 'Kept (latest audit)', type: 'number', decimals: 1 },
      ],
      rows: (published?.promises ?? []).map((promise) => [
        promise.title,
        promise.standard?.description ?? null,
        promise.standard?.target ?? null,
        promise.standard?.unit ?? null,
        kept.get(promise.key) ?? null,
      ]),
    },
    emptyNote: 'No charter has been published yet.',
  };
}

function auditsSection(client: Client): ReportSection {
  const audits = publishedAudits(client);
  const benchmark = audits.findLast((audit) => audit.benchmark?.overall)?.benchmark?.overall?.median;
  const chart: ReportChart | undefined = audits.length
    ? {
        kind: 'line',
        title: 'Overall audit score',
        unit: 'score',
        series: [
          {
            name: 'Overall score',
            points: audits.map((audit) => ({ label: audit.conductedOn, value: audit.scores.overall })),
          },
        ],
        ...(benchmark === undefined ? {} : { reference: { label: 'Industry median', value: benchmark } }),
      }
    : undefined;
  return {
    key: 'audits',
    title: REPORT_SECTION_TITLES['audits'],
    summary:
      'Published audits, oldest first: the overall score (0 to 100), the change from the audit before on the same ' +
      'framework, and the median of comparable clients in the industry when enough of them contribute.',
    table: {
      columns: [
        { key: 'audit', label: 'Audit', type: 'text' },
        { key: 'conductedOn', label: 'Conducted', type: 'date' },
        { key: 'framework', label: 'Framework', type: 'text' },
        { key: 'overall', label: 'Overall score', type: 'number', decimals: 1 },
        { key: 'change', label: 'Change', type: 'number', decimals: 1 },
        { key: 'benchmark', label: 'Industry median', type: 'number', decimals: 1 },
      ],
      rows: audits.map((audit) => [
        audit.title,
        audit.conductedOn,
        audit.framework.name,
        audit.scores.overall,
        audit.deltas?.overall.change ?? null,
        audit.benchmark?.overall?.median ?? null,
      ]),
    },
    ...(chart ? { chart } : {}),
    emptyNote: 'No audit has been published yet.',
  };
}

function periodStatus(period: Client['serviceLevels'][number]['periods'][number]): string {
  if (!period.closed) return period.atRisk ? 'At risk (open)' : 'Open';
  return PERIOD_STATUS_LABELS[period.status];
}

function serviceLevelsSection(client: Client): ReportSection {
  const levels = client.serviceLevels;
  const rows: ReportCell[][] = levels.flatMap((level) =>
    level.periods.map((period) => [
      level.name,
      level.promiseTitle,
      period.label,
      period.compliance,
      period.target,
      period.valid,
      periodStatus(period),
    ]),
  );
  const withFigures = levels.filter((level) => level.periods.some((period) => period.compliance !== null));
  return {
    key: 'service-levels',
    title: REPORT_SECTION_TITLES['service-levels'],
    summary:
      'Each service level of the charter, period by period: the share of valid events that met the standard, ' +
      'against the target. An open period is not final.',
    table: {
      columns: [
        { key: 'serviceLevel', label: 'Service level', type: 'text' },
        { key: 'promise', label: 'Promise', type: 'text' },
        { key: 'period', label: 'Period', type: 'text' },
        { key: 'compliance', label: 'Compliance', type: 'percent', decimals: 1 },
        { key: 'target', label: 'Target', type: 'percent', decimals: 1 },
        { key: 'valid', label: 'Valid events', type: 'integer' },
        { key: 'status', label: 'Status', type: 'text' },
      ],
      rows,
    },
    ...(withFigures.length
      ? {
          chart: {
            kind: 'line' as const,
            title: 'Compliance by period',
            unit: '%',
            series: withFigures.map((level) => ({
              name: level.name,
              points: level.periods.map((period) => ({
                label: period.label,
                value: period.compliance === null ? null : period.compliance * 100,
              })),
            })),
          },
        }
      : {}),
    emptyNote: 'No service level is measured yet.',
  };
}

function complaintsSection(client: Client): ReportSection {
  const patterns = client.complaintPatterns;
  const monthColumns = patterns.months.map((month, index) => ({
    key: `month${index}`,
    label: month,
    type: 'integer' as const,
  }));
  const sum = (counts: readonly number[]) => counts.reduce((total, count) => total + count, 0);
  const rows: ReportCell[][] = patterns.categories.map((category) => [
    category.category.name,
    ...category.counts,
    sum(category.counts),
    category.rising.rising ? 'Yes' : 'No',
  ]);
  const anyComplaint = sum(patterns.totals) > 0;
  if (rows.length) rows.push(['All categories', ...patterns.totals, sum(patterns.totals), null]);
  return {
    key: 'complaints',
    title: REPORT_SECTION_TITLES['complaints'],
    summary: `Complaints received per month over the last ${patterns.months.length} months (${patterns.timeZone}), by category, and whether a category is rising beyond its usual variation.`,
    table: {
      columns: [
        { key: 'category', label: 'Category', type: 'text' },
        ...monthColumns,
        { key: 'total', label: 'Total', type: 'integer' },
        { key: 'rising', label: 'Rising', type: 'text' },
      ],
      rows: anyComplaint ? rows : [],
    },
    ...(anyComplaint
      ? {
          chart: {
            kind: 'bar' as const,
            title: 'Complaints per month',
            unit: 'complaints',
            series: [
              {
                name: 'Complaints',
                points: patterns.months.map((month, index) => ({
                  label: month,
                  value: patterns.totals[index] ?? 0,
                })),
              },
            ],
          },
        }
      : {}),
    emptyNote: 'No complaint has been logged in this period.',
  };
}

/** CSAT is a share (0 to 1): shown in percentage points, like the portal's feedback page. */
function feedbackFigure(kind: string, value: number | null): number | null {
  if (value === null) return null;
  return kind === 'CSAT' ? value * 100 : value;
}

const FEEDBACK_UNITS: Record<string, string> = {
  NPS: 'NPS points (−100 to 100)',
  CSAT: '% satisfied',
  EFFORT: 'mean answer (1 to 7)',
};

function feedbackSection(client: Client): ReportSection {
  const kinds = client.feedbackSummary.kinds.filter((kind) => kind.overall.responses > 0);
  const charted = kinds.find((kind) => kind.kind === 'NPS') ?? kinds[0];
  return {
    key: 'feedback',
    title: REPORT_SECTION_TITLES['feedback'],
    summary:
      'Scores over the last twelve months with their 95 % margin of error. Below 5 answers a score is withheld, ' +
      'not shown as zero.',
    table: {
      columns: [
        { key: 'kind', label: 'Measure', type: 'text' },
        { key: 'score', label: 'Score', type: 'number', decimals: 1 },
        { key: 'margin', label: '± margin', type: 'number', decimals: 1 },
        { key: 'low', label: 'Low', type: 'number', decimals: 1 },
        { key: 'high', label: 'High', type: 'number', decimals: 1 },
        { key: 'responses', label: 'Answers', type: 'integer' },
        { key: 'unit', label: 'Unit', type: 'text' },
      ],
      rows: kinds.map((kind) => [
        FEEDBACK_KIND_LABELS[kind.kind],
        feedbackFigure(kind.kind, kind.overall.score),
        feedbackFigure(kind.kind, kind.overall.margin),
        feedbackFigure(kind.kind, kind.overall.low),
        feedbackFigure(kind.kind, kind.overall.high),
        kind.overall.responses,
        FEEDBACK_UNITS[kind.kind] ?? null,
      ]),
    },
    ...(charted
      ? {
          chart: {
            kind: 'line' as const,
            title: `${FEEDBACK_KIND_LABELS[charted.kind]} by month`,
            unit: charted.kind === 'CSAT' ? '%' : 'score',
            series: [
              {
                name: FEEDBACK_KIND_LABELS[charted.kind],
                points: charted.months.map((month) => ({
                  label: month.month,
                  value: feedbackFigure(charted.kind, month.score.score),
                })),
              },
            ],
          },
        }
      : {}),
    emptyNote: 'No customer feedback has been received yet.',
  };
}

/**
 * The counts are the whole client's; the rows are what `Client.actions` answers, which a client with years of actions
 * caps (list-sizes.ts): the summary then says how many of the open ones are listed, rather than undercounting.
 */
function actionsSection(client: Client, counts: { open: number; overdue: number }): ReportSection {
  const open = client.actions
    .filter((action) => action.status !== 'DONE')
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31') ||
        a.id.localeCompare(b.id),
    );
  const listed = open.length < counts.open ? ` The ${open.length} due soonest are listed.` : '';
  return {
    key: 'actions',
    title: REPORT_SECTION_TITLES['actions'],
    summary:
      `${counts.open} open action${counts.open === 1 ? '' : 's'}, ${counts.overdue} of them overdue; overdue first, ` +
      `then by due date.${listed}`,
    table: {
      columns: [
        { key: 'action', label: 'Action', type: 'text' },
        { key: 'owner', label: 'Owner', type: 'text' },
        { key: 'priority', label: 'Priority', type: 'text' },
        { key: 'status', label: 'Status', type: 'text' },
        { key: 'dueOn', label: 'Due', type: 'date' },
        { key: 'overdue', label: 'Overdue', type: 'text' },
      ],
      rows: open.map((action) => [
        action.description,
        action.owner.name,
        ACTION_PRIORITY_LABELS[action.priority],
        ACTION_STATUS_LABELS[action.status],
        action.dueOn,
        action.overdue ? 'Yes' : 'No',
      ]),
    },
    emptyNote: 'No action is open.',
  };
}

function milestonesSection(client: Client): ReportSection {
  const rows = client.engagements
    .flatMap((engagement) => engagement.milestones.map((milestone) => ({ engagement, milestone })))
    .sort((a, b) => a.milestone.dueOn.localeCompare(b.milestone.dueOn));
  return {
    key: 'milestones',
    title: REPORT_SECTION_TITLES['milestones'],
    summary: 'The milestones of every engagement with the client, by due date.',
    table: {
      columns: [
        { key: 'engagement', label: 'Engagement', type: 'text' },
        { key: 'milestone', label: 'Milestone', type: 'text' },
        { key: 'dueOn', label: 'Due', type: 'date' },
        { key: 'doneOn', label: 'Done on', type: 'date' },
        { key: 'state', label: 'State', type: 'text' },
      ],
      rows: rows.map(({ engagement, milestone }) => [
        engagement.title,
        milestone.title,
        milestone.dueOn,
        milestone.doneAt?.slice(0, 10) ?? null,
        milestone.done ? 'Done' : milestone.overdue ? 'Overdue' : 'Upcoming',
      ]),
    },
    emptyNote: 'No milestone is planned.',
  };
}
