import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { ProgrammeReport, ReportCell, ReportChart, ReportSection } from '@csp/domain';
import { formatCell, isNumericColumn } from './report-cells.js';
import { csvFileName, renderSectionCsv } from './report-csv.js';
import { chartScale, renderReportPdf, standardFontText } from './report-pdf.js';
import { renderReportXlsx } from './report-xlsx.js';

const FORMULA_LOOKING = ['=HYPERLINK("x")', '-2+3', '@SUM(A1)'];

function isoDay(start: string, days: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function serviceLevelRows(count: number): ReportCell[][] {
  return Array.from({ length: count }, (_, i) => [
    `Week ${i + 1}`,
    isoDay('2024-09-02', i * 7),
    i % 17 === 5 ? null : 0.8 + ((i * 37) % 19) / 100,
    0.9,
    (i * 13) % 7,
    i % 11 === 3 ? null : Math.round((((i * 29) % 23) - 11) * 10) / 10,
  ]);
}

function sections(rowsPerTable?: number): ReportSection[] {
  const many = (rows: ReportCell[][]) =>
    rowsPerTable === undefined
      ? rows
      : Array.from({ length: rowsPerTable }, (_, i) => rows[i % rows.length] ?? []);
  return [
    {
      key: 'charter',
      title: 'Charter promises',
      summary: 'The promises the client published in its service charter, with the weight each carries.',
      table: {
        columns: [
          { key: 'promise', label: 'Promise', type: 'text' },
          { key: 'owner', label: 'Owner', type: 'text' },
          { key: 'published', label: 'Published', type: 'date' },
          { key: 'weight', label: 'Weight', type: 'percent', decimals: 0 },
        ],
        rows: many([
          ['Qualité du service : réponse sous 48 h, même le week-end', 'Zoë Brontë', '2026-03-01', 0.25],
          [FORMULA_LOOKING[0] ?? '', 'Ana Muñoz', '2026-03-01', 0.25],
          [FORMULA_LOOKING[1] ?? '', null, '2026-04-15', 0.2],
          [FORMULA_LOOKING[2] ?? '', 'Søren Kierkegård', null, 0.3],
          [
            'A very long promise that goes on to explain, in the consultancy’s careful words, how every caller is ' +
              'answered by a person who can act on what they ask, without being passed from desk to desk.',
            'Łukasz Żółć 🙂',
            '2026-05-20',
            null,
          ],
        ]),
      },
    },
    {
      key: 'audits',
      title: 'Audits: scores [by visit]',
      summary: 'Mystery-shopping audits finished this year and the score each reached.',
      table: {
        columns: [
          { key: 'audit', label: 'Audit', type: 'text' },
          { key: 'finished', label: 'Finished', type: 'date' },
          { key: 'score', label: 'Score', type: 'number', decimals: 1 },
          { key: 'findings', label: 'Findings', type: 'integer' },
          { key: 'change', label: 'Change', type: 'number', decimals: 2 },
        ],
        rows: many([
          ['Spring visit', '2026-04-10', 71.25, 12, null],
          ['Summer visit', '2026-07-08', 68.4, 1234, -3.5],
          ['Autumn visit', '2026-10-02', 80.06, 0, 11.66],
        ]),
      },
      chart: {
        kind: 'bar',
        title: 'Audit score by visit',
        unit: 'score',
        series: [
          {
            name: 'Score',
            points: [
              { label: 'Spring', value: 71.3 },
              { label: 'Summer', value: 68.4 },
              { label: 'Autumn', value: 80.1 },
            ],
          },
          {
            name: 'Sector median',
            points: [
              { label: 'Spring', value: 65 },
              { label: 'Summer', value: null },
              { label: 'Autumn', value: 66 },
            ],
          },
        ],
        reference: { label: 'Benchmark', value: 75 },
      },
    },
    {
      key: 'service-levels',
      title: 'Service levels',
      summary: 'Share of calls answered within the promised time, week by week, against the 90 % target.',
      table: {
        columns: [
          { key: 'period', label: 'Period', type: 'text' },
          { key: 'starts', label: 'Week of', type: 'date' },
          { key: 'met', label: 'Met', type: 'percent' },
          { key: 'target', label: 'Target', type: 'percent' },
          { key: 'breaches', label: 'Breaches', type: 'integer' },
          { key: 'delta', label: 'Change (pts)', type: 'number' },
        ],
        rows: serviceLevelRows(rowsPerTable ?? 120),
      },
      chart: {
        kind: 'line',
        title: 'Calls answered in time',
        unit: '%',
        series: [
          {
            name: 'Answered in time',
            points: Array.from({ length: 12 }, (_, i) => ({
              label: `W${i + 1}`,
              value: i === 4 ? null : 82 + ((i * 7) % 13),
            })),
          },
          {
            name: 'Last year',
            points: Array.from({ length: 12 }, (_, i) => ({ label: `W${i + 1}`, value: 78 + ((i * 5) % 9) })),
          },
        ],
        reference: { label: 'Target', value: 90 },
      },
    },
    {
      key: 'complaints',
      title: 'Complaints',
      summary: 'Complaints received by category, and how long they took to close.',
      table: {
        columns: [
          { key: 'category', label: 'Category', type: 'text' },
          { key: 'received', label: 'Received', type: 'integer' },
          { key: 'closed', label: 'Closed in time', type: 'percent', decimals: 2 },
          { key: 'days', label: 'Median days', type: 'number' },
        ],
        rows: many([
          ['Billing', 48, 0.875, 3.5],
          ['Réseau / coupures', 17, 0.6667, 6],
          ['Other', 3, null, null],
        ]),
      },
      chart: {
        kind: 'bar',
        title: 'Complaints by category',
        unit: 'complaints',
        series: [
          {
            name: 'Received',
            points: [
              { label: 'Billing', value: 48 },
              { label: 'Réseau', value: 17 },
              { label: 'Other', value: 3 },
            ],
          },
        ],
      },
    },
    {
      key: 'feedback',
      title: 'Feedback',
      summary: 'What customers said after their contact with the client.',
      table: {
        columns: [
          { key: 'month', label: 'Month', type: 'text' },
          { key: 'score', label: 'Score', type: 'number' },
        ],
        rows: rowsPerTable === undefined ? [] : many([['2026-11', 4.2]]),
      },
      emptyNote: 'No feedback survey has closed yet.',
    },
    {
      key: 'actions',
      title: 'Corrective actions and their follow-ups agreed with the client',
      summary: 'Actions agreed after audits, with their due dates.',
      table: {
        columns: [
          { key: 'action', label: 'Action', type: 'text' },
          { key: 'due', label: 'Due', type: 'date' },
          { key: 'done', label: 'Done', type: 'percent' },
        ],
        rows: many([
          ['Train the night shift on callbacks', '2026-12-15', 0.5],
          ['Rewrite the billing letters', null, 0],
          ['Publish the escalation path', '2027-01-31', 1],
        ]),
      },
    },
    {
      key: 'milestones',
      title: 'Milestones',
      summary: 'Where the programme stands.',
      table: {
        columns: [
          { key: 'milestone', label: 'Milestone', type: 'text' },
          { key: 'date', label: 'Date', type: 'date' },
          { key: 'late', label: 'Days late', type: 'integer' },
        ],
        rows: many([
          ['Charter signed off', '2026-03-01', 0],
          ['First audit', '2026-04-10', -2],
          ['Annual review', '2027-02-01', null],
        ]),
      },
    },
  ];
}

function programmeReport(rowsPerTable?: number): ProgrammeReport {
  return {
    title: 'Service programme: Northwind Utilities',
    language: 'en-GB',
    consultancy: { name: 'Clearview Consulting' },
    client: { id: '3b1f0c2e-0000-4000-8000-000000000001', name: 'Northwind Utilities' },
    generatedAt: '2026-12-03T09:30:00.000Z',
    preparedBy: 'Élodie Martin',
    sections: sections(rowsPerTable),
  };
}

/** exceljs types its input as an ArrayBuffer-like "Buffer" of its own; a copy's ArrayBuffer is what it reads. */
async function loadInto(workbook: ExcelJS.Workbook, buffer: Buffer): Promise<void> {
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
}

async function pagesOf(buffer: Buffer): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { text } = await extractText(pdf, { mergePages: false });
  return text;
}

