import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ConfirmSignUpMutation, ConfirmSignUpPage } from './ConfirmSignUpPage';

const TOKEN = 'csu_abc123';
const PASSWORD = 'kind words travel far';

function payload(member: boolean, userErrors: { field: string; message: string; code: string }[] = []) {
  return {
    data: {
      confirmSignUp: {
        __typename: 'AuthPayload',
        member: member ? { __typename: 'Member', id: 'm1', name: 'Ava Patel', role: 'ADMIN' } : null,
        userErrors: userErrors.map((error) => ({ __typename: 'UserError', ...error })),
      },
    },
  };
}

function renderPage(
  mock: Omit<MockLink.MockedResponse, 'request'> | null,
  entry = `/sign-up/confirm#token=${TOKEN}`,
) {
  const mocks = mock
    ? [
        {
          request: {
            query: ConfirmSignUpMutation,
            variables: { input: { token: TOKEN, password: PASSWORD } },
          },
          ...mock,
        },
      ]
    : [];
  render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={[entry]}>
        <Routes>
          <Route path="/sign-up/confirm" element={<ConfirmSignUpPage />} />
          <Route path="/" element={<p>Home page</p>} />
          <Route path="/sign-in" element={<p>Sign-in page</p>} />
          <Route path="/sign-up" element={<p>Sign-up page</p>} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

async function submit() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Password'), PASSWORD);
  await user.click(screen.getByRole('button', { name: 'Create account and sign in' }));
}

describe('ConfirmSignUpPage', () => {
  it('creates the account with the link and the password, waits while it does, and goes home', async () => {
    renderPage({ delay: 200, result: payload(true) });
    await submit();
    expect(screen.getByRole('button', { name: 'Creating your account…' })).toHaveProperty('disabled', true);
    expect(await screen.findByText('Home page')).toBeTruthy();
  });

  it('shows a wrong password under the password input and keeps the form', async () => {
    const message = 'This is not the password chosen when signing up.';
    renderPage({ result: payload(false, [{ field: 'password', code: 'INVALID', message }]) });
    await submit();
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
  });

  it('explains an expired link and offers to sign up again, without the form', async () => {
    const message = 'This sign-up link has expired (links last 24 hours). Sign up again to get a new one.';
    renderPage({ result: payload(false, [{ field: 'token', code: 'INVALID', message }]) });
    await submit();
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.queryByLabelText('Password')).toBeNull();
    await userEvent.setup().click(screen.getByRole('link', { name: 'Sign up again' }));
    expect(screen.getByText('Sign-up page')).toBeTruthy();
  });

  it('sends a used link to sign in, since the account exists', async () => {
    const message =
      'This sign-up link was already used, so the account exists. Sign in with your email and password.';
    renderPage({ result: payload(false, [{ field: 'token', code: 'CONFLICT', message }]) });
    await submit();
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.queryByRole('link', { name: 'Sign up again' })).toBeNull();
    await userEvent.setup().click(screen.getByRole('link', { name: 'Go to sign in' }));
    expect(screen.getByText('Sign-in page')).toBeTruthy();
  });

  it('says the link is incomplete when it carries no token', async () => {
    renderPage(null, '/sign-up/confirm');
    expect(screen.getByRole('alert').textContent).toMatch(/needs the whole link/);
    expect(screen.queryByLabelText('Password')).toBeNull();
  });

  it('shows a banner when the request fails, and keeps the form', async () => {
    renderPage({ error: new TypeError('Failed to fetch') });
    await submit();
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('Could not create the account');
    expect(screen.getByLabelText('Password')).toBeTruthy();
  });
});
