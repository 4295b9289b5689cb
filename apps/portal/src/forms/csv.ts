import { instantOfLocalTime, isRealDate, isRealDateTime } from '@csp/domain';
import Papa from 'papaparse';
import type { UserErrorLike } from './field-errors';

/**
 * What every CSV upload of the portal shares (service levels' measurements, complaints): reading the file with its
 * line numbers, putting the API's dry-run errors on the rows and columns they name, and offering an example file.
 * What a row means (its columns, how its cells are read) stays with the feature.
 */

/** A row of an uploaded file, as the preview shows it; a feature adds what it sends (an interval, a complaint). */
export interface CheckedCsvRow<C extends string> {
  /** The line in the file, the header being line 1, as a spreadsheet numbers it. */
  line: number;
  cells: Record<C, string>;
  /** Problems on one cell, or on the row as a whole (`row`). */
  errors: Partial<Record<C | 'row', string[]>>;
}

export function rowHasErrors(row: CheckedCsvRow<string>): boolean {
  return Object.values(row.errors).some((messages) => Array.isArray(messages) && messages.length > 0);
}

function listField(list: string): RegExp {
  return new RegExp(`^(?:input\\.)?${list}\\.(\\d+)(?:\\.([A-Za-z]+))?`);
}

/**
 * The API's errors put on the rows of the file: `<list>.3.good` is the good cell of the fourth row sent (rows that
 * could not be sent are not in the batch, so the index goes through `sent`), and a field that is not a column
 * marks the row as a whole. Errors that name no row are answered apart, as `general`.
 */
export function rowsWithApiErrors<C extends string, R extends CheckedCsvRow<C>>(
  rows: readonly R[],
  sent: readonly R[],
  userErrors: readonly UserErrorLike[],
  list: string,
  columns: readonly C[],
): { rows: R[]; general: UserErrorLike[] } {
  const pattern = listField(list);
  const extra = new Map<number, Partial<Record<C | 'row', string[]>>>();
  const general: UserErrorLike[] = [];
  for (const error of userErrors) {
    const match = pattern.exec(error.field);
    const row = match ? sent[Number(match[1])] : undefined;
    if (!match || !row) {
      general.push(error);
      continue;
    }
    const name = match[2] ?? '';
    const part: C | 'row' = (columns as readonly string[]).includes(name) ? (name as C) : 'row';
    const errors: Partial<Record<C | 'row', string[]>> = extra.get(row.line) ?? {};
    (errors[part] ??= []).push(error.message);
    extra.set(row.line, errors);
  }
  return {
    rows: rows.map((row) => {
      const more = extra.get(row.line);
      if (!more) return row;
      const errors: Partial<Record<C | 'row', string[]>> = { ...row.errors };
      for (const [part, messages] of Object.entries(more) as [C | 'row', string[]][]) {
        errors[part] = [...(errors[part] ?? []), ...messages];
      }
      return { ...row, errors };
    }),
    general,
  };
}

/** The file lines of the rows sent that these errors name, in file order, each once. */
export function linesNamedBy(
  sent: readonly CheckedCsvRow<string>[],
  userErrors: readonly UserErrorLike[],
  list: string,
): number[] {
  const pattern = listField(list);
  const lines = new Set<number>();
  for (const error of userErrors) {
    const match = pattern.exec(error.field);
    const row = match ? sent[Number(match[1])] : undefined;
    if (row) lines.add(row.line);
  }
  return [...lines].sort((a, b) => a - b);
}

/** Offers a text file to save, as an example file to start from. */
export function downloadText(fileName: string, text: string, type = 'text/csv') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * CSV through papaparse: cells separated by commas (or semicolons or tabs, as spreadsheets in many locales save
 * them), quotes around a cell that holds one of those, a doubled quote or a line break. Each record keeps the line
 * it starts on, counted from the parser's position in the text, so a quoted line break does not shift the lines
 * after it. A quoted cell left open is a problem of the file.
 */
export function parseCsv(text: string): { records: { line: number; cells: string[] }[]; problems: string[] } {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const records: { line: number; cells: string[] }[] = [];
  const problems: string[] = [];
  let line = 1;
  let from = 0;
  Papa.parse<string[]>(normalised, {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: false,
    step: (result) => {
      records.push({ line, cells: result.data });
      if (result.errors.some((error) => error.type === 'Quotes')) {
        problems.push(`Line ${line}: a quoted cell is not closed. Check the quotes on that line.`);
      }
      const to = result.meta.cursor;
      for (let i = from; i < to; i += 1) if (normalised[i] === '\n') line += 1;
      from = to;
    },
  });
  return { records, problems };
}

const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::00(?:\.0+)?)?$/;

/**
 * A time cell as an instant: ISO 8601 with its offset (2026-11-30T09:00:00Z) as it is, or a local time
 * (2026-11-30 09:00, how most platforms and spreadsheets export them) read in `timeZone`; null for anything else.
 */
export function instantOfCell(cell: string, timeZone: string): string | null {
  if (isRealDateTime(cell)) return cell;
  const [, day, hours, minutes] = LOCAL_TIME.exec(cell) ?? [];
  if (day && hours && minutes && isRealDate(day) && Number(hours) < 24 && Number(minutes) < 60) {
    return instantOfLocalTime(day, `${hours}:${minutes}`, timeZone).toISOString();
  }
  return null;
}
