import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MeQuery } from '../session/me';
import { ClientFeedback } from './ClientFeedback';
import { ClientFeedbackQuery, RaiseActionFromFeedbackMutation } from './documents';

const score = (responses: number, value: number | null, margin: number | null) => ({
  __typename: 'FeedbackScore' as const,
  kind: 'NPS' as const,
  responses,
  shown: value !== null,
  score: value,
  low: value === null || margin === null ? null : value - margin,
  high: value === null || margin === null ? null : value + margin,
  margin,
});

const NPS_SUMMARY = {
  __typename: 'FeedbackKindSummary',
  kind: 'NPS',
  overall: score(64, 22, 12.4),
  months: [
    { __typename: 'FeedbackMonth', month: '2026-10', score: score(4, null, null), change: null },
    {
      __typename: 'FeedbackMonth',
      month: '2026-11',
      score: score(60, 25, 13),
      change: { __typename: 'FeedbackChange', difference: 25, significant: true, direction: 'UP' },
    },
  ],
};

const DETRACTOR = {
  __typename: 'FeedbackResponse',
  id: 'r1',
  kind: 'NPS',
  score: 2,
  comment: 'Kept on hold <script>alert(1)</script> for <b>forty</b> minutes',
  detractor: true,
  receivedAt: '2026-11-20T09:30:00.000Z',
};
const PROMOTER = {
  __typename: 'FeedbackResponse',
  id: 'r2',
  kind: 'NPS',
  score: 10,
  comment: 'Sorted in one call',
  detractor: false,
  receivedAt: '2026-11-21T10:00:00.000Z',
};

function feedbackMock(
  summary: { kinds: object[]; comments: object[]; links?: object[] },
  delay?: number,
): MockLink.MockedResponse {
  return {
    request: { query: ClientFeedbackQuery, variables: { clientId: 'c1' } },
    delay,
    result: {
      data: {
        client: {
          __typename: 'Client',
          id: 'c1',
          feedbackLinks: summary.links ?? [],
          feedbackSummary: { __typename: 'FeedbackSummary', kinds: summary.kinds },
          feedbackComments: summary.comments,
        },
      },
    },
  };
}

function meMock(role: 'CONSULTANT' | 'CLIENT_LEADER'): MockLink.MockedResponse {
  return {
    request: { query: MeQuery },
    result: {
      data: {
        me: {
          __typename: 'Member',
          id: 'm1',
          name: 'Ava Patel',
          role,
          client: role === 'CLIENT_LEADER' ? { __typename: 'Client', id: 'c1', name: 'Harbourline' } : null,
        },
      },
    },
  };
}

/** The one-step action from the detractor's comment, as the viewer (m1) raises it, answered as given. */
function raiseMock(
  action: { __typename: 'Action'; id: string } | null,
  userErrors: { __typename: 'UserError'; field: string; message: string; code: string }[],
): MockLink.MockedResponse {
  return {
    request: {
      query: RaiseActionFromFeedbackMutation,
      variables: {
        input: {
          responseId: 'r1',
          description: `Follow up a customer's feedback: “${DETRACTOR.comment}”`,
          ownerId: 'm1',
        },
      },
    },
    result: { data: { raiseActionFromFeedback: { __typename: 'ActionPayload', action, userErrors } } },
  };
}

function renderFeedback(mocks: MockLink.MockedResponse[]) {
  return render(
    <MockedProvider mocks={mocks}>
      <ClientFeedback clientId="c1" />
    </MockedProvider>,
  );
}

