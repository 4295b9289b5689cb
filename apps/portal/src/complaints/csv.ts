import {
  CHANNEL_LABELS,
  CHANNELS,
  COMPLAINT_LIMITS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_SEVERITY_LABELS,
} from '@csp/domain';
import { instantOfCell, parseCsv, rowsWithApiErrors, type CheckedCsvRow } from '../forms/csv';
import type { UserErrorLike } from '../forms/field-errors';
import type { Channel, ComplaintRowInput, ComplaintSeverity } from '../generated/graphql';

/**
 * Complaints uploaded as CSV, as a CRM or a spreadsheet exports them: one complaint a line, under a header of
 * column names a person would write (`received at`, `channel`, `touch point`, `category`, `severity`,
 * `what happened`, `reference`, …; case, spaces and underscores do not matter, and other columns are left out). The columns are
 * the fields of `recordComplaints`' rows, so the API's errors (`rows.3.receivedAt`) land on their cells. The touch
 * point, like the category, is its name, which the API finds among the client's current ones (`touchPointName`).
 *
 * The rules are the API's: the preview sends the rows with `dryRun: true`. Only what cannot even be sent is caught
 * here: a missing column, a time in no known form, a channel or severity not in the list.
 */

export const COMPLAINT_CSV_COLUMNS = [
  'receivedAt',
  'channel',
  'touchPointName',
  'category',
  'severity',
  'whatHappened',
  'externalReference',
  'customerReference',
  'promiseKey',
  'resolvedAt',
  'resolution',
  'rootCause',
] as const;
export type ComplaintCsvColumn = (typeof COMPLAINT_CSV_COLUMNS)[number];

/** The heading a person writes for each column, first; then other names an export may use. */
export const COMPLAINT_CSV_NAMES: Record<ComplaintCsvColumn, readonly [string, ...string[]]> = {
  receivedAt: ['received at', 'received', 'date received'],
  channel: ['channel'],
  touchPointName: ['touch point', 'touch point name'],
  category: ['category'],
  severity: ['severity'],
  whatHappened: ['what happened', 'description', 'complaint'],
  externalReference: ['reference', 'external reference', 'complaint reference'],
  customerReference: ['customer reference', 'case number'],
  promiseKey: ['promise', 'promise key'],
  resolvedAt: ['resolved at', 'resolved'],
  resolution: ['resolution'],
  rootCause: ['root cause'],
};

export const COMPLAINT_CSV_LABELS = Object.fromEntries(
  COMPLAINT_CSV_COLUMNS.map((column) => [column, COMPLAINT_CSV_NAMES[column][0]]),
) as Record<ComplaintCsvColumn, string>;

const REQUIRED: readonly ComplaintCsvColumn[] = [
  'receivedAt',
  'channel',
  'category',
  'severity',
  'whatHappened',
];

export const COMPLAINT_CSV_HEADER = COMPLAINT_CSV_COLUMNS.map((c) => COMPLAINT_CSV_LABELS[c]).join(',');

export interface ComplaintCsvRow extends CheckedCsvRow<ComplaintCsvColumn> {
  /** Null when the row cannot be sent as it is (see `errors`). */
  complaint: ComplaintRowInput | null;
}

export interface ComplaintCsvUpload {
  rows: ComplaintCsvRow[];
  /** Problems with the file as a whole: nothing is sent while there are any. */
  problems: string[];
  /** Columns of the file that are not ours; they are left out. */
  ignoredColumns: string[];
}

const squeeze = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '');

function columnOf(heading: string): ComplaintCsvColumn | null {
  const name = squeeze(heading);
  return COMPLAINT_CSV_COLUMNS.find((c) => COMPLAINT_CSV_NAMES[c].some((n) => squeeze(n) === name)) ?? null;
}

/** Reads an uploaded file; `timeZone` is the client's, for times written without an offset. */
export function readComplaintCsv(text: string, timeZone: string): ComplaintCsvUpload {
  const { records, problems: unreadable } = parseCsv(text);
  if (unreadable.length > 0) return { rows: [], problems: unreadable, ignoredColumns: [] };
  const [header, ...body] = records.filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  if (!header) {
    return {
      rows: [],
      problems: [`The file is empty. Start it with the header ${COMPLAINT_CSV_HEADER}.`],
      ignoredColumns: [],
    };
  }
  const columns = header.cells.map(columnOf);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return {
      rows: [],
      problems: [
        `The first line must name the columns. Missing: ${missing.map((c) => COMPLAINT_CSV_LABELS[c]).join(', ')}.`,
      ],
      ignoredColumns: [],
    };
  }
  const ignoredColumns = header.cells
    .map((cell) => cell.trim())
    .filter((cell, i) => cell !== '' && columns[i] === null);
  const problems: string[] = [];
  if (body.length === 0) problems.push('The file has a header but no complaints under it.');
  if (body.length > COMPLAINT_LIMITS.batch) {
    problems.push(
      `The file has ${body.length.toLocaleString('en-GB')} complaints; upload at most ${COMPLAINT_LIMITS.batch.toLocaleString('en-GB')} at a time (split it by month, say).`,
    );
  }
  const rows = body.map(({ line, cells }) => {
    const values = Object.fromEntries(COMPLAINT_CSV_COLUMNS.map((c) => [c, ''])) as Record<
      ComplaintCsvColumn,
      string
    >;
    columns.forEach((column, i) => {
      if (column) values[column] = (cells[i] ?? '').trim();
    });
    return readRow(line, values, timeZone);
  });
  return { rows, problems, ignoredColumns };
}

