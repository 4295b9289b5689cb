import ExcelJS from 'exceljs';
import type { ProgrammeReport, ReportCell, ReportColumn, ReportSection } from '@csp/domain';
import { decimalsOf, formatCell, hasRows, isNumericColumn, utcDateOf, emptyNoteOf } from './report-cells.js';

const SHEET_NAME_LIMIT = 31;
const REPORT_SHEET = 'Report';
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

function decimalFormat(decimals: number): string {
  return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
}

function numFmtOf(column: ReportColumn): string | undefined {
  switch (column.type) {
    case 'integer':
      return '0';
    case 'number':
      return decimalFormat(decimalsOf(column));
    case 'percent':
      return `${decimalFormat(decimalsOf(column))}%`;
    case 'date':
      return 'yyyy-mm-dd';
    case 'text':
      return undefined;
  }
}

/**
 * The cell's value as exceljs should store it. Strings are always written as strings (never `{ formula }`), so a
 * text such as `=HYPERLINK("x")` stays text; a date that does not parse stays the text it was.
 */
function xlsxValueOf(cell: ReportCell, column: ReportColumn): ExcelJS.CellValue {
  if (cell === null) return null;
  if (column.type === 'date' && typeof cell === 'string') return utcDateOf(cell) ?? cell;
  if (column.type === 'text') return String(cell);
  return cell;
}

/** Excel refuses `[]:*?/\`, a leading or trailing apostrophe, more than 31 characters, and two equal names. */
function sheetNameOf(title: string, taken: Set<string>): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '')
      .slice(0, SHEET_NAME_LIMIT)
      .trim() || 'Section';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${base.slice(0, SHEET_NAME_LIMIT - suffix.length).trim()}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** Widths from the longest text the column shows, as the PDF formats it, within bounds a screen can hold. */
function widthOf(column: ReportColumn, rows: ReportCell[][], index: number): number {
  const longest = rows.reduce(
    (max, row) => Math.max(max, formatCell(row[index] ?? null, column).length),
    column.label.length,
  );
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

function addSectionSheet(workbook: ExcelJS.Workbook, section: ReportSection, name: string): void {
  const { columns, rows } = section.table;
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column, index) => {
    const numFmt = numFmtOf(column);
    const width = widthOf(column, rows, index);
    return {
      key: column.key,
      width,
      style: {
        ...(numFmt ? { numFmt } : {}),
        alignment: isNumericColumn(column)
          ? { horizontal: 'right' }
          : { vertical: 'top', wrapText: width === MAX_WIDTH },
      },
    };
  });
  const header = sheet.addRow(columns.map((column) => column.label));
  header.font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((column, i) => xlsxValueOf(row[i] ?? null, column)));
}

function addReportSheet(workbook: ExcelJS.Workbook, report: ProgrammeReport): void {
  const sheet = workbook.addWorksheet(REPORT_SHEET);
  sheet.columns = [{ width: 18 }, { width: 80, style: { alignment: { wrapText: true, vertical: 'top' } } }];
  sheet.addRow([report.title]).font = { bold: true, size: 14 };
  sheet.addRow(['Client', report.client.name]);
  sheet.addRow(['Consultancy', report.consultancy.name]);
  const generated = sheet.addRow(['Generated at', new Date(report.generatedAt)]);
  generated.getCell(2).numFmt = 'yyyy-mm-dd hh:mm "UTC"';
  generated.getCell(2).alignment = { horizontal: 'left' };
  sheet.addRow(['Prepared by', report.preparedBy ?? null]);
  sheet.addRow([]);
  sheet.addRow(['Section', 'What it shows']).font = { bold: true };
  for (const section of report.sections) {
    const summary = hasRows(section) ? section.summary : `${section.summary} ${emptyNoteOf(section)}`;
    sheet.addRow([section.title, summary]);
  }
}

/**
 * The report as a workbook: a "Report" sheet naming what it is, then one sheet per section holding its table cell
 * for cell, typed (numbers, fractions with a percent format, dates), so the client's analysts compute with it.
 */
export async function renderReportXlsx(report: ProgrammeReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const created = new Date(report.generatedAt);
  workbook.creator = report.consultancy.name;
  workbook.lastModifiedBy = report.consultancy.name;
  workbook.title = report.title;
  workbook.created = created;
  workbook.modified = created;
  addReportSheet(workbook, report);
  const taken = new Set([REPORT_SHEET.toLowerCase()]);
  for (const section of report.sections)
    addSectionSheet(workbook, section, sheetNameOf(section.title, taken));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
