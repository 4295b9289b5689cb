import { describe, expect, it } from 'vitest';
import {
  CSV_HEADER,
  asksForCorrectionReason,
  badRowErrors,
  exampleCsv,
  linesNamed,
  parseCsv,
  readMeasurementCsv,
  rowHasErrors,
  sendableRows,
  withApiErrors,
} from './csv';

const FILE = [
  'start,end,good,valid,excluded',
  '2026-11-30T09:00:00Z,2026-11-30T09:15:00Z,41,45,2',
  '2026-11-30T09:15:00Z,2026-11-30T09:30:00Z,52,50,',
  '2026-11-30T09:30:00Z,2026-11-30T09:45:00Z,lots,44,1',
  '2026-11-30T09:45:00Z,2026-11-30T10:00:00Z,30,31,0',
].join('\r\n');

describe('reading an uploaded CSV of measurements', () => {
  it('reads each line as an interval, numbered as a spreadsheet numbers lines', () => {
    const upload = readMeasurementCsv(FILE, 'Europe/London');
    expect(upload.problems).toEqual([]);
    expect(upload.rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(upload.rows[0]!.interval).toEqual({
      start: '2026-11-30T09:00:00Z',
      end: '2026-11-30T09:15:00Z',
      good: 41,
      valid: 45,
      excluded: 2,
    });
    expect(upload.rows[1]!.interval?.excluded).toBeNull();
  });

  it('keeps a row it cannot send out of the batch, with the problem on its cell', () => {
    const upload = readMeasurementCsv(FILE, 'Europe/London');
    const bad = upload.rows[2]!;
    expect(bad.interval).toBeNull();
    expect(bad.errors).toEqual({ good: ['Good must be a whole number, e.g. 42.'] });
    expect(sendableRows(upload).map((r) => r.line)).toEqual([2, 3, 5]);
  });

  it('reads local times in the service level’s time zone, across the clocks going back', () => {
    const upload = readMeasurementCsv(
      'start,end,good,valid\n2026-07-01 09:00,2026-07-01 09:15,1,1\n2026-12-01T09:00,2026-12-01T09:15,1,1\n',
      'Europe/London',
    );
    expect(upload.rows.map((r) => r.interval?.start)).toEqual([
      '2026-07-01T08:00:00.000Z',
      '2026-12-01T09:00:00.000Z',
    ]);
  });

  it('says what is wrong with a time in no known form, naming the zone local times are read in', () => {
    const upload = readMeasurementCsv('start,end,good,valid\n30/11/2026 09:00,,1,1', 'Europe/Paris');
    expect(upload.rows[0]!.errors.start?.[0]).toMatch(/2026-11-30T09:00:00Z.*Europe\/Paris/);
    expect(upload.rows[0]!.errors.end).toEqual(['Give the end of the interval.']);
  });

  it('needs the header, finds its columns in any order and case, and leaves other columns out', () => {
    expect(readMeasurementCsv('', 'UTC').problems[0]).toContain(CSV_HEADER);
    expect(readMeasurementCsv('from,to,good,valid\n', 'UTC').problems[0]).toMatch(/Missing: start, end/);
    const upload = readMeasurementCsv(
      '\uFEFFValid;Good;Start;End;Queue\n10;9;2026-11-30T09:00:00Z;2026-11-30T09:15:00Z;Sales\n',
      'UTC',
    );
    expect(upload.ignoredColumns).toEqual(['Queue']);
    expect(upload.rows[0]!.interval).toMatchObject({ good: 9, valid: 10, excluded: null });
  });

  it('sends negative counts as they are, for the API to say what is wrong', () => {
    const upload = readMeasurementCsv(
      'start,end,good,valid\n2026-11-30T09:00:00Z,2026-11-30T09:15:00Z,-3,10',
      'UTC',
    );
    expect(upload.rows[0]!.interval?.good).toBe(-3);
  });
});

describe('the API’s errors on the rows of the file', () => {
  const upload = readMeasurementCsv(FILE, 'Europe/London');
  const sent = sendableRows(upload);

  it('puts intervals.N.field on the N-th row sent and its column, skipping rows that were never sent', () => {
    const { rows, general } = withApiErrors(upload.rows, sent, [
      { field: 'intervals.1.good', message: 'Good cannot be more than valid.' },
      { field: 'intervals.2.start', message: 'The interval overlaps the one at row 1.' },
      { field: 'intervals.0.serviceLevelId', message: 'No service level with this id.' },
      { field: 'intervals', message: 'Give at least one interval.' },
    ]);
    expect(rows.find((r) => r.line === 3)!.errors).toEqual({ good: ['Good cannot be more than valid.'] });
    // Index 2 of the batch is line 5: line 4 could not be sent.
    expect(rows.find((r) => r.line === 5)!.errors).toEqual({
      start: ['The interval overlaps the one at row 1.'],
    });
    expect(rows.find((r) => r.line === 2)!.errors).toEqual({ row: ['No service level with this id.'] });
    expect(rows.find((r) => r.line === 4)!.errors.good).toHaveLength(1);
    expect(rows.filter(rowHasErrors).map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(general).toEqual([{ field: 'intervals', message: 'Give at least one interval.' }]);
  });

  it('tells a request for a correction reason from a bad row', () => {
    const errors = [
      {
        field: 'intervals.0.start',
        message: '2026-W47 has closed: send the change with a correctionReason.',
      },
      { field: 'correctionReason', message: 'Give a reason for changing closed periods.' },
      { field: 'intervals.2.good', message: 'Good cannot be negative.' },
    ];
    expect(asksForCorrectionReason(errors)).toBe(true);
    expect(asksForCorrectionReason([errors[2]!])).toBe(false);
    expect(badRowErrors(errors)).toEqual([errors[2]]);
    expect(linesNamed(sent, errors.slice(0, 2))).toEqual([2]);
  });
});

describe('the example file', () => {
  it('is a header and three quarter-hours of yesterday morning in the client’s zone, readable as it is', () => {
    const text = exampleCsv('Europe/London', new Date('2026-07-02T12:00:00Z'));
    expect(text.split('\n')[0]).toBe(CSV_HEADER);
    expect(text).toContain('2026-07-01T08:00:00Z,2026-07-01T08:15:00Z,41,45,2');
    const upload = readMeasurementCsv(text, 'Europe/London');
    expect(upload.problems).toEqual([]);
    expect(sendableRows(upload)).toHaveLength(3);
  });
});

describe('parsing CSV', () => {
  it('keeps quoted commas, doubled quotes and line breaks inside quotes, and numbers records by their first line', () => {
    const { records, problems } = parseCsv('a,"b,c","say ""hi"""\n"two\nlines",x\r\n\nlast');
    expect(problems).toEqual([]);
    expect(records.filter((r) => r.cells.some(Boolean))).toEqual([
      { line: 1, cells: ['a', 'b,c', 'say "hi"'] },
      { line: 2, cells: ['two\nlines', 'x'] },
      { line: 5, cells: ['last'] },
    ]);
  });

  it('says which line has a quote left open', () => {
    expect(parseCsv('start,end\n"2026-11-30,x\n').problems).toEqual([
      'Line 2: a quoted cell is not closed. Check the quotes on that line.',
    ]);
  });
});
