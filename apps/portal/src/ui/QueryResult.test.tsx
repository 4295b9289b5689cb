import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Link } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { QueryResult, type QueryLike } from './QueryResult';

interface Data {
  client: { id: string; name: string } | null;
}

function renderClient(query: QueryLike<Data>) {
  render(
    <MemoryRouter>
      <QueryResult
        query={query}
        what="the client"
        select={(data) => data.client}
        notFound={{
          title: 'Client not found',
          message: 'There is no such client in your consultancy.',
          back: <Link to="/">Go to your clients</Link>,
        }}
      >
        {(client) => <h1>{client.name}</h1>}
      </QueryResult>
    </MemoryRouter>,
  );
}

describe('QueryResult', () => {
  it('shows the thing once it has loaded, and says it is loading before', () => {
    renderClient({ loading: true });
    expect(screen.getByRole('status').textContent).toBe('Loading the client…');
    cleanupAndRender({ loading: false, data: { client: { id: 'c1', name: 'Harbour Water' } } });
    expect(screen.getByRole('heading', { name: 'Harbour Water' })).toBeTruthy();
  });

  it('says "not found", with the way back, when the API answers without the thing', () => {
    renderClient({ loading: false, data: { client: null } });
    expect(screen.getByRole('heading', { name: 'Client not found' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('There is no such client in your consultancy.');
    expect(screen.getByRole('link', { name: 'Go to your clients' }).getAttribute('href')).toBe('/');
    expect(screen.queryByText(/could not reach/i)).toBeNull();
  });

  it('says "not found" for a skipped query (nothing to ask for) and for an API error coded NOT_FOUND', () => {
    renderClient({ loading: false });
    expect(screen.getByRole('heading', { name: 'Client not found' })).toBeTruthy();
    cleanupAndRender({
      loading: false,
      error: new CombinedGraphQLErrors({
        errors: [{ message: 'No client has this id.', extensions: { code: 'NOT_FOUND' } }],
      }),
    });
    expect(screen.getByRole('heading', { name: 'Client not found' })).toBeTruthy();
  });

  it('says a network failure is one, with a retry, and never "not found"', async () => {
    const refetch = vi.fn();
    renderClient({ loading: false, error: new TypeError('Failed to fetch'), refetch });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('We could not reach Service Programme');
    expect(alert.textContent).toContain('Check your connection and try again.');
    expect(screen.queryByText('Client not found')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('gives any other failure in the API’s words, not as a connection problem', () => {
    renderClient({
      loading: false,
      error: new CombinedGraphQLErrors({
        errors: [{ message: 'Your role does not allow this.', extensions: { code: 'FORBIDDEN' } }],
      }),
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Could not load the client');
    expect(alert.textContent).toContain('Your role does not allow this.');
    expect(alert.textContent).not.toContain('could not reach');
  });

  it('says "you are offline" for a connection failure while the browser is offline, still with a retry', () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      renderClient({ loading: false, error: new TypeError('Failed to fetch'), refetch: vi.fn() });
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toContain('You are offline');
      expect(alert.textContent).toContain('Loading the client needs a connection.');
      expect(alert.textContent).not.toContain('Check your connection');
      expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    } finally {
      onLine.mockRestore();
    }
  });
});

function cleanupAndRender(query: QueryLike<Data>) {
  cleanup();
  renderClient(query);
}