/** The object a catalog entry such as `/MarkInfo 12 0 R` points to, as written (pdfkit leaves dictionaries unpacked). */
function objectOf(pdf: string, key: string): string {
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(pdf);
  expect(ref, key).not.toBeNull();
  const body = new RegExp(`\\n${ref?.[1]} 0 obj\\n([\\s\\S]*?)\\nendobj`).exec(pdf);
  return body?.[1] ?? '';
}

describe('the PDF', () => {
  const report = programmeReport();

  it('is a tagged PDF 1.7 in the report’s language, titled, with the consultancy as author', async () => {
    const buffer = await renderReportPdf(report, { pageSize: 'A4' });
    const raw = buffer.toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toContain('/Lang (en-GB)');
    expect(objectOf(raw, 'MarkInfo')).toMatch(/\/Marked true/);
    expect(raw).toContain('/StructTreeRoot');
    expect(objectOf(raw, 'ViewerPreferences')).toMatch(/\/DisplayDocTitle true/);
    for (const tag of ['/S /H1', '/S /H2', '/S /P', '/S /Table', '/S /TH', '/S /TD', '/S /Figure']) {
      expect(raw, tag).toContain(tag);
    }
    expect(raw).toContain('/Alt (Calls answered in time)');
    const { info } = await getMeta(new Uint8Array(buffer));
    expect(info).toMatchObject({ Title: report.title, Author: 'Clearview Consulting' });
  });

  it.each([
    ['A4', '[0 0 595.28 841.89]'],
    ['LETTER', '[0 0 612 792]'],
  ] as const)('on %s pages shows every figure of every table, with numbered pages', async (pageSize, box) => {
    const buffer = await renderReportPdf(report, { pageSize });
    const raw = buffer.toString('latin1');
    expect(raw).toContain(`/MediaBox ${box}`);
    const pages = await pagesOf(buffer);
    const all = pages.join('\n');
    pages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(text).toContain(report.title);
    });
    expect(all).toContain('Prepared by Élodie Martin');
    expect(all).toContain('Generated 2026-12-03 09:30 UTC');
    for (const section of report.sections) {
      expect(all).toContain(section.title);
      const { columns, rows } = section.table;
      for (const row of rows) {
        columns.forEach((column, i) => {
          if (!isNumericColumn(column) && column.type !== 'date') return;
          expect(all, `${section.key} ${column.key}`).toContain(formatCell(row[i] ?? null, column));
        });
      }
    }
    expect(all).toContain('87.50 %');
    expect(all).toContain('-3.50');
    expect(all).toContain('1234');
    expect(all).toContain('No feedback survey has closed yet.');
    for (const text of FORMULA_LOOKING) expect(all).toContain(text);
    expect(all).toContain('Qualité du service');
    expect(all).toContain('Lukasz Zólc ?');
    expect(all).toContain('Benchmark: 75');
    expect(all).toContain('Target: 90 %');
    expect(all).toContain('Sector median');
  });

  it('repeats the table header on each page the table continues on', async () => {
    const pages = await pagesOf(await renderReportPdf(report, { pageSize: 'A4' }));
    const labels = report.sections[2]?.table.columns.map((column) => column.label) ?? [];
    const continued = pages.filter((text) => /Week \d+/.test(text));
    expect(continued.length).toBeGreaterThan(2);
    for (const text of continued) for (const label of labels) expect(text).toContain(label);
  });
});

