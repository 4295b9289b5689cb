import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { recordMeasurementsAnswer as answer } from '../test/record-measurements-answer';
import { RecordMeasurementsMutation } from './documents';
import { MeasurementUpload } from './MeasurementUpload';

const CSV = [
  'start,end,good,valid,excluded',
  '2026-11-23T09:00:00Z,2026-11-23T10:00:00Z,95,100,3',
  '2026-11-24T09:00:00Z,2026-11-24T10:00:00Z,120,100,3',
  '2026-11-25T09:00:00Z,2026-11-25T10:00:00Z,nine,100,3',
  '2026-11-26T09:00:00Z,2026-11-26T10:00:00Z,93,100,',
].join('\n');

interface Sent {
  input: { intervals: { good: number }[]; dryRun?: boolean | null; correctionReason?: string | null };
}

function renderUpload(mocks: MockLink.MockedResponse[]) {
  render(
    <MockedProvider mocks={mocks}>
      <MeasurementUpload serviceLevelId="sl1" timeZone="Europe/London" onRecorded={() => undefined} />
    </MockedProvider>,
  );
}

describe('MeasurementUpload', () => {
  it('shows the API’s error on the row and column it names, a local one on its cell, and offers no commit', async () => {
    const sent: Sent[] = [];
    renderUpload([
      {
        request: {
          query: RecordMeasurementsMutation,
          variables: (variables: Sent) => {
            sent.push(variables);
            return variables.input.dryRun === true;
          },
        },
        // Three rows were sent (line 4 could not be): index 1 of the batch is line 3.
        result: answer([
          { field: 'intervals.1.good', message: 'Good cannot be more than valid.', code: 'INVALID' },
        ]),
      },
    ]);
    const file = new File([CSV], 'calls.csv', { type: 'text/csv' });
    await userEvent.upload(screen.getByLabelText('CSV file'), file);
    await screen.findByText(/2 of 4 rows in calls.csv need fixing/);
    expect(sent[0]!.input.intervals.map((i) => i.good)).toEqual([95, 120, 93]);
    const line3 = screen.getByRole('row', { name: /^Line 3/ });
    expect(within(line3).getByText('Good cannot be more than valid.').closest('td')?.className).toBe(
      'cell-invalid',
    );
    const line4 = screen.getByRole('row', { name: /^Line 4/ });
    expect(within(line4).getByText('Good must be a whole number, e.g. 42.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Record/ })).toBeNull();
  });

  it('asks for the reason when only closed periods stand in the way, and sends it with the intervals', async () => {
    const good = CSV.split('\n')
      .filter((_, i) => i !== 2 && i !== 3)
      .join('\n');
    const sent: Sent[] = [];
    renderUpload([
      {
        request: {
          query: RecordMeasurementsMutation,
          variables: (variables: Sent) => variables.input.dryRun === true,
        },
        result: answer([
          {
            field: 'intervals.0.start',
            message: '2026-W48 has closed: send the change with a correctionReason.',
            code: 'INVALID',
          },
          { field: 'correctionReason', message: 'Give a reason for changing 2026-W48.', code: 'REQUIRED' },
        ]),
      },
      {
        request: {
          query: RecordMeasurementsMutation,
          variables: (variables: Sent) => {
            sent.push(variables);
            return (
              variables.input.dryRun === false &&
              variables.input.correctionReason === 'The export missed a shift.'
            );
          },
        },
        result: answer([], { replaced: 2, corrected: 1 }),
      },
    ]);
    await userEvent.upload(
      screen.getByLabelText('CSV file'),
      new File([good], 'late.csv', { type: 'text/csv' }),
    );
    const reason = await screen.findByLabelText('Reason for the correction');
    expect(screen.getByText(/Line 2 changes figures of periods that have closed/)).toBeTruthy();
    await userEvent.type(reason, 'The export missed a shift.');
    await userEvent.click(screen.getByRole('button', { name: 'Record 2 intervals with this reason' }));
    await screen.findByText('Recorded: 0 new, 2 replaced, 1 closed period corrected.');
    expect(sent.at(-1)!.input.intervals).toHaveLength(2);
  });
});
