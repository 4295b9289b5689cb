import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { recordMeasurementsAnswer as answer } from '../test/record-measurements-answer';
import { RecordMeasurementsMutation } from './documents';
import { IntervalForm, localInstant } from './IntervalForm';

interface Sent {
  input: {
    intervals: { serviceLevelId: string; start: string; end: string; good: number; valid: number }[];
    correctionReason?: string | null;
  };
}

function renderForm(mocks: MockLink.MockedResponse[]) {
  render(
    <MockedProvider mocks={mocks}>
      <IntervalForm serviceLevelId="sl1" timeZone="Europe/London" onRecorded={() => undefined} />
    </MockedProvider>,
  );
}

async function fill(values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    const input = screen.getByLabelText(label);
    await userEvent.clear(input);
    await userEvent.type(input, value);
  }
}

describe('IntervalForm', () => {
  it('reads the times in the service level’s zone, British summer time included', () => {
    expect(localInstant('2026-07-01T09:00', 'Europe/London')).toBe('2026-07-01T08:00:00.000Z');
    expect(localInstant('2026-01-05T09:00', 'Europe/London')).toBe('2026-01-05T09:00:00.000Z');
    expect(localInstant('', 'Europe/London')).toBeNull();
  });

  it('names the fields it cannot send without asking the API', async () => {
    renderForm([]);
    await fill({ Good: 'many' });
    await userEvent.click(screen.getByRole('button', { name: 'Record interval' }));
    expect(await screen.findByText('Give the date and time the interval starts.')).toBeTruthy();
    expect(screen.getByText('Give the date and time the interval ends.')).toBeTruthy();
    expect(screen.getAllByText('Give a whole number, 0 or more.')).toHaveLength(2);
  });

  it('shows the API’s error on its field, without the batch’s row number', async () => {
    const sent: Sent[] = [];
    renderForm([
      {
        request: {
          query: RecordMeasurementsMutation,
          variables: (variables: Sent) => {
            sent.push(variables);
            return true;
          },
        },
        result: answer([
          { field: 'intervals.0.good', message: 'Good cannot be more than valid.', code: 'INVALID' },
        ]),
      },
    ]);
    await fill({ Start: '2026-07-01T09:00', End: '2026-07-01T10:00', Good: '12', Valid: '10' });
    await userEvent.click(screen.getByRole('button', { name: 'Record interval' }));
    expect(await screen.findByText('Good cannot be more than valid.')).toBeTruthy();
    expect(sent[0]!.input.intervals[0]).toMatchObject({
      serviceLevelId: 'sl1',
      start: '2026-07-01T08:00:00.000Z',
      end: '2026-07-01T09:00:00.000Z',
      good: 12,
      valid: 10,
    });
  });

  it('asks for a reason when the period has closed, and sends it the second time', async () => {
    const sent: Sent[] = [];
    const closed = answer([
      {
        field: 'intervals.0.start',
        message: '2026-W27 has closed: send the change with a correctionReason.',
        code: 'INVALID',
      },
      { field: 'correctionReason', message: 'Give a reason for changing 2026-W27.', code: 'REQUIRED' },
    ]);
    const recorded = answer([], { replaced: 1, corrected: 1 });
    renderForm([
      {
        request: {
          query: RecordMeasurementsMutation,
          variables: (variables: Sent) => !variables.input.correctionReason,
        },
        result: closed,
      },
      {
        request: {
          query: RecordMeasurementsMutation,
          variables: (variables: Sent) => {
            sent.push(variables);
            return variables.input.correctionReason === 'The report was re-run.';
          },
        },
        result: recorded,
      },
    ]);
    await fill({ Start: '2026-07-01T09:00', End: '2026-07-01T10:00', Good: '9', Valid: '10' });
    await userEvent.click(screen.getByRole('button', { name: 'Record interval' }));
    const reason = await screen.findByLabelText(/Reason for the correction/);
    await userEvent.type(reason, 'The report was re-run.');
    await fill({ Start: '2026-07-01T09:00', End: '2026-07-01T10:00', Good: '9', Valid: '10' });
    await userEvent.click(screen.getByRole('button', { name: 'Record interval' }));
    expect(
      await screen.findByText('Interval recorded; the closed period’s correction is in the history.'),
    ).toBeTruthy();
    expect(sent).toHaveLength(1);
  });
});