describe('text in the standard fonts', () => {
  it('keeps what WinAnsi shows and spells the rest in Latin letters', () => {
    expect(standardFontText('Élodie Martin – 87.5 % “quoted” €5 …')).toBe(
      'Élodie Martin – 87.5 % “quoted” €5 …',
    );
    expect(standardFontText('Łódź, Győr, Žluťoučký, İstanbul')).toBe('Lódz, Gyor, Žlutoucký, Istanbul');
    expect(standardFontText('東京 🙂')).toBe('?? ?');
  });
});

describe('a chart’s value axis', () => {
  const line = (values: (number | null)[], reference?: number): ReportChart => ({
    kind: 'line',
    title: 'Answered in time',
    unit: '%',
    series: [{ name: 'This year', points: values.map((value, i) => ({ label: `W${i + 1}`, value })) }],
    ...(reference === undefined ? {} : { reference: { label: 'Target', value: reference } }),
  });

  it('spans the figures and the reference line, skipping missing values, in round steps', () => {
    expect(chartScale(line([82, null, 88]))).toEqual({ min: 82, max: 88, step: 1 });
    expect(chartScale(line([82, null, 88], 95))).toEqual({ min: 82, max: 96, step: 2 });
    expect(chartScale(line([-3.5, 2]))).toEqual({ min: -4, max: 2, step: 1 });
  });

  it('starts bars at zero, and survives a chart without figures', () => {
    expect(chartScale({ ...line([40, 55]), kind: 'bar' })).toEqual({ min: 0, max: 60, step: 10 });
    expect(chartScale(line([null, null]))).toEqual({ min: 0, max: 1, step: 0.2 });
  });
});

