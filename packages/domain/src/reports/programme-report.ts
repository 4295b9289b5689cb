/**
 * A client's programme report as data: one snapshot, rendered three ways (PDF, XLSX, a CSV per section) by the API's
 * reports module. Every renderer reads only this, so the three cannot disagree, and the golden test compares this
 * model's cells with what the GraphQL API answers for the same client.
 *
 * Each section is one table (what the XLSX sheet and the CSV hold, cell for cell) and optionally one chart (drawn
 * in the PDF only, from the same figures as the table).
 */

export type ReportSectionKey =
  'charter' | 'audits' | 'service-levels' | 'complaints' | 'feedback' | 'actions' | 'milestones';

/** The order sections appear in, in every format. */
export const REPORT_SECTIONS: readonly ReportSectionKey[] = [
  'charter',
  'audits',
  'service-levels',
  'complaints',
  'feedback',
  'actions',
  'milestones',
];

/** Each section's title, the same in every format and in the portal's choice of a section's CSV. */
export const REPORT_SECTION_TITLES: Record<ReportSectionKey, string> = {
  charter: 'Charter and promises kept',
  audits: 'Service culture audits',
  'service-levels': 'Service levels against the charter',
  complaints: 'Complaint patterns',
  feedback: 'Customer feedback',
  actions: 'Open and overdue actions',
  milestones: 'Milestones',
};

/**
 * How a column's cells are typed: `text` a string; `integer` and `number` a JS number (a number cell in XLSX);
 * `percent` a fraction from 0 to 1 (shown as 87.5 %, stored as 0.875); `date` an ISO calendar date `YYYY-MM-DD`
 * (a date cell in XLSX).
 */
export type ReportColumnType = 'text' | 'integer' | 'number' | 'percent' | 'date';

export interface ReportColumn {
  key: string;
  label: string;
  type: ReportColumnType;
  /** Digits after the decimal point for `number` and `percent` (of the percentage): default 1. */
  decimals?: number;
}

/** A cell: null when there is no figure (shown as an en dash in the PDF, an empty cell in XLSX and CSV). */
export type ReportCell = string | number | null;

export interface ReportTable {
  columns: ReportColumn[];
  /** Each row has one cell per column, in column order. */
  rows: ReportCell[][];
}

export interface ReportChartPoint {
  label: string;
  value: number | null;
}

export interface ReportChart {
  kind: 'line' | 'bar';
  title: string;
  /** What the values are in, for the axis: '%', 'score', 'complaints', … */
  unit: string;
  series: { name: string; points: ReportChartPoint[] }[];
  /** A horizontal reference line (a service level's target, the benchmark), if any. */
  reference?: { label: string; value: number };
}

export interface ReportSection {
  key: ReportSectionKey;
  title: string;
  /** One or two sentences in the consultancy's words: what the section shows. */
  summary: string;
  table: ReportTable;
  chart?: ReportChart;
  /** Said instead of an empty table when the section has no data yet (e.g. no audit finished). */
  emptyNote?: string;
}

export interface ProgrammeReport {
  /** e.g. "Service programme: Northwind Utilities". */
  title: string;
  /** BCP 47, set as the PDF's language. */
  language: string;
  consultancy: { name: string };
  client: { id: string; name: string };
  /** ISO timestamp of the snapshot. */
  generatedAt: string;
  /** Who made it, as shown on the cover ("Prepared by …"); null for a scheduled report. */
  preparedBy: string | null;
  sections: ReportSection[];
}
