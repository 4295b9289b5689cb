import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ChangeMemberRoleMutation, MemberRoleControl } from './MemberRoleControl';

const MEMBER = { id: 'm1', name: 'Jo Reyes', role: 'CONSULTANT' as const, client: null };
const CLIENTS = [
  { id: 'c1', name: 'Harbourline Bank' },
  { id: 'c2', name: 'Northwind Retail' },
];

function answer(
  input: Record<string, unknown>,
  result: {
    member?: { role: string; client: { id: string; name: string } | null } | null;
    errors?: object[];
  },
  delay = 0,
): MockLink.MockedResponse {
  return {
    request: { query: ChangeMemberRoleMutation, variables: { input } },
    delay,
    result: {
      data: {
        changeMemberRole: {
          __typename: 'MemberPayload',
          member: result.member
            ? {
                __typename: 'Member',
                id: MEMBER.id,
                role: result.member.role,
                client: result.member.client && { __typename: 'Client', ...result.member.client },
              }
            : null,
          userErrors: (result.errors ?? []).map((e) => ({ __typename: 'UserError', ...e })),
        },
      },
    },
  };
}

function renderControl(mocks: MockLink.MockedResponse[]) {
  render(
    <MockedProvider mocks={mocks}>
      <MemberRoleControl member={MEMBER} clients={CLIENTS} />
    </MockedProvider>,
  );
  return screen.getByRole('form', { name: 'Role of Jo Reyes' });
}

describe('MemberRoleControl', () => {
  it('offers saving only once the role changes, shows it pending, then confirms', async () => {
    const user = userEvent.setup();
    renderControl([
      answer(
        { memberId: 'm1', role: 'ADMIN', clientId: null },
        { member: { role: 'ADMIN', client: null } },
        100,
      ),
    ]);
    const save = screen.getByRole('button', { name: 'Save role' });
    expect(save).toHaveProperty('disabled', true);
    await user.selectOptions(screen.getByLabelText('Role'), 'ADMIN');
    expect(screen.queryByLabelText('Client')).toBeNull();
    await user.click(save);
    expect(screen.getByRole('button', { name: 'Saving…' })).toHaveProperty('disabled', true);
    expect(screen.getByLabelText('Role')).toHaveProperty('disabled', true);
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved'));
  });

  it('asks for the client of a client leader and sends it', async () => {
    const user = userEvent.setup();
    renderControl([
      answer(
        { memberId: 'm1', role: 'CLIENT_LEADER', clientId: 'c2' },
        { member: { role: 'CLIENT_LEADER', client: CLIENTS[1]! } },
      ),
    ]);
    await user.selectOptions(screen.getByLabelText('Role'), 'CLIENT_LEADER');
    await user.selectOptions(screen.getByLabelText('Client'), 'c2');
    await user.click(screen.getByRole('button', { name: 'Save role' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved'));
  });

  it('puts the API\u2019s refusal under the field it names and focuses it', async () => {
    const user = userEvent.setup();
    const message = 'A consultancy needs at least one admin. Make someone else admin first.';
    renderControl([
      answer(
        { memberId: 'm1', role: 'CLIENT_LEADER', clientId: null },
        {
          errors: [
            { field: 'clientId', code: 'INVALID', message: 'A client leader must belong to a client.' },
          ],
        },
      ),
      answer(
        { memberId: 'm1', role: 'ADMIN', clientId: null },
        { errors: [{ field: 'role', code: 'NOT_ALLOWED', message }] },
      ),
    ]);
    await user.selectOptions(screen.getByLabelText('Role'), 'CLIENT_LEADER');
    await user.click(screen.getByRole('button', { name: 'Save role' }));
    const clientError = await screen.findByText('A client leader must belong to a client.');
    const client = screen.getByLabelText('Client');
    expect(client.getAttribute('aria-invalid')).toBe('true');
    expect(client.getAttribute('aria-describedby')).toBe(clientError.parentElement?.id);
    await waitFor(() => expect(document.activeElement).toBe(client));

    await user.selectOptions(screen.getByLabelText('Role'), 'ADMIN');
    await user.click(screen.getByRole('button', { name: 'Save role' }));
    await screen.findByText(message);
    expect(screen.getByLabelText('Role').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
