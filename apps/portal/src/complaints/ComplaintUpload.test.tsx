import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ComplaintUpload } from './ComplaintUpload';
import { readComplaintCsv } from './csv';
import { ComplaintTimeZoneQuery, RecordComplaintsMutation } from './documents';

const MARKUP = '<img src=x onerror=alert(1)><b>rude</b>';

const CSV = [
  'Received at,Channel,Category,Severity,What happened,Reference,Agent',
  `2026-11-23 09:00,Phone,Billing,Medium,${MARKUP},CRM-1,Sam`,
  '2026-11-24 10:30,Email,Billing,Urgent,Charged twice.,CRM-2,Ann',
  '2026-11-25T11:00:00Z,Chat,Nope,Low,Chat dropped.,CRM-3,Sam',
].join('\n');

interface Sent {
  input: {
    clientId: string;
    dryRun?: boolean | null;
    rows: { externalReference?: string | null; touchPointName?: string | null }[];
  };
}

const zone: MockLink.MockedResponse = {
  request: { query: ComplaintTimeZoneQuery, variables: { clientId: 'client1' } },
  result: {
    data: {
      client: {
        __typename: 'Client',
        id: 'client1',
        complaintPatterns: { __typename: 'ComplaintPatterns', timeZone: 'Europe/London' },
      },
    },
  },
};

function answer(userErrors: { field: string; message: string; code: string }[], added = 0) {
  return {
    data: {
      recordComplaints: {
        __typename: 'RecordComplaintsPayload',
        added,
        replaced: 0,
        unchanged: 0,
        userErrors: userErrors.map((e) => ({ __typename: 'UserError', ...e })),
      },
    },
  };
}

describe('readComplaintCsv', () => {
  it('reads the headings a person writes, local times in the client’s zone, channels by their label', () => {
    const upload = readComplaintCsv(CSV, 'Europe/London');
    expect(upload.problems).toEqual([]);
    expect(upload.ignoredColumns).toEqual(['Agent']);
    expect(upload.rows[0]!.complaint).toMatchObject({
      receivedAt: '2026-11-23T09:00:00.000Z',
      channel: 'PHONE',
      severity: 'MEDIUM',
      whatHappened: MARKUP,
      externalReference: 'CRM-1',
    });
    expect(upload.rows[1]!.line).toBe(3);
    expect(upload.rows[1]!.complaint).toBeNull();
    expect(upload.rows[1]!.errors.severity?.[0]).toMatch(/^Severity must be one of: Low, Medium/);
  });

  it('names the missing columns', () => {
    expect(readComplaintCsv('channel,category\nPhone,Billing', 'UTC').problems[0]).toMatch(
      /Missing: received at, severity, what happened/,
    );
  });
});

describe('ComplaintUpload', () => {
  it('sends the touch point by its name, and shows the API’s error on that line’s touch point cell', async () => {
    const file = [
      'Received at,Channel,Touch point,Category,Severity,What happened,Reference',
      '2026-11-23 09:00,Phone, Help line ,Billing,Medium,Held for an hour.,CRM-1',
      '2026-11-24 10:30,Email,Helpline,Billing,High,Charged twice.,CRM-2',
      '2026-11-25 10:30,Email,,Billing,Low,No reply.,CRM-3',
    ].join('\n');
    const sent: Sent[] = [];
    const message = 'The client’s journey has no current touch point named “Helpline”.';
    render(
      <MockedProvider
        mocks={[
          zone,
          {
            request: {
              query: RecordComplaintsMutation,
              variables: (variables: Sent) => {
                sent.push(variables);
                return variables.input.dryRun === true;
              },
            },
            result: answer([{ field: 'rows.1.touchPointName', message, code: 'NOT_FOUND' }]),
          },
        ]}
      >
        <ComplaintUpload clientId="client1" onRecorded={() => undefined} />
      </MockedProvider>,
    );
    await screen.findByText(/read in Europe\/London/);
    await userEvent.upload(
      screen.getByLabelText('Complaints CSV file'),
      new File([file], 'journey.csv', { type: 'text/csv' }),
    );
    await screen.findByText(/1 of 3 rows in journey.csv needs fixing/);
    expect(sent[0]!.input.rows.map((r) => r.touchPointName)).toEqual(['Help line', 'Helpline', null]);
    const line3 = screen.getByRole('row', { name: /^Line 3/ });
    const cell = within(line3).getByText(message).closest('td');
    expect(cell?.className).toBe('cell-invalid');
    expect(within(cell!).getByText('Helpline')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'touch point' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Record/ })).toBeNull();
  });

  it('shows each bad row by its line and field, shows markup as text, and offers no commit', async () => {
    const sent: Sent[] = [];
    render(
      <MockedProvider
        mocks={[
          zone,
          {
            request: {
              query: RecordComplaintsMutation,
              variables: (variables: Sent) => {
                sent.push(variables);
                return variables.input.dryRun === true;
              },
            },
            // Line 3 could not be sent: index 1 of the batch is line 4.
            result: answer([
              {
                field: 'rows.1.category',
                message: 'No category “Nope” in the client’s list.',
                code: 'NOT_FOUND',
              },
            ]),
          },
        ]}
      >
        <ComplaintUpload clientId="client1" onRecorded={() => undefined} />
      </MockedProvider>,
    );
    await screen.findByText(/read in Europe\/London/);
    await userEvent.upload(
      screen.getByLabelText('Complaints CSV file'),
      new File([CSV], 'export.csv', { type: 'text/csv' }),
    );
    await screen.findByText(/2 of 3 rows in export.csv need fixing/);
    expect(sent[0]!.input.rows.map((r) => r.externalReference)).toEqual(['CRM-1', 'CRM-3']);
    const line4 = screen.getByRole('row', { name: /^Line 4/ });
    expect(within(line4).getByText('No category “Nope” in the client’s list.').closest('td')?.className).toBe(
      'cell-invalid',
    );
    const line3 = screen.getByRole('row', { name: /^Line 3/ });
    const severity = within(line3)
      .getByText(/^Severity must be one of/)
      .closest('td');
    expect(within(severity!).getByText('Urgent')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Record/ })).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });

  it('records the file once the dry run finds nothing wrong, markup shown as text in the preview', async () => {
    const good = CSV.split('\n').slice(0, 2).join('\n');
    const sent: Sent[] = [];
    const mutation = (dryRun: boolean, added: number): MockLink.MockedResponse => ({
      request: {
        query: RecordComplaintsMutation,
        variables: (variables: Sent) => {
          if (variables.input.dryRun !== dryRun) return false;
          sent.push(variables);
          return true;
        },
      },
      result: answer([], added),
    });
    render(
      <MockedProvider mocks={[zone, mutation(true, 1), mutation(false, 1)]}>
        <ComplaintUpload clientId="client1" onRecorded={() => undefined} />
      </MockedProvider>,
    );
    await screen.findByText(/read in Europe\/London/);
    await userEvent.upload(
      screen.getByLabelText('Complaints CSV file'),
      new File([good], 'good.csv', { type: 'text/csv' }),
    );
    await screen.findByText(/The 1 row of good.csv is good: 1 new/);
    expect(screen.getByText(MARKUP)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Record 1 complaint' }));
    await screen.findByText('Recorded: 1 new.');
    expect(sent.map((s) => s.input.dryRun)).toEqual([true, false]);
  });
});