function choice<K extends string>(cell: string, keys: readonly K[], labels: Record<K, string>): K | null {
  const name = squeeze(cell);
  return keys.find((key) => squeeze(key) === name || squeeze(labels[key]) === name) ?? null;
}

function readRow(line: number, cells: Record<ComplaintCsvColumn, string>, timeZone: string): ComplaintCsvRow {
  const errors: ComplaintCsvRow['errors'] = {};
  const note = (part: ComplaintCsvColumn, message: string) => (errors[part] ??= []).push(message);
  const time = (column: 'receivedAt' | 'resolvedAt') => {
    const cell = cells[column];
    if (cell === '') return null;
    const instant = instantOfCell(cell, timeZone);
    if (instant === null) {
      note(
        column,
        `${COMPLAINT_CSV_LABELS[column]} must be a time such as 2026-11-30T09:00:00Z, or a local time such as 2026-11-30 09:00 (read in ${timeZone}).`,
      );
    }
    return instant;
  };
  const receivedAt = time('receivedAt');
  if (cells.receivedAt === '') note('receivedAt', 'Give the time the complaint was received.');
  const resolvedAt = time('resolvedAt');
  const channel = choice<Channel>(cells.channel, CHANNELS, CHANNEL_LABELS);
  if (channel === null) {
    note('channel', `Channel must be one of: ${CHANNELS.map((c) => CHANNEL_LABELS[c]).join(', ')}.`);
  }
  const severity = choice<ComplaintSeverity>(cells.severity, COMPLAINT_SEVERITIES, COMPLAINT_SEVERITY_LABELS);
  if (severity === null) {
    note(
      'severity',
      `Severity must be one of: ${COMPLAINT_SEVERITIES.map((s) => COMPLAINT_SEVERITY_LABELS[s]).join(', ')}.`,
    );
  }
  const optional = (value: string) => (value === '' ? null : value);
  const sendable =
    receivedAt !== null &&
    channel !== null &&
    severity !== null &&
    (cells.resolvedAt === '' || resolvedAt !== null);
  return {
    line,
    cells,
    errors,
    complaint: sendable
      ? {
          receivedAt,
          channel,
          severity,
          category: cells.category,
          touchPointName: optional(cells.touchPointName),
          whatHappened: cells.whatHappened,
          externalReference: optional(cells.externalReference),
          customerReference: optional(cells.customerReference),
          promiseKey: optional(cells.promiseKey),
          resolvedAt,
          resolution: optional(cells.resolution),
          rootCause: optional(cells.rootCause),
        }
      : null,
  };
}

/** The rows to send: those that can be, in file order; index i of the batch is `sent[i]`. */
export function sendableComplaintRows(upload: ComplaintCsvUpload): ComplaintCsvRow[] {
  return upload.rows.filter((row) => row.complaint !== null);
}

/** The API's errors on the rows and cells they name (`rows.3.category`); the rest are `general`. */
export function withComplaintErrors(
  rows: readonly ComplaintCsvRow[],
  sent: readonly ComplaintCsvRow[],
  userErrors: readonly UserErrorLike[],
) {
  return rowsWithApiErrors(rows, sent, userErrors, 'rows', COMPLAINT_CSV_COLUMNS);
}

/** A file to start from: the header and three complaints of yesterday, in the client's zone. */
export function exampleComplaintCsv(): string {
  return (
    [
      COMPLAINT_CSV_HEADER,
      '2026-11-30 09:12,Phone,Help line,Billing,Medium,"Charged twice for November, no reply to the first call.",CRM-1041,,,2026-11-30 15:40,Refunded the second charge.,Duplicate direct debit',
      '2026-11-30 11:05,Email,,Delivery,High,"Parcel promised by Friday, still not here on Monday.",CRM-1042,ORD-88213,,,,',
      '2026-11-30T14:30:00Z,Chat,Web chat,Staff,Low,Agent ended the chat before answering.,CRM-1043,,,,,',
    ].join('\n') + '\n'
  );
}
