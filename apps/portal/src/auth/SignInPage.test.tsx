import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { SSO_REFUSALS } from '@csp/domain';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { SignInMethodQuery } from './sign-in-method';
import { UNKNOWN_REFUSAL } from './sign-in-notice';
import { SignInMutation, SignInPage } from './SignInPage';

const EMAIL = 'ana@harbour.example';
const SSO_URL = `/sso/start?email=${encodeURIComponent(EMAIL)}`;

function method(
  email: string,
  answer: { kind: 'PASSWORD' } | { kind: 'SSO'; passwordAllowed: boolean },
): MockLink.MockedResponse {
  const sso = answer.kind === 'SSO';
  return {
    request: { query: SignInMethodQuery, variables: { email } },
    result: {
      data: {
        signInMethod: {
          __typename: 'SignInMethod',
          kind: answer.kind,
          ssoUrl: sso ? SSO_URL : null,
          providerName: sso ? 'Harbour Okta' : null,
          passwordAllowed: sso ? answer.passwordAllowed : true,
        },
      },
    },
  };
}

const signedIn: MockLink.MockedResponse = {
  request: {
    query: SignInMutation,
    variables: { input: { email: EMAIL, password: 'kind words travel far' } },
  },
  result: {
    data: {
      signIn: {
        __typename: 'AuthPayload',
        member: { __typename: 'Member', id: 'm1', name: 'Ana', role: 'CONSULTANT' },
        userErrors: [],
      },
    },
  },
};

function renderPage(mocks: MockLink.MockedResponse[], address = '/sign-in') {
  const goTo = vi.fn();
  render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={[address]}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage goTo={goTo} />} />
          <Route path="/" element={<p>Home page</p>} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
  return { goTo, user: userEvent.setup() };
}

async function continueWith(user: ReturnType<typeof userEvent.setup>, email: string) {
  await user.type(screen.getByLabelText('Email'), email);
  await user.click(screen.getByRole('button', { name: 'Continue' }));
}

describe('SignInPage', () => {
  it('asks for the email first, then the password, and signs in', async () => {
    const { user } = renderPage([method(EMAIL, { kind: 'PASSWORD' }), signedIn]);
    expect(screen.queryByLabelText('Password')).toBeNull();
    await continueWith(user, EMAIL);
    const password = await screen.findByLabelText('Password');
    await waitFor(() => expect(document.activeElement).toBe(password));
    await user.type(password, 'kind words travel far');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Home page');
  });

  it('sends an email of a single sign-on domain on to its identity provider', async () => {
    const { user, goTo } = renderPage([method(EMAIL, { kind: 'SSO', passwordAllowed: true })]);
    await continueWith(user, EMAIL);
    await screen.findByText('Your organisation signs in with Harbour Okta.');
    expect(screen.queryByLabelText('Password')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Continue to Harbour Okta' }));
    expect(goTo).toHaveBeenCalledWith(SSO_URL);
  });

  it('offers a password instead while the domain still accepts one', async () => {
    const { user, goTo } = renderPage([method(EMAIL, { kind: 'SSO', passwordAllowed: true })]);
    await continueWith(user, EMAIL);
    await user.click(await screen.findByRole('button', { name: 'Use a password instead' }));
    expect(await screen.findByLabelText('Password')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Continue to/ })).toBeNull();
    expect(goTo).not.toHaveBeenCalled();
  });

  it('offers no password once SSO-only is on, except to the break-glass admin', async () => {
    const { user } = renderPage([method(EMAIL, { kind: 'SSO', passwordAllowed: false })]);
    await continueWith(user, EMAIL);
    await screen.findByRole('button', { name: 'Continue to Harbour Okta' });
    expect(screen.queryByRole('button', { name: 'Use a password instead' })).toBeNull();
    expect(screen.getByText(/Passwords are turned off for your organisation/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'I am the break-glass admin' }));
    expect(await screen.findByLabelText('Password')).toBeTruthy();
  });

  it('starts over when the email changes, as another domain may sign in another way', async () => {
    const { user } = renderPage([method(EMAIL, { kind: 'SSO', passwordAllowed: true })]);
    await continueWith(user, EMAIL);
    await screen.findByRole('button', { name: 'Continue to Harbour Okta' });
    await user.type(screen.getByLabelText('Email'), 'x');
    expect(screen.getByRole('button', { name: 'Continue' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Continue to/ })).toBeNull();
  });

  it('says so when it cannot ask how the email signs in, and keeps the email', async () => {
    const { user } = renderPage([
      { request: { query: SignInMethodQuery, variables: { email: EMAIL } }, error: new TypeError('Failed') },
    ]);
    await continueWith(user, EMAIL);
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('Could not check how you sign in');
    expect(screen.getByLabelText<HTMLInputElement>('Email').value).toBe(EMAIL);
    expect(screen.queryByLabelText('Password')).toBeNull();
  });

  it('explains a refused provider sign-in in the words of the shared catalogue', () => {
    renderPage([], '/sign-in?sso=EXPIRED');
    expect(screen.getByRole('alert').textContent).toContain(SSO_REFUSALS.EXPIRED);
  });

  it('still says something for a refusal code it does not know', () => {
    renderPage([], '/sign-in?sso=SOMETHING_NEW');
    expect(screen.getByRole('alert').textContent).toContain(UNKNOWN_REFUSAL);
  });

  it('tells someone waiting for an admin that nothing is wrong', () => {
    renderPage([], '/sign-in?sso=PENDING_APPROVAL');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain(SSO_REFUSALS.PENDING_APPROVAL);
  });

  it('confirms a sign-out', () => {
    renderPage([], '/sign-in?signedOut=1');
    expect(screen.getByRole('status').textContent).toBe('You have signed out. See you soon.');
  });
});
