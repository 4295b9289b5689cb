import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { SignUpMutation, SignUpPage } from './SignUpPage';

const INPUT = {
  consultancyName: 'Northwind Service',
  name: 'Ava Patel',
  email: 'ava@northwind.example',
  password: 'short',
};

function payload(sent: boolean, userErrors: { field: string; message: string; code: string }[] = []) {
  return {
    data: {
      signUp: {
        __typename: 'SignUpPayload',
        confirmationSent: sent,
        userErrors: userErrors.map((error) => ({ __typename: 'UserError', ...error })),
      },
    },
  };
}

function renderPage(mock: Omit<MockLink.MockedResponse, 'request'>) {
  const mocks = [{ request: { query: SignUpMutation, variables: { input: INPUT } }, ...mock }];
  render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter initialEntries={['/sign-up']}>
        <Routes>
          <Route path="/sign-up" element={<SignUpPage />} />
          <Route path="/" element={<p>Home page</p>} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

async function fillAndSubmit() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Consultancy name'), INPUT.consultancyName);
  await user.type(screen.getByLabelText('Your name'), INPUT.name);
  await user.type(screen.getByLabelText('Work email'), INPUT.email);
  await user.type(screen.getByLabelText('Password'), INPUT.password);
  await user.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('SignUpPage', () => {
  it('shows a user error under the input it names, keeps what was typed and focuses the field', async () => {
    renderPage({
      delay: 200,
      result: payload(false, [
        { field: 'password', message: 'Password must be at least 10 characters.', code: 'TOO_SHORT' },
      ]),
    });
    await fillAndSubmit();
    expect(screen.getByRole('button', { name: 'Sending your link…' })).toHaveProperty('disabled', true);

    const message = await screen.findByText('Password must be at least 10 characters.');
    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-describedby')).toContain(message.parentElement?.id);
    // Focus moves in an effect after the error renders, so wait for it rather than racing it.
    await waitFor(() => expect(document.activeElement).toBe(password));
    expect(screen.getByLabelText('Work email').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Consultancy name').value).toBe(INPUT.consultancyName);
    expect(screen.getByLabelText<HTMLInputElement>('Password').value).toBe(INPUT.password);
    expect(screen.getByRole('button', { name: 'Create account' })).toHaveProperty('disabled', false);
  });

  it('shows a banner when the request fails, and keeps the form as typed', async () => {
    renderPage({ error: new TypeError('Failed to fetch') });
    await fillAndSubmit();
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('Could not create the account');
    expect(banner.textContent).toContain('Check your connection');
    expect(screen.getByLabelText<HTMLInputElement>('Your name').value).toBe(INPUT.name);
  });

  it('asks to check the inbox once the link is sent, without signing in or going home', async () => {
    renderPage({ result: payload(true) });
    await fillAndSubmit();
    const heading = await screen.findByRole('heading', { name: 'Check your inbox' });
    expect(screen.getByRole('status').textContent).toBe(`We sent a link to ${INPUT.email}.`);
    expect(screen.getByText(/within 24 hours/).textContent).toMatch(/enter the password you just chose/);
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.queryByText('Home page')).toBeNull();
  });

  it('goes back to an empty form to use a different email', async () => {
    renderPage({ result: payload(true) });
    await fillAndSubmit();
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Use a different email' }));
    expect(screen.getByLabelText<HTMLInputElement>('Work email').value).toBe('');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/Create your consultancy/);
  });
});
