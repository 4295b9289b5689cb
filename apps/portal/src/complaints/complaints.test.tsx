import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { RecordComplaintForm } from './RecordComplaintForm';
import { TouchPointComplaints } from './TouchPointComplaints';
import { ComplaintLogQuery, RecordComplaintMutation } from './documents';

const MARKUP = '<script>alert("x")</script><b>rude</b> & co';

const complaint = {
  __typename: 'Complaint' as const,
  id: 'c1',
  receivedAt: '2026-11-18T09:15:00.000Z',
  channel: 'PHONE' as const,
  touchPoint: null,
  category: { __typename: 'ComplaintCategory' as const, id: 'cat1', name: 'Waiting <times>' },
  promiseKey: null,
  promiseTitle: null,
  severity: 'HIGH' as const,
  whatHappened: MARKUP,
  customerReference: null,
  status: 'OPEN' as const,
  resolvedAt: null,
  resolution: null,
  rootCause: null,
  hoursToResolve: null,
  externalReference: null,
  revision: 1,
};

function logAnswer(nodes: (typeof complaint)[]): MockLink.MockedResponse {
  return {
    request: { query: ComplaintLogQuery, variables: { clientId: 'client1', touchPointId: 'tp1', first: 10 } },
    result: {
      data: {
        client: {
          __typename: 'Client',
          id: 'client1',
          name: 'Harbourline Bank',
          complaintCategories: [],
          complaints: {
            __typename: 'ComplaintConnection',
            nodes,
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            totalCount: nodes.length,
          },
        },
      },
    },
  };
}

describe('TouchPointComplaints', () => {
  it('shows the customer’s words as text, markup and all', async () => {
    const { container } = render(
      <MockedProvider mocks={[logAnswer([complaint])]}>
        <MemoryRouter>
          <TouchPointComplaints clientId="client1" touchPointId="tp1" />
        </MemoryRouter>
      </MockedProvider>,
    );
    expect(await screen.findByText(MARKUP)).toBeTruthy();
    expect(screen.getByRole('link', { name: /Waiting <times>/ }).getAttribute('href')).toBe('/complaints/c1');
    expect(container.querySelector('script, b')).toBeNull();
  });

  it('says so when the touch point has no complaints', async () => {
    render(
      <MockedProvider mocks={[logAnswer([])]}>
        <MemoryRouter>
          <TouchPointComplaints clientId="client1" touchPointId="tp1" />
        </MemoryRouter>
      </MockedProvider>,
    );
    expect(await screen.findByText('No complaints at this touch point')).toBeTruthy();
  });
});

describe('RecordComplaintForm', () => {
  it('sends the complaint and shows the API’s error under the field it names', async () => {
    const sent: unknown[] = [];
    const mocks: MockLink.MockedResponse[] = [
      {
        request: {
          query: RecordComplaintMutation,
          variables: (variables: unknown) => {
            sent.push(variables);
            return true;
          },
        },
        result: {
          data: {
            recordComplaint: {
              __typename: 'ComplaintPayload',
              complaint: null,
              userErrors: [
                {
                  __typename: 'UserError',
                  field: 'whatHappened',
                  message: 'What happened must be at most 4000 characters.',
                  code: 'TOO_LONG',
                },
              ],
            },
          },
        },
      },
    ];
    const user = userEvent.setup();
    render(
      <MockedProvider mocks={mocks}>
        <RecordComplaintForm
          clientId="client1"
          categories={[{ id: 'cat1', name: 'Waiting times' }]}
          onRecorded={() => undefined}
        />
      </MockedProvider>,
    );
    await user.type(screen.getByLabelText('Received at'), '2026-11-18T09:15');
    await user.selectOptions(screen.getByLabelText('Category'), 'cat1');
    await user.selectOptions(screen.getByLabelText('Severity'), 'HIGH');
    await user.type(screen.getByLabelText('What happened'), 'Held for forty minutes.');
    await user.click(screen.getByRole('button', { name: 'Record complaint' }));
    expect(await screen.findByText('What happened must be at most 4000 characters.')).toBeTruthy();
    expect(screen.getByLabelText('What happened').getAttribute('aria-invalid')).toBe('true');
    expect(sent[0]).toMatchObject({
      input: {
        clientId: 'client1',
        categoryId: 'cat1',
        severity: 'HIGH',
        channel: 'PHONE',
        whatHappened: 'Held for forty minutes.',
        customerReference: null,
      },
    });
  });
});
