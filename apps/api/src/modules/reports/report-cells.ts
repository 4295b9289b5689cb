import type { ProgrammeReport, ReportCell, ReportColumn, ReportSection } from '@csp/domain';

/** What a cell without a figure reads as in the PDF: an en dash, so a reader never mistakes it for a zero. */
export const NO_FIGURE = '–';

export const DEFAULT_DECIMALS = 1;

export function decimalsOf(column: ReportColumn): number {
  return column.decimals ?? DEFAULT_DECIMALS;
}

export function isNumericColumn(column: ReportColumn): boolean {
  return column.type === 'integer' || column.type === 'number' || column.type === 'percent';
}

/** toFixed answers "-0.0" for a small negative; a reader sees a sign where there is no figure below zero. */
function fixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** The ISO calendar date of a `date` cell, also when the model hands a full timestamp. */
export function isoDateOf(cell: string): string {
  return cell.slice(0, 10);
}

/**
 * The one place a cell becomes display text (the PDF). Figures are plain ASCII digits without thousands separators
 * (`1234`, `-3.5`, `87.5 %`), so that text extraction, and a reader copying a figure, gets it back intact.
 */
export function formatCell(cell: ReportCell, column: ReportColumn): string {
  if (cell === null) return NO_FIGURE;
  if (typeof cell === 'string') return column.type === 'date' ? isoDateOf(cell) : cell;
  switch (column.type) {
    case 'integer':
      return fixed(cell, 0);
    case 'number':
      return fixed(cell, decimalsOf(column));
    case 'percent':
      return `${fixed(cell * 100, decimalsOf(column))} %`;
    case 'date':
    case 'text':
      return String(cell);
  }
}

/** A `date` cell as a Date at UTC midnight, which spreadsheets show as that calendar day in every time zone. */
export function utcDateOf(cell: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(cell);
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** ASCII-only, lower case, dashes: safe in a file name and a Content-Disposition header without encoding. */
export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function reportDateOf(report: ProgrammeReport): string {
  return report.generatedAt.slice(0, 10);
}

export function hasRows(section: ReportSection): boolean {
  return section.table.rows.length > 0;
}

export const NO_DATA_NOTE = 'No data yet.';

export function emptyNoteOf(section: ReportSection): string {
  return section.emptyNote ?? NO_DATA_NOTE;
}
