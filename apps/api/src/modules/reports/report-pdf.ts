import type { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import type { ProgrammeReport, ReportChart, ReportColumn, ReportSection } from '@csp/domain';
import { emptyNoteOf, formatCell, hasRows, isNumericColumn } from './report-cells.js';

export interface ReportPdfOptions {
  pageSize: 'A4' | 'LETTER';
}

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const INK = '#1a1a1a';
const MUTED = '#666666';
const RULE = '#c8c8c8';
const SHADE = '#eeeeee';
const MARGINS = { top: 64, bottom: 60, left: 50, right: 50 };
const SERIES_COLOURS = ['#1f5fa8', '#d9822b', '#2e8b57', '#8e44ad', '#c0392b', '#7f8c8d'];
const REFERENCE_COLOUR = '#c0392b';

const TABLE_FONT_SIZE = 8;
const CELL_PAD_X = 4;
const CELL_PAD_Y = 3;
/** With less room than this per text column, every column shrinks in proportion instead (figures may then wrap). */
const MIN_TEXT_WIDTH = 60;
const CHART_HEIGHT = 230;

/** pdfkit reads `bbox` (a Layout attribute) for figures, though its types leave it out. */
type FigureOptions = PDFKit.Mixins.StructureElementOptions & { bbox: [number, number, number, number] };

/** The table header's cells: the Scope attribute tells a screen reader they head their column. */
const COLUMN_HEADER: PDFKit.Mixins.StructureElementOptions & { scope: 'Column' } = { scope: 'Column' };

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottomOf(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
}

/**
 * Drawing that carries no content (rules, shading, the running header and footer) is an artifact, so assistive
 * technology skips it; it is drawn between tagged contents, never inside one, as marking an artifact closes them.
 */
function artifact(doc: Doc, draw: () => void, type?: 'Pagination' | 'Layout'): void {
  doc.markContent('Artifact', type ? { type } : undefined);
  draw();
  doc.endMarkedContent();
}

function paragraph(doc: Doc, parent: Struct, tag: string, draw: () => void): void {
  parent.add(doc.struct(tag, {}, draw));
}

function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`;
}

function drawCover(doc: Doc, root: Struct, report: ProgrammeReport): void {
  const width = contentWidth(doc);
  const left = doc.page.margins.left;
  doc.y = doc.page.height * 0.3;
  paragraph(doc, root, 'H1', () => {
    doc.font(BOLD).fontSize(26).fillColor(INK).text(report.title, left, doc.y, { width });
  });
  doc.moveDown(1.5);
  const lines = [
    `Client: ${report.client.name}`,
    `Consultancy: ${report.consultancy.name}`,
    ...(report.preparedBy === null ? [] : [`Prepared by ${report.preparedBy}`]),
    `Generated ${formatDateTime(report.generatedAt)}`,
  ];
  for (const line of lines) {
    paragraph(doc, root, 'P', () => {
      doc.font(REGULAR).fontSize(12).fillColor(INK).text(line, left, doc.y, { width });
    });
    doc.moveDown(0.4);
  }
}

// ——— Tables ———

interface TableLayout {
  columns: ReportColumn[];
  widths: number[];
  lefts: number[];
}

function naturalWidths(doc: Doc, section: ReportSection): number[] {
  const { columns, rows } = section.table;
  doc.font(BOLD).fontSize(TABLE_FONT_SIZE);
  const widths = columns.map((column) => doc.widthOfString(column.label));
  doc.font(REGULAR).fontSize(TABLE_FONT_SIZE);
  for (const row of rows) {
    columns.forEach((column, i) => {
      widths[i] = Math.max(widths[i] ?? 0, doc.widthOfString(formatCell(row[i] ?? null, column)));
    });
  }
  return widths.map((width) => Math.ceil(width) + 2 * CELL_PAD_X + 1);
}

/**
 * Text columns share the room by water-filling: one whose content is narrower than an equal share keeps its
 * natural width (a name stays on one line), and the widest ones split what is left, wrapping.
 */
function shareRoom(natural: number[], flexible: boolean[], room: number): number[] {
  const widths = [...natural];
  const byWidth = natural.map((width, i) => ({ width, i })).filter(({ i }) => flexible[i]);
  byWidth.sort((a, b) => a.width - b.width);
  let left = room;
  byWidth.forEach(({ width, i }, rank) => {
    const share = left / (byWidth.length - rank);
    widths[i] = Math.min(width, share);
    left -= widths[i] ?? 0;
  });
  return widths;
}

/**
 * Figures, dates and their headers keep their natural width, so they stay on one line (and extract as one
 * piece of text); text columns share what is left, wrapping when they must; spare room goes to text columns.
 */
function fitWidths(columns: ReportColumn[], natural: number[], available: number): number[] {
  const flexible = columns.map((column) => column.type === 'text');
  const total = natural.reduce((sum, width) => sum + width, 0);
  const flexTotal = natural.reduce((sum, width, i) => sum + (flexible[i] ? width : 0), 0);
  if (flexTotal === 0 || total <= available) {
    const grow = flexTotal === 0 ? total : flexTotal;
    return natural.map((width, i) =>
      flexTotal === 0 || flexible[i] ? width + ((available - total) * width) / grow : width,
    );
  }
  const room = available - (total - flexTotal);
  if (room < MIN_TEXT_WIDTH * flexible.filter(Boolean).length) {
    return natural.map((width) => (width * available) / total);
  }
  return shareRoom(natural, flexible, room);
}

function layoutTable(doc: Doc, section: ReportSection): TableLayout {
  const { columns } = section.table;
  const widths = fitWidths(columns, naturalWidths(doc, section), contentWidth(doc));
  const lefts: number[] = [];
  widths.reduce((x, width) => {
    lefts.push(x);
    return x + width;
  }, doc.page.margins.left);
  return { columns, widths, lefts };
}

function rowHeight(doc: Doc, layout: TableLayout, texts: string[], font: string): number {
  doc.font(font).fontSize(TABLE_FONT_SIZE);
  const tallest = texts.reduce(
    (max, text, i) =>
      Math.max(max, doc.heightOfString(text, { width: (layout.widths[i] ?? 0) - 2 * CELL_PAD_X })),
    0,
  );
  return tallest + 2 * CELL_PAD_Y;
}

function drawCellText(doc: Doc, layout: TableLayout, i: number, text: string, y: number): void {
  const column = layout.columns[i];
  doc.text(text, (layout.lefts[i] ?? 0) + CELL_PAD_X, y + CELL_PAD_Y, {
    width: (layout.widths[i] ?? 0) - 2 * CELL_PAD_X,
    align: column && isNumericColumn(column) ? 'right' : 'left',
  });
}

function drawRowRule(doc: Doc, layout: TableLayout, y: number, height: number, shaded: boolean): void {
  const left = layout.lefts[0] ?? 0;
  const width = layout.widths.reduce((sum, w) => sum + w, 0);
  artifact(doc, () => {
    if (shaded) doc.rect(left, y, width, height).fill(SHADE);
    doc
      .moveTo(left, y + height)
      .lineTo(left + width, y + height)
      .lineWidth(0.5)
      .stroke(RULE);
  });
}

/**
 * The header row. The first is tagged TR/TH; the copies on each page the table continues on are pagination
 * artifacts, so a screen reader hears the header once while a printed page still says what its columns are.
 */
function drawHeaderRow(doc: Doc, layout: TableLayout, table: Struct | null, y: number): number {
  const labels = layout.columns.map((column) => column.label);
  const height = rowHeight(doc, layout, labels, BOLD);
  drawRowRule(doc, layout, y, height, true);
  const drawLabel = (i: number) => () => {
    doc.font(BOLD).fontSize(TABLE_FONT_SIZE).fillColor(INK);
    drawCellText(doc, layout, i, labels[i] ?? '', y);
  };
  if (table) {
    const row = doc.struct('TR');
    table.add(row);
    labels.forEach((_, i) => row.add(doc.struct('TH', COLUMN_HEADER, drawLabel(i))));
    row.end();
  } else {
    artifact(doc, () => labels.forEach((_, i) => drawLabel(i)()), 'Pagination');
  }
  return height;
}

function drawTable(doc: Doc, parent: Struct, section: ReportSection): void {
  const layout = layoutTable(doc, section);
  const table = doc.struct('Table');
  parent.add(table);
  const headerHeight = rowHeight(
    doc,
    layout,
    layout.columns.map((c) => c.label),
    BOLD,
  );
  const formatted = section.table.rows.map((row) =>
    layout.columns.map((column, i) => formatCell(row[i] ?? null, column)),
  );
  ensureSpace(doc, headerHeight + rowHeight(doc, layout, formatted[0] ?? [], REGULAR));
  let y = doc.y + drawHeaderRow(doc, layout, table, doc.y);
  for (const texts of formatted) {
    const height = rowHeight(doc, layout, texts, REGULAR);
    if (y + height > bottomOf(doc)) {
      doc.addPage();
      y = doc.page.margins.top;
      y += drawHeaderRow(doc, layout, null, y);
    }
    drawRowRule(doc, layout, y, height, false);
    const row = doc.struct('TR');
    table.add(row);
    texts.forEach((text, i) => {
      row.add(
        doc.struct('TD', {}, () => {
          doc.font(REGULAR).fontSize(TABLE_FONT_SIZE).fillColor(INK);
          drawCellText(doc, layout, i, text, y);
        }),
      );
    });
    // Ending each row now lets pdfkit write it out, instead of holding every cell of a long table until the end.
    row.end();
    y += height;
  }
  table.end();
  doc.x = doc.page.margins.left;
  doc.y = y + 12;
}

// ——— Charts ———

interface Scale {
  min: number;
  max: number;
  step: number;
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  // Rounded to the nearest of 1, 2, 5 and 10, so an axis has between about four and eight gridlines.
  const nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  return nice * power;
}

/** The value axis: from the figures and the reference line, with a zero baseline for bars (a bar's length is its value). */
export function chartScale(chart: ReportChart): Scale {
  const values = chart.series.flatMap((series) =>
    series.points.flatMap((point) => (point.value === null ? [] : [point.value])),
  );
  if (chart.reference) values.push(chart.reference.value);
  if (chart.kind === 'bar') values.push(0);
  let low = values.length ? Math.min(...values) : 0;
  let high = values.length ? Math.max(...values) : 1;
  if (low === high) {
    low -= low === 0 ? 0 : Math.abs(low) * 0.1;
    high += high === 0 ? 1 : Math.abs(high) * 0.1;
  }
  const step = niceStep((high - low) / 5);
  // The epsilon keeps 0.6 / 0.2 (2.9999999999999996 in floating point) on its own gridline.
  const min = Math.floor(low / step + 1e-9) * step;
  let max = Math.ceil(high / step - 1e-9) * step;
  if (max === min) max += step;
  return { min, max, step };
}

function tickText(value: number, step: number): string {
  const decimals = step >= 1 ? 0 : Math.ceil(-Math.log10(step));
  const text = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

interface Plot {
  left: number;
  right: number;
  top: number;
  bottom: number;
  scale: Scale;
  categories: string[];
}

function yOf(plot: Plot, value: number): number {
  const { min, max } = plot.scale;
  return plot.bottom - ((value - min) / (max - min)) * (plot.bottom - plot.top);
}

function slotOf(plot: Plot): number {
  return (plot.right - plot.left) / Math.max(1, plot.categories.length);
}

function centreOf(plot: Plot, index: number): number {
  return plot.left + slotOf(plot) * (index + 0.5);
}

function label(doc: Doc, text: string, x: number, y: number, size = 7, colour = MUTED): void {
  doc.font(REGULAR).fontSize(size).fillColor(colour).text(text, x, y, { lineBreak: false });
}

/** A one-line label cut to `width` with an ellipsis (in the current font), as text without wrapping would overflow. */
function fitLine(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let kept = text;
  while (kept.length > 0 && doc.widthOfString(`${kept}…`) > width) kept = kept.slice(0, -1);
  return `${kept.trimEnd()}…`;
}

function drawGridAndAxes(doc: Doc, plot: Plot, unit: string): void {
  const { min, max, step } = plot.scale;
  doc.lineWidth(0.5);
  for (let tick = min; tick <= max + step / 2; tick += step) {
    const y = yOf(plot, tick);
    doc.moveTo(plot.left, y).lineTo(plot.right, y).stroke(RULE);
    const text = tickText(tick, step);
    doc.font(REGULAR).fontSize(7);
    label(doc, text, plot.left - 4 - doc.widthOfString(text), y - 3);
  }
  doc
    .lineWidth(0.8)
    .moveTo(plot.left, plot.top)
    .lineTo(plot.left, plot.bottom)
    .lineTo(plot.right, plot.bottom);
  doc.stroke(MUTED);
  if (unit) label(doc, unit, plot.left - 30, plot.top - 14);
}

/** Category labels under the axis; when they would overlap, every n-th one, always starting with the first. */
function drawCategoryLabels(doc: Doc, plot: Plot): void {
  doc.font(REGULAR).fontSize(7);
  const widest = plot.categories.reduce((max, text) => Math.max(max, doc.widthOfString(text)), 0);
  const stride = Math.max(1, Math.ceil((widest + 4) / slotOf(plot)));
  plot.categories.forEach((text, i) => {
    if (i % stride !== 0) return;
    label(doc, text, centreOf(plot, i) - doc.widthOfString(text) / 2, plot.bottom + 4);
  });
}

/** Null values are skipped: the line breaks there instead of dropping to zero or bridging the gap. */
function drawLineSeries(doc: Doc, plot: Plot, chart: ReportChart): void {
  chart.series.forEach((series, s) => {
    const colour = SERIES_COLOURS[s % SERIES_COLOURS.length] ?? INK;
    const points = series.points.map((point) => ({
      x: centreOf(plot, plot.categories.indexOf(point.label)),
      y: point.value === null ? null : yOf(plot, point.value),
    }));
    doc.lineWidth(1.5);
    let drawing = false;
    for (const point of points) {
      if (point.y === null) {
        drawing = false;
        continue;
      }
      if (drawing) doc.lineTo(point.x, point.y);
      else doc.moveTo(point.x, point.y);
      drawing = true;
    }
    doc.stroke(colour);
    for (const point of points) if (point.y !== null) doc.circle(point.x, point.y, 2).fill(colour);
  });
}

function drawBarSeries(doc: Doc, plot: Plot, chart: ReportChart): void {
  const group = slotOf(plot) * 0.7;
  const barWidth = group / Math.max(1, chart.series.length);
  const baseline = yOf(plot, Math.min(Math.max(0, plot.scale.min), plot.scale.max));
  chart.series.forEach((series, s) => {
    const colour = SERIES_COLOURS[s % SERIES_COLOURS.length] ?? INK;
    for (const point of series.points) {
      if (point.value === null) continue;
      const x = centreOf(plot, plot.categories.indexOf(point.label)) - group / 2 + s * barWidth;
      const y = yOf(plot, point.value);
      doc.rect(x, Math.min(y, baseline), barWidth * 0.9, Math.abs(baseline - y)).fill(colour);
    }
  });
}

/** A reference value as given, without the trailing zeros a fixed number of decimals would add (90, 87.5). */
function figureText(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function drawReference(
  doc: Doc,
  plot: Plot,
  reference: NonNullable<ReportChart['reference']>,
  unit: string,
): void {
  const y = yOf(plot, reference.value);
  doc.lineWidth(1).dash(4, { space: 3 }).moveTo(plot.left, y).lineTo(plot.right, y).stroke(REFERENCE_COLOUR);
  doc.undash();
  const text = `${reference.label}: ${figureText(reference.value)}${unit === '%' ? ' %' : ''}`;
  doc.font(REGULAR).fontSize(7);
  label(doc, text, plot.right - doc.widthOfString(text), y - 9, 7, REFERENCE_COLOUR);
}

function drawLegend(doc: Doc, chart: ReportChart, x: number, y: number, width: number): void {
  let cursor = x;
  let line = y;
  chart.series.forEach((series, s) => {
    doc.font(REGULAR).fontSize(8);
    const itemWidth = 14 + doc.widthOfString(series.name) + 12;
    if (cursor > x && cursor + itemWidth > x + width) {
      cursor = x;
      line += 11;
    }
    doc.rect(cursor, line + 1, 9, 6).fill(SERIES_COLOURS[s % SERIES_COLOURS.length] ?? INK);
    label(doc, series.name, cursor + 13, line, 8, INK);
    cursor += itemWidth;
  });
}

function categoriesOf(chart: ReportChart): string[] {
  const seen = new Set<string>();
  for (const series of chart.series) for (const point of series.points) seen.add(point.label);
  return [...seen];
}

/**
 * The chart as vectors (sharp at any zoom, and its labels are text), from the same figures as the table. Values
 * are drawn as the model gives them, in the chart's `unit` (a '%' chart holds 87.5, not 0.875).
 */
function drawChart(doc: Doc, chart: ReportChart, x: number, y: number, width: number): void {
  doc.save();
  doc.font(BOLD).fontSize(10).fillColor(INK);
  doc.text(fitLine(doc, chart.title, width), x, y, { lineBreak: false });
  drawLegend(doc, chart, x, y + 16, width);
  const plot: Plot = {
    left: x + 44,
    right: x + width - 8,
    top: y + 52,
    bottom: y + CHART_HEIGHT - 22,
    scale: chartScale(chart),
    categories: categoriesOf(chart),
  };
  drawGridAndAxes(doc, plot, chart.unit);
  if (chart.kind === 'bar') drawBarSeries(doc, plot, chart);
  else drawLineSeries(doc, plot, chart);
  if (chart.reference) drawReference(doc, plot, chart.reference, chart.unit);
  drawCategoryLabels(doc, plot);
  doc.restore();
}

// ——— The standard fonts' characters ———

/** What the standard fonts can show besides Latin-1: the Windows-1252 extras (pdfkit encodes them as WinAnsi). */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
/** Letters that carry no combining mark to strip, spelled as their base letter. */
const BASE_LETTERS: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  ı: 'i',
  Ħ: 'H',
  ħ: 'h',
  ŀ: 'l',
};

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

/**
 * Helvetica without a font file shows only WinAnsi characters; anything else pdfkit would write as garbage. So
 * `ő`, `ź` or `ť` lose their accent (`o`, `z`, `t`), `Ł` becomes `L`, and what has no Latin spelling becomes `?`:
 * the reader still recognises the name, and the XLSX and CSV keep it exactly.
 */
export function standardFontText(text: string): string {
  let folded = '';
  for (const char of text) {
    if (char === '\n' || isWinAnsi(char)) folded += char;
    else {
      const base = BASE_LETTERS[char] ?? char.normalize('NFKD').replace(/\p{M}/gu, '');
      folded += base !== '' && [...base].every(isWinAnsi) ? base : '?';
    }
  }
  return folded;
}

/** The report with every string it prints folded once, so measuring and drawing see the same text. */
function printable(report: ProgrammeReport): ProgrammeReport {
  const fold = standardFontText;
  return {
    ...report,
    title: fold(report.title),
    consultancy: { name: fold(report.consultancy.name) },
    client: { ...report.client, name: fold(report.client.name) },
    preparedBy: report.preparedBy === null ? null : fold(report.preparedBy),
    sections: report.sections.map((section) => ({
      ...section,
      title: fold(section.title),
      summary: fold(section.summary),
      ...(section.emptyNote === undefined ? {} : { emptyNote: fold(section.emptyNote) }),
      table: {
        columns: section.table.columns.map((column) => ({ ...column, label: fold(column.label) })),
        rows: section.table.rows.map((row) =>
          row.map((cell) => (typeof cell === 'string' ? fold(cell) : cell)),
        ),
      },
      ...(section.chart === undefined ? {} : { chart: printableChart(section.chart) }),
    })),
  };
}

function printableChart(chart: ReportChart): ReportChart {
  const fold = standardFontText;
  return {
    ...chart,
    title: fold(chart.title),
    unit: fold(chart.unit),
    series: chart.series.map((series) => ({
      name: fold(series.name),
      points: series.points.map((point) => ({ ...point, label: fold(point.label) })),
    })),
    ...(chart.reference === undefined
      ? {}
      : { reference: { ...chart.reference, label: fold(chart.reference.label) } }),
  };
}

// ——— Sections and pages ———

function drawSection(doc: Doc, root: Struct, section: ReportSection): void {
  doc.addPage();
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const sect = doc.struct('Sect');
  root.add(sect);
  paragraph(doc, sect, 'H2', () => {
    doc.font(BOLD).fontSize(16).fillColor(INK).text(section.title, left, doc.y, { width });
  });
  doc.moveDown(0.4);
  paragraph(doc, sect, 'P', () => {
    doc.font(REGULAR).fontSize(10).fillColor(INK).text(section.summary, left, doc.y, { width });
  });
  doc.moveDown(1);
  const { chart } = section;
  if (chart) {
    ensureSpace(doc, CHART_HEIGHT);
    const top = doc.y;
    // The box lets a reflowing reader (and PDF/UA checkers) place the figure; the title is its alternative text.
    const figure: FigureOptions = { alt: chart.title, bbox: [left, top, left + width, top + CHART_HEIGHT] };
    sect.add(doc.struct('Figure', figure, () => drawChart(doc, chart, left, top, width)));
    doc.x = left;
    doc.y = top + CHART_HEIGHT + 12;
  }
  if (hasRows(section)) drawTable(doc, sect, section);
  else {
    paragraph(doc, sect, 'P', () => {
      doc.font(REGULAR).fontSize(10).fillColor(MUTED).text(emptyNoteOf(section), left, doc.y, { width });
    });
  }
  sect.end();
}

/** Written once every page exists, so each footer knows the page count. */
function drawPageFurniture(doc: Doc, title: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const { margins, width, height } = doc.page;
    const bottom = margins.bottom;
    // Text below the bottom margin would make pdfkit start a new page.
    margins.bottom = 0;
    artifact(
      doc,
      () => {
        doc.font(REGULAR).fontSize(8);
        const pageText = `Page ${index + 1} of ${count}`;
        label(doc, fitLine(doc, title, width - margins.left - margins.right), margins.left, 32, 8);
        label(doc, pageText, width - margins.right - doc.widthOfString(pageText), height - 38, 8);
        doc
          .moveTo(margins.left, height - 44)
          .lineTo(width - margins.right, height - 44)
          .lineWidth(0.5)
          .stroke(RULE);
      },
      'Pagination',
    );
    margins.bottom = bottom;
  }
}

/**
 * The report as a tagged PDF (PDF/UA's structure: headings, paragraphs, tables with header cells, charts as
 * figures with their title as alternative text), in the standard Helvetica fonts so no font file ships. pdfkit's
 * document is itself the stream; pages are buffered until the end, for the "Page N of M" footers.
 */
export function reportPdfStream(report: ProgrammeReport, options: ReportPdfOptions): Readable {
  const shown = printable(report);
  const doc = new PDFDocument({
    size: options.pageSize,
    margins: MARGINS,
    pdfVersion: '1.7',
    tagged: true,
    lang: report.language,
    displayTitle: true,
    bufferPages: true,
    font: REGULAR,
    // The document information keeps the exact names: its strings are Unicode, unlike the standard fonts.
    info: {
      Title: report.title,
      Author: report.consultancy.name,
      Subject: `Programme report for ${report.client.name}`,
      CreationDate: new Date(report.generatedAt),
      ModDate: new Date(report.generatedAt),
    },
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  drawCover(doc, root, shown);
  for (const section of shown.sections) drawSection(doc, root, section);
  root.end();
  drawPageFurniture(doc, shown.title);
  doc.end();
  return doc;
}

export function renderReportPdf(report: ProgrammeReport, options: ReportPdfOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const stream = reportPdfStream(report, options);
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