describe('ClientFeedback', () => {
  it('says it is loading until the feedback arrives', async () => {
    renderFeedback([meMock('CONSULTANT'), feedbackMock({ kinds: [], comments: [] }, 50)]);
    expect(screen.getByRole('status').textContent).toBe('Loading the feedback…');
    expect(await screen.findByText('No feedback received yet.')).toBeTruthy();
    expect(screen.queryByText('Loading the feedback…')).toBeNull();
  });

  it('says so when there is no feedback, no comment and no link yet', async () => {
    renderFeedback([meMock('CONSULTANT'), feedbackMock({ kinds: [], comments: [] })]);
    expect(await screen.findByText('No feedback received yet.')).toBeTruthy();
    expect(screen.getByText('No comments yet.')).toBeTruthy();
    expect(screen.getByText('No feedback link yet.')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Make a feedback link' })).toBeTruthy();
  });

  it('shows scores with their margins, withholds a month under five responses, and marks a significant change', async () => {
    renderFeedback([meMock('CONSULTANT'), feedbackMock({ kinds: [NPS_SUMMARY], comments: [] })]);
    const nps = await screen.findByRole('region', { name: 'Recommendation (NPS)' });
    expect(within(nps).getByRole('heading', { level: 3 }).textContent).toBe(
      'Recommendation (NPS): +22 ± 12 points · 64 responses',
    );
    const october = within(nps).getByRole('row', { name: /2026-10/ });
    expect(october.textContent).toContain('Too few responses (4 of 5 needed)');
    // Withheld, never shown as a score of 0.
    expect(october.textContent).not.toMatch(/\+?0 ±/);
    const november = within(nps).getByRole('row', { name: /2026-11/ });
    expect(november.textContent).toContain('+25 ± 13 points · 60 responses');
    expect(november.textContent).toContain('Significant rise');
  });

  it('raises an action from a detractor’s comment in one step, owned by the viewer, and says it is raised', async () => {
    const user = userEvent.setup();
    renderFeedback([
      meMock('CONSULTANT'),
      feedbackMock({ kinds: [NPS_SUMMARY], comments: [DETRACTOR, PROMOTER] }),
      raiseMock({ __typename: 'Action', id: 'a1' }, []),
    ]);
    const comments = await screen.findAllByRole('listitem');
    const detractor = comments.find((item) => item.textContent?.includes('Kept on hold'))!;
    const promoter = comments.find((item) => item.textContent?.includes('Sorted in one call'))!;
    expect(within(detractor).getByText('Detractor')).toBeTruthy();
    // Only a detractor's comment offers the step.
    expect(within(promoter).queryByRole('button', { name: 'Raise an action' })).toBeNull();
    await user.click(await within(detractor).findByRole('button', { name: 'Raise an action' }));
    expect((await within(detractor).findByRole('status')).textContent).toBe('Action raised');
    expect(within(detractor).queryByRole('button', { name: 'Raise an action' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a refused action above the feedback, and keeps the step on offer', async () => {
    const user = userEvent.setup();
    renderFeedback([
      meMock('CONSULTANT'),
      feedbackMock({ kinds: [], comments: [DETRACTOR] }),
      raiseMock(null, [
        {
          __typename: 'UserError',
          field: 'responseId',
          message: 'An action is already open for this response.',
          code: 'CONFLICT',
        },
      ]),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Raise an action' }));
    expect(await screen.findByText('An action is already open for this response.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Raise an action' })).toBeTruthy();
  });

  it('shows markup in a comment as the text the customer wrote', async () => {
    const { container } = renderFeedback([
      meMock('CONSULTANT'),
      feedbackMock({ kinds: [], comments: [DETRACTOR] }),
    ]);
    const quote = await screen.findByText(DETRACTOR.comment);
    expect(quote.tagName).toBe('Q');
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('q b')).toBeNull();
  });

  it('offers a client leader neither the action step nor the link form', async () => {
    renderFeedback([meMock('CLIENT_LEADER'), feedbackMock({ kinds: [NPS_SUMMARY], comments: [DETRACTOR] })]);
    await screen.findByText(DETRACTOR.comment);
    await screen.findByRole('region', { name: 'Recommendation (NPS)' });
    expect(screen.queryByRole('button', { name: 'Raise an action' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Make a feedback link' })).toBeNull();
  });
});
