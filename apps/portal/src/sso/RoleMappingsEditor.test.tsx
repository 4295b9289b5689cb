import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SsoConnectionFieldsFragment } from '../generated/graphql';
import { UpdateSsoConnectionMutation } from './documents';
import { RoleMappingsEditor } from './RoleMappingsEditor';

const CLIENT = { id: '0e4c4a4e-1c1b-4f57-9d87-4a4a0c9c1f11', name: 'Harbourline Bank' };

const connection: SsoConnectionFieldsFragment = {
  id: 'c1',
  name: 'Harbour Okta',
  protocol: 'OIDC',
  issuer: 'https://harbour.okta.com',
  clientId: 'portal',
  hasClientSecret: true,
  idpEntityId: null,
  ssoUrl: null,
  logoutUrl: null,
  groupsClaim: 'groups',
  ssoOnly: false,
  createdAt: '2026-12-01T09:00:00Z',
  certificates: [],
  serviceProvider: {
    redirectUri: 'https://portal.example/sso/oidc/callback',
    postLogoutRedirectUri: null,
    entityId: null,
    acsUrl: null,
    sloUrl: null,
    metadataUrl: null,
  },
  roleMappings: [{ group: 'cs-consultants', role: 'CONSULTANT', client: null }],
  breakGlassAdmin: null,
  domains: [],
};

function refusedOnSecondRow(): MockLink.MockedResponse {
  const roleMappings = [
    { group: 'cs-consultants', role: 'CONSULTANT', clientId: null },
    { group: 'bank-leaders', role: 'CLIENT_LEADER', clientId: null },
  ];
  return {
    request: { query: UpdateSsoConnectionMutation, variables: { input: { id: 'c1', roleMappings } } },
    result: {
      data: {
        updateSsoConnection: {
          __typename: 'SsoConnectionPayload',
          connection: null,
          userErrors: [
            {
              __typename: 'UserError',
              field: 'roleMappings.1.clientId',
              message: 'Choose the client these leaders belong to.',
              code: 'INVALID',
            },
          ],
        },
      },
    },
  };
}

describe('RoleMappingsEditor', () => {
  it('asks leaders’ client only for a leader row, and shows the API’s refusal under that row’s input', async () => {
    const user = userEvent.setup();
    render(
      <MockedProvider mocks={[refusedOnSecondRow()]}>
        <RoleMappingsEditor connection={connection} clients={[CLIENT]} />
      </MockedProvider>,
    );
    expect(screen.getByLabelText<HTMLInputElement>('Group').value).toBe('cs-consultants');
    await user.click(screen.getByRole('button', { name: 'Add a mapping' }));
    const second = screen.getByRole('group', { name: 'Mapping 2' });
    const group = second.querySelector<HTMLInputElement>('input[name="roleMappings.1.group"]');
    await user.type(group!, 'bank-leaders');
    expect(second.querySelector('select[name="roleMappings.1.clientId"]')).toBeNull();
    const role = second.querySelector<HTMLSelectElement>('select[name="roleMappings.1.role"]');
    await user.selectOptions(role!, 'CLIENT_LEADER');
    const client = second.querySelector<HTMLSelectElement>('select[name="roleMappings.1.clientId"]');
    expect(client).not.toBeNull();

    await user.click(screen.getByRole('button', { name: 'Save role mappings' }));
    const message = await screen.findByText('Choose the client these leaders belong to.');
    expect(client!.getAttribute('aria-invalid')).toBe('true');
    expect(client!.getAttribute('aria-describedby')).toBe(message.parentElement?.id);
    await waitFor(() => expect(document.activeElement).toBe(client));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('moves a row up, as the first match wins', async () => {
    const user = userEvent.setup();
    render(
      <MockedProvider mocks={[]}>
        <RoleMappingsEditor connection={connection} clients={[CLIENT]} />
      </MockedProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Add a mapping' }));
    await user.type(screen.getByRole('group', { name: 'Mapping 2' }).querySelector('input')!, 'cs-admins');
    await user.click(screen.getByRole('button', { name: 'Move mapping 2 up' }));
    const groups = screen.getAllByLabelText<HTMLInputElement>('Group').map((input) => input.value);
    expect(groups).toEqual(['cs-admins', 'cs-consultants']);
  });
});
