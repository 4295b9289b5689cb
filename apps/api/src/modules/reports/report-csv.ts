import { stringify } from 'csv-stringify/sync';
import type { ProgrammeReport, ReportCell, ReportColumn, ReportSection } from '@csp/domain';
import { isoDateOf, reportDateOf, slugOf } from './report-cells.js';

/**
 * A cell as csv-stringify should see it: numbers stay numbers, because csv-stringify's `escape_formulas` leaves a
 * leading `-` alone only on a number field, so `-3.5` is a figure and a text `-2+3` becomes `'-2+3`. A percent is
 * written as its fraction (0.875), the model's own value, so a spreadsheet or script reads it without parsing
 * "87.5 %"; the header keeps the column's label, like the XLSX sheet, whose cell holds the same fraction.
 */
function csvValueOf(cell: ReportCell, column: ReportColumn): string | number | null {
  if (cell === null) return null;
  if (typeof cell === 'string') return column.type === 'date' ? isoDateOf(cell) : cell;
  return column.type === 'text' ? String(cell) : cell;
}

/**
 * One section's table as CSV (RFC 4180: CRLF, quotes doubled), with a UTF-8 byte order mark so that Excel reads
 * accents, and text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) prefixed with `'`.
 */
export function renderSectionCsv(section: ReportSection): string {
  const { columns, rows } = section.table;
  const records: (string | number | null)[][] = [
    columns.map((column) => column.label),
    ...rows.map((row) => columns.map((column, i) => csvValueOf(row[i] ?? null, column))),
  ];
  return stringify(records, { bom: true, record_delimiter: 'windows', escape_formulas: true });
}

/** e.g. `northwind-utilities-service-levels-2026-12-03.csv`: the client, the section and the snapshot's day. */
export function csvFileName(report: ProgrammeReport, section: ReportSection): string {
  const client = slugOf(report.client.name) || 'client';
  return `${client}-${section.key}-${reportDateOf(report)}.csv`;
}