describe('the workbook', () => {
  const report = programmeReport();

  it('holds a Report sheet, then each section’s table with typed cells', async () => {
    const workbook = new ExcelJS.Workbook();
    await loadInto(workbook, await renderReportXlsx(report));
    expect(workbook.creator).toBe('Clearview Consulting');
    expect(workbook.title).toBe(report.title);
    expect(workbook.created.toISOString()).toBe(report.generatedAt);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Report',
      'Charter promises',
      'Audits scores by visit',
      'Service levels',
      'Complaints',
      'Feedback',
      'Corrective actions and their fo',
      'Milestones',
    ]);
    const cover = workbook.getWorksheet('Report');
    expect(cover?.getCell('A1').value).toBe(report.title);
    expect(cover?.getCell('B4').value).toEqual(new Date(report.generatedAt));
    expect(cover?.getCell('B5').value).toBe('Élodie Martin');

    report.sections.forEach((section, s) => {
      const sheet = workbook.worksheets[s + 1];
      if (!sheet) throw new Error(`no sheet for ${section.key}`);
      const { columns, rows } = section.table;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.rowCount).toBe(rows.length + 1);
      columns.forEach((column, c) => {
        const header = sheet.getRow(1).getCell(c + 1);
        expect(header.value).toBe(column.label);
        expect(header.font?.bold).toBe(true);
      });
      rows.forEach((row, r) => {
        columns.forEach((column, c) => {
          const cell = sheet.getRow(r + 2).getCell(c + 1);
          const expected = row[c] ?? null;
          const where = `${section.key} row ${r} ${column.key}`;
          expect(cell.formula, where).toBeUndefined();
          if (expected === null) return expect(cell.type, where).toBe(ExcelJS.ValueType.Null);
          if (column.type === 'date') {
            expect(cell.value, where).toBeInstanceOf(Date);
            expect((cell.value as Date).toISOString(), where).toBe(`${expected}T00:00:00.000Z`);
            return expect(cell.numFmt).toBe('yyyy-mm-dd');
          }
          if (column.type === 'text') {
            expect(cell.type, where).toBe(ExcelJS.ValueType.String);
            return expect(cell.value, where).toBe(expected);
          }
          expect(cell.type, where).toBe(ExcelJS.ValueType.Number);
          expect(cell.value, where).toBe(expected);
          if (column.type === 'percent') expect(cell.numFmt, where).toMatch(/^0(\.0+)?%$/);
        });
      });
    });
    const charter = workbook.worksheets[1];
    expect(charter?.getCell('A3').value).toBe('=HYPERLINK("x")');
    expect(workbook.worksheets[4]?.getCell('C2').numFmt).toBe('0.00%');
    expect(workbook.worksheets[2]?.getCell('C2').numFmt).toBe('0.0');
  });

  it('gives sections that share a title sheets of their own', async () => {
    const base = programmeReport();
    const twins = {
      ...base,
      sections: base.sections.map((s) => ({ ...s, title: 'Service levels: weekly, as agreed' })),
    };
    const workbook = new ExcelJS.Workbook();
    await loadInto(workbook, await renderReportXlsx(twins));
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((name) => name.length <= 31 && !/[[\]:*?/\\]/.test(name))).toBe(true);
    expect(names[1]).toBe('Service levels weekly, as agree');
    expect(names[2]).toBe('Service levels weekly, as a (2)');
  });
});

