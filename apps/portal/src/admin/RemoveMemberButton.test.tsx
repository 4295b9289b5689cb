import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MeQuery } from '../session/me';
import { RemoveMemberButton, RemoveMemberMutation } from './RemoveMemberButton';

const me: MockLink.MockedResponse = {
  request: { query: MeQuery },
  result: {
    data: { me: { __typename: 'Member', id: 'admin-1', name: 'Morgan Hale', role: 'ADMIN', client: null } },
  },
};

function removed(userErrors: object[] = []): MockLink.MockedResponse {
  return {
    request: { query: RemoveMemberMutation, variables: { input: { id: 'm1' } } },
    result: {
      data: {
        removeMember: {
          __typename: 'RemoveMemberPayload',
          removedId: userErrors.length ? null : 'm1',
          userErrors: userErrors.map((e) => ({ __typename: 'UserError', ...e })),
        },
      },
    },
  };
}

afterEach(() => vi.restoreAllMocks());

describe('RemoveMemberButton', () => {
  it('asks first, and does nothing when the admin thinks better of it', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    render(
      <MockedProvider mocks={[me]}>
        <RemoveMemberButton id="m1" name="Sam Reed" />
      </MockedProvider>,
    );
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Remove Sam Reed' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringMatching(/signed out at once/));
    expect(screen.getByRole('button', { name: 'Remove Sam Reed' })).toBeTruthy();
  });

  it('shows the API’s refusal', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    render(
      <MockedProvider
        mocks={[
          me,
          removed([{ field: 'id', code: 'NOT_ALLOWED', message: 'A consultancy needs at least one admin.' }]),
        ]}
      >
        <RemoveMemberButton id="m1" name="Sam Reed" />
      </MockedProvider>,
    );
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Remove Sam Reed' }));
    await screen.findByText('A consultancy needs at least one admin.');
  });

  it('is not offered on one’s own row', async () => {
    render(
      <MockedProvider mocks={[me]}>
        <RemoveMemberButton id="admin-1" name="Morgan Hale" />
      </MockedProvider>,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('button')).toBeNull();
  });
});
