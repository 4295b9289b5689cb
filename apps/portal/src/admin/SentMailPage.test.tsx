import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SentMailList } from './SentMailPage';
import { SentMailQuery } from './mail-documents';

const kept = {
  __typename: 'Mail',
  id: 'm1',
  kind: 'INVITATION',
  to: 'sam@harbour.example',
  subject: 'Your programme this week',
  status: 'KEPT',
  queuedAt: '2026-12-01T09:00:00.000Z',
  sentAt: null,
  attemptCount: 0,
  nextAttemptAt: null,
  lastError: null,
  text: 'Three actions are due this week.\nOpen the programme to see them.',
};

function answer(status: string | null, mode: 'SMTP' | 'KEPT', nodes: object[]): MockLink.MockedResponse {
  return {
    request: { query: SentMailQuery, variables: { status } },
    result: {
      data: {
        mailDelivery: { __typename: 'MailDelivery', mode },
        sentMail: { __typename: 'MailConnection', totalCount: nodes.length, nodes },
      },
    },
  };
}

function renderList(mocks: MockLink.MockedResponse[]) {
  render(
    <MockedProvider mocks={mocks}>
      <SentMailList />
    </MockedProvider>,
  );
}

describe('the sent mail list', () => {
  it('says mail is kept when no SMTP server is configured, and shows a mail’s text on demand', async () => {
    const user = userEvent.setup();
    renderList([answer(null, 'KEPT', [kept])]);
    expect(await screen.findByText('Mail is kept here because no SMTP server is configured')).toBeTruthy();
    const row = screen.getByRole('row', { name: /sam@harbour\.example/ });
    expect(within(row).getByText('Kept, not sent')).toBeTruthy();
    const text = within(row).getByText(/Three actions are due this week/);
    expect(text.closest('details')?.open).toBe(false);
    await user.click(within(row).getByText('Your programme this week'));
    expect(text.closest('details')?.open).toBe(true);
  });

  it('filters by status, with no banner when mail goes through SMTP', async () => {
    const user = userEvent.setup();
    renderList([
      answer(null, 'SMTP', [{ ...kept, status: 'SENT', sentAt: '2026-12-01T09:00:05.000Z' }]),
      answer('FAILED', 'SMTP', []),
    ]);
    expect(await screen.findByText('Sent')).toBeTruthy();
    expect(screen.queryByText(/no SMTP server is configured/)).toBeNull();
    await user.selectOptions(screen.getByLabelText('Show'), 'FAILED');
    expect(await screen.findByText('No mail failed')).toBeTruthy();
  });
});