/** RFC 4180, as much as these files use: quoted fields with doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const next = text[i + 1];
    if (quoted && char === '"' && next === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      record.push(field);
      field = '';
    } else if (!quoted && char === '\r' && next === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += char;
    }
  }
  return records;
}

describe('the CSV', () => {
  const report = programmeReport();

  it('has a BOM, CRLF records, the labels, and every cell in machine form', () => {
    for (const section of report.sections) {
      const csv = renderSectionCsv(section);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      expect(csv.endsWith('\r\n')).toBe(true);
      expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
      const [header, ...rows] = parseCsv(csv.slice(1));
      expect(header).toEqual(section.table.columns.map((column) => column.label));
      expect(rows).toHaveLength(section.table.rows.length);
      rows.forEach((row, r) => {
        section.table.columns.forEach((column, c) => {
          const cell = section.table.rows[r]?.[c] ?? null;
          const expected =
            cell === null
              ? ''
              : typeof cell === 'number'
                ? String(cell)
                : /^[=+\-@\t\r]/.test(cell)
                  ? `'${cell}`
                  : cell;
          expect(row[c], `${section.key} ${r} ${column.key}`).toBe(expected);
        });
      });
    }
  });

  it('escapes formula-looking text but keeps negative numbers and fractions as figures', () => {
    const charter = parseCsv(renderSectionCsv(report.sections[0] as ReportSection).slice(1));
    expect(charter.map((row) => row[0])).toEqual(
      expect.arrayContaining(['\'=HYPERLINK("x")', "'-2+3", "'@SUM(A1)"]),
    );
    const audits = parseCsv(renderSectionCsv(report.sections[1] as ReportSection).slice(1));
    expect(audits[2]).toEqual(['Summer visit', '2026-07-08', '68.4', '1234', '-3.5']);
    const complaints = parseCsv(renderSectionCsv(report.sections[3] as ReportSection).slice(1));
    expect(complaints[1]).toEqual(['Billing', '48', '0.875', '3.5']);
    expect(complaints[3]).toEqual(['Other', '3', '', '']);
    expect(renderSectionCsv(report.sections[4] as ReportSection)).toBe('\uFEFFMonth,Score\r\n');
  });

  it('is named for the client, the section and the day, in ASCII', () => {
    const levels = report.sections[2] as ReportSection;
    expect(csvFileName(report, levels)).toBe('northwind-utilities-service-levels-2026-12-03.csv');
    const accented = { ...report, client: { ...report.client, name: 'Énergie Côte d’Azur' } };
    expect(csvFileName(accented, levels)).toBe('energie-cote-d-azur-service-levels-2026-12-03.csv');
  });
});

describe('a long report', () => {
  it('renders some thirty pages of PDF and its workbook', async () => {
    const report = programmeReport(150);
    const pages = await pagesOf(await renderReportPdf(report, { pageSize: 'LETTER' }));
    expect(pages.length).toBeGreaterThanOrEqual(25);
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
    const workbook = new ExcelJS.Workbook();
    await loadInto(workbook, await renderReportXlsx(report));
    expect(workbook.worksheets.map((sheet) => sheet.rowCount).slice(1)).toEqual(Array(7).fill(151));
  });
});
