import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SignInLock, UnlockMemberSignInMutation } from './SignInLock';

const UNTIL = '2026-12-01T14:32:00.000Z';

/** The admin page's members, as far as the lock goes: the row follows the cache the mutation's answer updates. */
const MembersQuery = gql`
  query LockedMembers {
    members {
      nodes {
        id
        name
        signInLockedUntil
      }
    }
  }
`;

function Members() {
  const { data } = useQuery<{
    members: { nodes: { id: string; name: string; signInLockedUntil: string | null }[] };
  }>(MembersQuery);
  return (
    <ul>
      {data?.members.nodes.map((m) => (
        <li key={m.id}>
          {m.name} <SignInLock member={m} />
        </li>
      ))}
    </ul>
  );
}

const members: MockLink.MockedResponse = {
  request: { query: MembersQuery },
  result: {
    data: {
      members: {
        __typename: 'MemberConnection',
        nodes: [{ __typename: 'Member', id: 'm1', name: 'Jo Reyes', signInLockedUntil: UNTIL }],
      },
    },
  },
};

function unlocked(userErrors: object[] = []): MockLink.MockedResponse {
  return {
    request: { query: UnlockMemberSignInMutation, variables: { input: { memberId: 'm1' } } },
    result: {
      data: {
        unlockMemberSignIn: {
          __typename: 'MemberPayload',
          member: userErrors.length ? null : { __typename: 'Member', id: 'm1', signInLockedUntil: null },
          userErrors: userErrors.map((e) => ({ __typename: 'UserError', ...e })),
        },
      },
    },
  };
}

describe('SignInLock', () => {
  it('shows nothing for a member who may sign in', () => {
    const { container } = render(
      <MockedProvider>
        <SignInLock member={{ id: 'm2', name: 'Sam', signInLockedUntil: null }} />
      </MockedProvider>,
    );
    expect(container.innerHTML).toBe('');
  });

  it('says until when sign-in is locked, and unlocking clears it from the row', async () => {
    const user = userEvent.setup();
    render(
      <MockedProvider mocks={[members, unlocked()]}>
        <Members />
      </MockedProvider>,
    );
    expect((await screen.findByText(/^Locked until /)).textContent).toMatch(/2026/);
    await user.click(screen.getByRole('button', { name: 'Unlock sign-in for Jo Reyes' }));
    await waitFor(() => expect(screen.queryByText(/^Locked until /)).toBeNull());
    expect(screen.getByText(/Jo Reyes/).textContent).toContain('Jo Reyes');
  });

  it('shows the API’s answer when the member cannot be unlocked', async () => {
    const user = userEvent.setup();
    render(
      <MockedProvider
        mocks={[
          members,
          unlocked([{ field: 'memberId', code: 'NOT_FOUND', message: 'No member has this id.' }]),
        ]}
      >
        <Members />
      </MockedProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Unlock sign-in for Jo Reyes' }));
    await screen.findByText('No member has this id.');
    expect(screen.getByText(/^Locked until /)).not.toBeNull();
  });
});
