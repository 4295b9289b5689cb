import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ResendButton, ResendInvitationMutation } from './ResendButton';

function resent(userErrors: object[] = []): MockLink.MockedResponse {
  return {
    request: { query: ResendInvitationMutation, variables: { input: { id: 'i1' } } },
    result: {
      data: {
        resendInvitation: {
          __typename: 'InvitationPayload',
          invitation: userErrors.length
            ? null
            : {
                __typename: 'Invitation',
                id: 'i1',
                status: 'PENDING',
                expiresAt: '2026-12-01T00:00:00.000Z',
              },
          userErrors: userErrors.map((e) => ({ __typename: 'UserError', ...e })),
        },
      },
    },
  };
}

function renderButton(mocks: MockLink.MockedResponse[]) {
  render(
    <MockedProvider mocks={mocks}>
      <ResendButton id="i1" email="sam@harbour.example" />
    </MockedProvider>,
  );
  return screen.getByRole('button', { name: 'Send the invitation for sam@harbour.example again' });
}

describe('ResendButton', () => {
  it('mails the invitation again and says so', async () => {
    const user = userEvent.setup();
    await user.click(renderButton([resent()]));
    expect((await screen.findByRole('status')).textContent).toBe('Sent again to sam@harbour.example');
  });

  it('shows the API’s answer when it cannot be sent again', async () => {
    const user = userEvent.setup();
    await user.click(
      renderButton([
        resent([{ field: 'id', code: 'NOT_ALLOWED', message: 'This invitation was already accepted.' }]),
      ]),
    );
    await screen.findByText('This invitation was already accepted.');
    expect(screen.queryByText(/Sent again/)).toBeNull();
  });
});
