import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TouchPointFeedbackQuery } from './documents';
import { TouchPointFeedback } from './TouchPointFeedback';

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

function answer(kinds: unknown[]): MockLink.MockedResponse {
  return {
    request: { query: TouchPointFeedbackQuery, variables: { touchPointId: 'tp1' } },
    result: {
      data: {
        touchPoint: {
          __typename: 'TouchPoint',
          id: 'tp1',
          feedbackSummary: { __typename: 'FeedbackSummary', kinds },
        },
      },
    },
  };
}

describe('TouchPointFeedback', () => {
  it('shows the touch point’s scores per month, withheld below five answers', async () => {
    render(
      <MockedProvider
        mocks={[
          answer([
            {
              __typename: 'FeedbackKindSummary',
              kind: 'NPS',
              overall: score(103, 30, 15.3),
              months: [
                { __typename: 'FeedbackMonth', month: '2026-11', score: score(3, null, null), change: null },
                {
                  __typename: 'FeedbackMonth',
                  month: '2026-12',
                  score: score(100, 30, 15.3),
                  change: {
                    __typename: 'FeedbackChange',
                    difference: 30,
                    significant: false,
                    direction: 'UP',
                  },
                },
              ],
            },
          ]),
        ]}
      >
        <TouchPointFeedback touchPointId="tp1" />
      </MockedProvider>,
    );
    const nps = await screen.findByRole('region', { name: 'Recommendation (NPS)' });
    expect(within(nps).getByRole('heading').textContent).toContain('+30');
    expect(within(nps).getByRole('row', { name: /2026-11/ }).textContent).toContain(
      'Too few responses (3 of 5 needed)',
    );
    expect(within(nps).getByRole('row', { name: /2026-12/ }).textContent).toContain(
      '+30 ± 15 points · 100 responses',
    );
  });

  it('says so when no answer came through the touch point’s links', async () => {
    render(
      <MockedProvider mocks={[answer([])]}>
        <TouchPointFeedback touchPointId="tp1" />
      </MockedProvider>,
    );
    expect(await screen.findByText('No feedback received yet.')).toBeTruthy();
  });
});
