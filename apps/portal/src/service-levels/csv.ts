import { MAX_COUNT, MAX_INTERVALS_PER_BATCH, instantOfLocalTime } from '@csp/domain';
import {
  instantOfCell,
  linesNamedBy,
  parseCsv,
  rowHasErrors as anyRowErrors,
  rowsWithApiErrors,
  type CheckedCsvRow,
} from '../forms/csv';
import type { UserErrorLike } from '../forms/field-errors';

export { parseCsv };

/**
 * Measurements uploaded as CSV: one interval a line, under the header `start,end,good,valid,excluded` (excluded
 * may be left out, as a column or a value). Times are ISO 8601 with their offset (2026-11-30T09:00:00Z), or local
 * times (2026-11-30 09:00) read in the service level's time zone, which is how most platforms export them.
 *
 * The rules are the API's: the preview sends the rows with `recordMeasurements(dryRun: true)` and shows its
 * errors on the rows and columns they name. Only what cannot even be sent is caught here: a missing column, a
 * count that is not a whole number, a time in no known form.
 */

export const CSV_COLUMNS = ['start', 'end', 'good', 'valid', 'excluded'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly CsvColumn[] = ['start', 'end', 'good', 'valid'];

export const CSV_HEADER = CSV_COLUMNS.join(',');

/** Where on a row a problem is: one of its cells, or the row as a whole. */
export type RowPart = CsvColumn | 'row';

export interface IntervalValues {
  start: string;
  end: string;
  good: number;
  valid: number;
  excluded: number | null;
}

export interface CsvRow extends CheckedCsvRow<CsvColumn> {
  /** Null when the row cannot be sent as it is (see `errors`). */
  interval: IntervalValues | null;
}

export interface CsvUpload {
  rows: CsvRow[];
  /** Problems with the file as a whole: nothing is sent while there are any. */
  problems: string[];
  /** Columns the file has that are not ours; they are left out. */
  ignoredColumns: string[];
}

const COLUMN_LABELS: Record<CsvColumn, string> = {
  start: 'Start',
  end: 'End',
  good: 'Good',
  valid: 'Valid',
  excluded: 'Excluded',
};

/** Reads an uploaded file; `timeZone` is the service level's, for times written without an offset. */
export function readMeasurementCsv(text: string, timeZone: string): CsvUpload {
  const { records, problems: unreadable } = parseCsv(text.replace(/^\uFEFF/, ''));
  if (unreadable.length > 0) return { rows: [], problems: unreadable, ignoredColumns: [] };
  const nonEmpty = records.filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  const [header, ...body] = nonEmpty;
  if (!header) {
    return {
      rows: [],
      problems: [`The file is empty. Start it with the header ${CSV_HEADER}.`],
      ignoredColumns: [],
    };
  }
  const names = header.cells.map((cell) => cell.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    return {
      rows: [],
      problems: [
        `The first line must name the columns: ${CSV_HEADER} (excluded may be left out). Missing: ${missing.join(', ')}.`,
      ],
      ignoredColumns: [],
    };
  }
  const position = Object.fromEntries(CSV_COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<
    CsvColumn,
    number
  >;
  const ignoredColumns = header.cells
    .map((cell) => cell.trim())
    .filter((cell) => cell !== '' && !(CSV_COLUMNS as readonly string[]).includes(cell.toLowerCase()));
  const problems: string[] = [];
  if (body.length === 0) problems.push('The file has a header but no intervals under it.');
  if (body.length > MAX_INTERVALS_PER_BATCH) {
    problems.push(
      `The file has ${body.length.toLocaleString('en-GB')} intervals; upload at most ${MAX_INTERVALS_PER_BATCH.toLocaleString('en-GB')} at a time (split it by month, say).`,
    );
  }
  const rows = body.map(({ line, cells }) => {
    const values = Object.fromEntries(
      CSV_COLUMNS.map((column) => [
        column,
        position[column] >= 0 ? (cells[position[column]] ?? '').trim() : '',
      ]),
    ) as Record<CsvColumn, string>;
    return readRow(line, values, timeZone);
  });
  return { rows, problems, ignoredColumns };
}

function readRow(line: number, cells: Record<CsvColumn, string>, timeZone: string): CsvRow {
  const errors: CsvRow['errors'] = {};
  const note = (part: RowPart, message: string) => (errors[part] ??= []).push(message);
  const start = readInstant(cells.start, 'start', timeZone, note);
  const end = readInstant(cells.end, 'end', timeZone, note);
  const good = readCount(cells.good, 'good', note);
  const valid = readCount(cells.valid, 'valid', note);
  const excluded = cells.excluded === '' ? null : readCount(cells.excluded, 'excluded', note);
  const sendable =
    start !== null &&
    end !== null &&
    good !== null &&
    valid !== null &&
    (cells.excluded === '' || excluded !== null);
  return {
    line,
    cells,
    interval: sendable ? { start, end, good, valid, excluded } : null,
    errors,
  };
}

function readInstant(
  cell: string,
  column: 'start' | 'end',
  timeZone: string,
  note: (part: RowPart, message: string) => void,
): string | null {
  if (cell === '') {
    note(column, `Give the ${column} of the interval.`);
    return null;
  }
  const instant = instantOfCell(cell, timeZone);
  if (instant !== null) return instant;
  note(
    column,
    `${COLUMN_LABELS[column]} must be a time such as 2026-11-30T09:00:00Z, or a local time such as 2026-11-30 09:00 (read in ${timeZone}).`,
  );
  return null;
}

/** Whole numbers only; negative ones are sent, so the API's own rule says what is wrong with them. */
function readCount(
  cell: string,
  column: 'good' | 'valid' | 'excluded',
  note: (part: RowPart, message: string) => void,
): number | null {
  if (cell === '') {
    note(column, `Give the ${column} count.`);
    return null;
  }
  const typed = cell.replace(/[\s,_]/g, '');
  if (!/^-?\d+$/.test(typed)) {
    note(column, `${COLUMN_LABELS[column]} must be a whole number, e.g. 42.`);
    return null;
  }
  const value = Number(typed);
  if (value > MAX_COUNT) {
    note(column, `${COLUMN_LABELS[column]} must be at most ${MAX_COUNT.toLocaleString('en-GB')}.`);
    return null;
  }
  // Beyond what a GraphQL Int carries the request itself would fail; a count that low is refused anyway.
  if (value < -MAX_COUNT) {
    note(column, `${COLUMN_LABELS[column]} cannot be negative.`);
    return null;
  }
  return value;
}

/** The rows to send: those that can be, in file order; index i of the batch is `sent[i]`. */
export function sendableRows(upload: CsvUpload): CsvRow[] {
  return upload.rows.filter((row) => row.interval !== null);
}

/**
 * The API's errors put on the rows of the file: `intervals.3.good` is the good cell of the fourth row sent, and a
 * field that is not a column (`intervals.3.serviceLevelId`) marks the row as a whole (see `rowsWithApiErrors`).
 */
export function withApiErrors(
  rows: readonly CsvRow[],
  sent: readonly CsvRow[],
  userErrors: readonly UserErrorLike[],
): { rows: CsvRow[]; general: UserErrorLike[] } {
  return rowsWithApiErrors(rows, sent, userErrors, 'intervals', CSV_COLUMNS);
}

/** The file lines of the rows sent that these errors name, in file order, each once. */
export function linesNamed(sent: readonly CsvRow[], userErrors: readonly UserErrorLike[]): number[] {
  return linesNamedBy(sent, userErrors, 'intervals');
}

export function rowHasErrors(row: CsvRow): boolean {
  return anyRowErrors(row);
}

/**
 * True when the API refused only because figures of a closed period would change without a reason: the error on
 * `correctionReason` itself, or the rows' message that asks for one.
 */
export function asksForCorrectionReason(userErrors: readonly UserErrorLike[]): boolean {
  return userErrors.some(
    (error) =>
      error.field.replace(/^input\./, '') === 'correctionReason' || /correctionReason/.test(error.message),
  );
}

/** Errors other than the request for a correction reason: while there are any, the batch has bad rows. */
export function badRowErrors(userErrors: readonly UserErrorLike[]): UserErrorLike[] {
  return userErrors.filter(
    (error) =>
      error.field.replace(/^input\./, '') !== 'correctionReason' && !/correctionReason/.test(error.message),
  );
}

/**
 * A file to start from: the header and the first three quarter-hours of yesterday's 09:00 in the service level's
 * time zone, with the offset written out.
 */
export function exampleCsv(timeZone: string, now: Date = new Date()): string {
  const yesterday = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(yesterday);
  const at = (time: string) => instantOfLocalTime(day, time, timeZone).toISOString().replace('.000Z', 'Z');
  const lines = [
    [at('09:00'), at('09:15'), 41, 45, 2],
    [at('09:15'), at('09:30'), 52, 55, 0],
    [at('09:30'), at('09:45'), 38, 44, 1],
  ];
  return [CSV_HEADER, ...lines.map((line) => line.join(','))].join('\n') + '\n';
}
