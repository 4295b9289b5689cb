import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DigestForm } from './DigestForm';
import { SetDigestSettingsMutation } from './documents';

const digest = {
  __typename: 'DigestSettings' as const,
  cadence: 'DAILY' as const,
  weekday: null,
  timeZone: 'Europe/London',
  isDefault: false,
  nextDigestAt: '2026-03-29T07:00:00.000Z',
};

function saving(input: object, userErrors: object[] = []): MockLink.MockedResponse {
  return {
    request: { query: SetDigestSettingsMutation, variables: { input } },
    result: {
      data: {
        setDigestSettings: {
          __typename: 'EmailPreferencesPayload',
          preferences: userErrors.length
            ? null
            : {
                __typename: 'EmailPreferences',
                kinds: [],
                digest: {
                  ...digest,
                  cadence: 'WEEKLY',
                  weekday: 5,
                  nextDigestAt: '2026-04-03T07:00:00.000Z',
                },
              },
          userErrors: userErrors.map((e) => ({ __typename: 'UserError', ...e })),
        },
      },
    },
  };
}

function show(mocks: MockLink.MockedResponse[], settings = digest) {
  render(
    <MockedProvider mocks={mocks}>
      <DigestForm digest={settings} />
    </MockedProvider>,
  );
  return userEvent.setup();
}

describe('DigestForm', () => {
  it('says when the next digest comes, on the chosen zone’s clock, and asks for a day only when weekly', async () => {
    const user = show([saving({ cadence: 'WEEKLY', weekday: 5, timeZone: 'Europe/London' })]);
    // 07:00 UTC on 29 March 2026 is 08:00 in London, the first morning of summer time.
    expect(screen.getByRole('status').textContent).toMatch(/Next digest: .*8:00.*\(Europe\/London\)/);
    expect(screen.queryByLabelText('On')).toBeNull();
    expect((screen.getByLabelText('Time zone') as HTMLSelectElement).value).toBe('Europe/London');
    await user.selectOptions(screen.getByLabelText('How often'), 'WEEKLY');
    await user.selectOptions(screen.getByLabelText('On'), 'Friday');
    await user.click(screen.getByRole('button', { name: 'Save digest settings' }));
    expect(await screen.findByText(/\(saved\)/)).toBeTruthy();
  });

  it('shows the API’s refusal under the time zone and keeps the choice', async () => {
    const user = show([
      saving({ cadence: 'DAILY', weekday: null, timeZone: 'Europe/London' }, [
        { field: 'timeZone', code: 'INVALID', message: 'This is not a time zone we know.' },
      ]),
    ]);
    await user.click(screen.getByRole('button', { name: 'Save digest settings' }));
    await screen.findByText('This is not a time zone we know.');
    const zone = screen.getByLabelText('Time zone');
    expect(zone.getAttribute('aria-invalid')).toBe('true');
    expect((zone as HTMLSelectElement).value).toBe('Europe/London');
  });

  it('offers the browser’s own zone while the digest is still the default', () => {
    show([], { ...digest, isDefault: true, timeZone: 'UTC' });
    const browser = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect((screen.getByLabelText('Time zone') as HTMLSelectElement).value).toBe(browser);
    expect(screen.getByRole('status').textContent).toContain('Until you save');
  });
});
