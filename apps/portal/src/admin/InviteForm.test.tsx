import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { InviteForm, InviteMemberMutation } from './InviteForm';

function invited(email: string, userErrors: object[] = []): MockLink.MockedResponse {
  return {
    request: {
      query: InviteMemberMutation,
      variables: { input: { email, role: 'CONSULTANT', clientId: null } },
    },
    result: {
      data: {
        inviteMember: {
          __typename: 'InviteMemberPayload',
          invitation: userErrors.length ? null : { __typename: 'Invitation', id: 'i1', email },
          userErrors: userErrors.map((e) => ({ __typename: 'UserError', ...e })),
        },
      },
    },
  };
}

async function invite(mocks: MockLink.MockedResponse[], email: string) {
  const user = userEvent.setup();
  render(
    <MockedProvider mocks={mocks}>
      <InviteForm clients={[]} />
    </MockedProvider>,
  );
  await user.type(screen.getByLabelText('Email'), email);
  await user.click(screen.getByRole('button', { name: 'Send invitation' }));
}

describe('InviteForm', () => {
  it('says the invitation was mailed, and shows no link to copy', async () => {
    await invite([invited('sam@harbour.example')], 'sam@harbour.example');
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('We sent an invitation to sam@harbour.example');
    expect(document.body.textContent).not.toMatch(/token|accept-invitation|Copy link/);
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('');
  });

  it('shows the API’s refusal under the email and keeps what was typed', async () => {
    await invite(
      [
        invited('ada@harbour.example', [
          { field: 'email', code: 'TAKEN', message: 'Someone with this email is already a member.' },
        ]),
      ],
      'ada@harbour.example',
    );
    await screen.findByText('Someone with this email is already a member.');
    expect(screen.queryByText(/We sent an invitation/)).toBeNull();
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('ada@harbour.example');
  });
});
