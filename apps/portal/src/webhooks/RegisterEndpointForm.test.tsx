import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CreateWebhookEndpointMutation } from './documents';
import { RegisterEndpointForm } from './RegisterEndpointForm';

const SECRET = 'whsec_c2VjcmV0IGZvciB0aGUgdGVzdA==';
const REFUSAL = 'This address is on a loopback network; deliveries may only go to the public internet.';

function answer(
  url: string,
  result: { secret?: string; errors?: { field: string; code: string; message: string }[] },
): MockLink.MockedResponse {
  const input = { url, events: ['ENGAGEMENT_STATUS_CHANGED'], description: 'Operations board' };
  return {
    request: { query: CreateWebhookEndpointMutation, variables: { input } },
    result: {
      data: {
        createWebhookEndpoint: {
          __typename: 'CreateWebhookEndpointPayload',
          secret: result.secret ?? null,
          endpoint: result.secret
            ? {
                __typename: 'WebhookEndpoint',
                id: 'e1',
                url,
                description: input.description,
                events: input.events,
                enabled: true,
                disabledReason: null,
                createdAt: '2026-11-23T09:12:44.120Z',
                secrets: [
                  {
                    __typename: 'WebhookSecret',
                    id: 's1',
                    hint: 'whsec_c2V…',
                    createdAt: '2026-11-23T09:12:44.120Z',
                    expiresAt: null,
                  },
                ],
              }
            : null,
          userErrors: (result.errors ?? []).map((e) => ({ __typename: 'UserError', ...e })),
        },
      },
    },
  };
}

describe('RegisterEndpointForm', () => {
  it('puts a refused address under the URL, keeps what was typed, then shows the new secret once', async () => {
    const user = userEvent.setup();
    render(
      <MockedProvider
        mocks={[
          answer('http://127.0.0.1:8080/hooks', {
            errors: [{ field: 'url', code: 'NOT_ALLOWED', message: REFUSAL }],
          }),
          answer('https://ops.example.com/hooks', { secret: SECRET }),
        ]}
      >
        <RegisterEndpointForm />
      </MockedProvider>,
    );
    const url = screen.getByLabelText<HTMLInputElement>('Endpoint URL');
    const description = screen.getByLabelText<HTMLInputElement>('Description (optional)');
    const event = screen.getByRole<HTMLInputElement>('checkbox', {
      name: /An engagement moves to another status/,
    });
    await user.type(url, 'http://127.0.0.1:8080/hooks');
    await user.type(description, 'Operations board');
    await user.click(event);
    await user.click(screen.getByRole('button', { name: 'Register endpoint' }));

    const refusal = await screen.findByText(REFUSAL);
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(url.getAttribute('aria-describedby')).toContain(refusal.parentElement?.id);
    await waitFor(() => expect(document.activeElement).toBe(url));
    expect(url.value).toBe('http://127.0.0.1:8080/hooks');
    expect(description.value).toBe('Operations board');
    expect(event.checked).toBe(true);
    expect(screen.queryByLabelText('Signing secret')).toBeNull();

    await user.clear(url);
    await user.type(url, 'https://ops.example.com/hooks');
    await user.click(screen.getByRole('button', { name: 'Register endpoint' }));

    const secret = await screen.findByLabelText<HTMLInputElement>('Signing secret');
    expect(secret.value).toBe(SECRET);
    expect(secret.readOnly).toBe(true);
    expect(screen.getByRole('status').textContent).toContain('it won’t be shown again');
    expect(screen.getByRole('button', { name: 'Copy secret' })).toBeTruthy();
    // The form is ready for the next endpoint, without the refusal of the first attempt.
    expect(url.value).toBe('');
    expect(url.getAttribute('aria-invalid')).toBeNull();
    expect(event.checked).toBe(false);
    expect(screen.queryByText(REFUSAL)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByLabelText('Signing secret')).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('names the events field when none is chosen', async () => {
    const user = userEvent.setup();
    const message = 'Choose at least one event.';
    render(
      <MockedProvider
        mocks={[
          {
            request: {
              query: CreateWebhookEndpointMutation,
              variables: { input: { url: 'https://ops.example.com/hooks', events: [], description: null } },
            },
            result: {
              data: {
                createWebhookEndpoint: {
                  __typename: 'CreateWebhookEndpointPayload',
                  secret: null,
                  endpoint: null,
                  userErrors: [{ __typename: 'UserError', field: 'events', code: 'INVALID', message }],
                },
              },
            },
          },
        ]}
      >
        <RegisterEndpointForm />
      </MockedProvider>,
    );
    await user.type(screen.getByLabelText('Endpoint URL'), 'https://ops.example.com/hooks');
    await user.click(screen.getByRole('button', { name: 'Register endpoint' }));
    await screen.findByText(message);
    const events = screen.getByRole('group', { name: 'Events to send' });
    expect(events.getAttribute('aria-describedby')).toBe(screen.getByText(message).parentElement?.id);
    for (const box of screen.getAllByRole('checkbox')) expect(box.getAttribute('aria-invalid')).toBe('true');
  });
});
