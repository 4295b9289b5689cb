import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FeedbackComments } from './FeedbackComments';
import { FeedbackScores } from './FeedbackScores';

describe('FeedbackScores', () => {
  it('shows scores with their margins, "too few responses" below five, and a significant change', () => {
    render(
      <FeedbackScores
        kinds={[
          {
            kind: 'NPS',
            overall: { kind: 'NPS', responses: 200, shown: true, score: 17.5, margin: 10.9 },
            months: [
              {
                month: '2026-11',
                score: { kind: 'NPS', responses: 100, shown: true, score: 30, margin: 15.3 },
              },
              {
                month: '2026-12',
                score: { kind: 'NPS', responses: 100, shown: true, score: 5, margin: 16.7 },
                change: { significant: true, direction: 'DOWN', difference: -25 },
              },
            ],
          },
          {
            kind: 'CSAT',
            overall: { kind: 'CSAT', responses: 4, shown: false, score: null, margin: null },
            months: [{ month: '2026-12', score: { kind: 'CSAT', responses: 4, shown: false }, change: null }],
          },
        ]}
      />,
    );
    const nps = screen.getByRole('region', { name: 'Recommendation (NPS)' });
    expect(within(nps).getByRole('heading').textContent).toContain('+18');
    expect(within(nps).getByRole('row', { name: /2026-11/ }).textContent).toContain(
      '+30 ± 15 points · 100 responses',
    );
    expect(within(nps).getByRole('row', { name: /2026-12/ }).textContent).toContain('Significant fall');
    const csat = screen.getByRole('region', { name: 'Satisfaction (CSAT)' });
    expect(within(csat).getByRole('heading').textContent).toContain('Too few responses (4 of 5 needed)');
    expect(csat.textContent).not.toContain('0 %');
  });
});

describe('FeedbackComments', () => {
  it('shows markup in a comment as text and offers an action for a detractor’s', async () => {
    const onRaise = vi.fn();
    const markup = '<img src=x onerror=alert(1)> <b>rude</b> staff';
    render(
      <FeedbackComments
        comments={[
          {
            id: 'a',
            kind: 'CSAT',
            score: 1,
            comment: markup,
            detractor: true,
            receivedAt: '2026-12-01T10:00:00Z',
          },
          {
            id: 'b',
            kind: 'CSAT',
            score: 5,
            comment: 'Lovely',
            detractor: false,
            receivedAt: '2026-12-01T11:00:00Z',
          },
        ]}
        onRaise={onRaise}
      />,
    );
    expect(screen.getByText(markup).textContent).toBe(markup);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
    const buttons = screen.getAllByRole('button', { name: 'Raise an action' });
    expect(buttons).toHaveLength(1);
    await userEvent.setup().click(buttons[0]!);
    expect(onRaise).toHaveBeenCalledWith(expect.objectContaining({ id: 'a' }));
  });
});
