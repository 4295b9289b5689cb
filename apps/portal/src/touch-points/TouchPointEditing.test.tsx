import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  LinkCriterionMutation,
  LinkPromiseMutation,
  TouchPointChoicesQuery,
  UnlinkCriterionMutation,
  UnlinkPromiseMutation,
  UpdateTouchPointMutation,
} from './documents';
import { CriterionLinkForm, PromiseLinkForm, TouchPointDetailsForm, UnlinkButton } from './TouchPointEditing';

const POINT = { id: 't1', name: 'Help line', channel: 'PHONE' as const, owningTeam: 'Contact centre' };

function withMocks(mocks: MockLink.MockedResponse[], children: ReactNode) {
  return render(<MockedProvider mocks={mocks}>{children}</MockedProvider>);
}

function userError(field: string, message: string, code = 'INVALID') {
  return { __typename: 'UserError', field, message, code };
}

function touchPointPayload(field: string, touchPoint: object | null, userErrors: object[] = []) {
  return {
    data: { [field]: { __typename: 'TouchPointPayload', touchPoint, userErrors } },
  };
}

function updateMock(
  input: { name: string; channel: string; owningTeam: string },
  userErrors: object[] = [],
): MockLink.MockedResponse {
  return {
    request: { query: UpdateTouchPointMutation, variables: { input: { id: 't1', ...input } } },
    result: touchPointPayload(
      'updateTouchPoint',
      userErrors.length ? null : { __typename: 'TouchPoint', id: 't1', ...input },
      userErrors,
    ),
  };
}

/** The linkable things: a published charter's promises (or none), the audited frameworks and their criteria. */
function choicesMock(
  promises: { key: string; title: string }[] | null,
  auditedFrameworks: string[] = ['aeiou-values'],
): MockLink.MockedResponse {
  return {
    request: { query: TouchPointChoicesQuery, variables: { clientId: 'c1' } },
    result: {
      data: {
        client: {
          __typename: 'Client',
          id: 'c1',
          charter: {
            __typename: 'Charter',
            id: 'ch1',
            published: promises && {
              __typename: 'CharterVersion',
              id: 'v1',
              promises: promises.map((p) => ({ __typename: 'CharterPromise', ...p })),
            },
          },
          audits: auditedFrameworks.map((key, i) => ({
            __typename: 'Audit',
            id: `a${i}`,
            framework: { __typename: 'AuditFramework', key },
          })),
        },
        auditFrameworks: [
          {
            __typename: 'AuditFramework',
            key: 'aeiou-values',
            name: 'A-E-I-O-U service values',
            sections: [
              {
                __typename: 'AuditSection',
                key: 'a',
                criteria: [
                  {
                    __typename: 'AuditCriterion',
                    key: 'commitments-kept',
                    prompt: 'Commitments are <i>kept</i>',
                  },
                  { __typename: 'AuditCriterion', key: 'owned', prompt: 'Someone owns each problem' },
                ],
              },
            ],
          },
          {
            __typename: 'AuditFramework',
            key: 'other',
            name: 'Not audited',
            sections: [
              {
                __typename: 'AuditSection',
                key: 'b',
                criteria: [{ __typename: 'AuditCriterion', key: 'x', prompt: 'Never offered' }],
              },
            ],
          },
        ],
      },
    },
  };
}

describe('TouchPointDetailsForm', () => {
  it('saves a new name, channel and owning team in one change, and reports it saved', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    withMocks(
      [updateMock({ name: 'Help line (24/7)', channel: 'CHAT', owningTeam: 'Digital service' })],
      <TouchPointDetailsForm point={POINT} onSaved={onSaved} />,
    );
    const form = screen.getByRole('form', { name: 'Change the touch point' });
    const name = within(form).getByLabelText('Name') as HTMLInputElement;
    expect(name.value).toBe('Help line');
    expect((within(form).getByLabelText('Channel') as HTMLSelectElement).value).toBe('PHONE');
    await user.clear(name);
    await user.type(name, 'Help line (24/7)');
    await user.selectOptions(within(form).getByLabelText('Channel'), 'CHAT');
    const team = within(form).getByLabelText('Owning team');
    await user.clear(team);
    await user.type(team, 'Digital service');
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows each refusal under the field it names, keeps what was typed, and does not call it saved', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    withMocks(
      [
        updateMock({ name: ' ', channel: 'PHONE', owningTeam: ' ' }, [
          userError('name', 'Give the touch point a name.'),
          userError('owningTeam', 'Say which team owns it.'),
        ]),
      ],
      <TouchPointDetailsForm point={POINT} onSaved={onSaved} />,
    );
    const name = screen.getByLabelText('Name') as HTMLInputElement;
    const team = screen.getByLabelText('Owning team') as HTMLInputElement;
    await user.clear(name);
    await user.type(name, ' ');
    await user.clear(team);
    await user.type(team, ' ');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Give the touch point a name.',
    );
    expect(team.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(team.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Say which team owns it.',
    );
    expect(screen.getByLabelText('Channel').getAttribute('aria-invalid')).toBeNull();
    // Focus goes to the first field to fix, once the form has shown the errors (an effect after that render).
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(name.value).toBe(' ');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('shows markup in a name as text', () => {
    const { container } = withMocks(
      [],
      <TouchPointDetailsForm point={{ ...POINT, name: 'Web chat <b>now</b>' }} onSaved={() => undefined} />,
    );
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Web chat <b>now</b>');
    expect(container.querySelector('b')).toBeNull();
  });
});

describe('PromiseLinkForm', () => {
  it('offers only the promises not yet linked, with markup as text, and links the one chosen', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    const { container } = withMocks(
      [
        choicesMock([
          { key: 'p1', title: 'We answer <b>fast</b>' },
          { key: 'p2', title: 'We call back' },
          { key: 'p3', title: 'We explain the fee' },
        ]),
        {
          request: { query: LinkPromiseMutation, variables: { input: { id: 't1', promiseKey: 'p3' } } },
          result: touchPointPayload('linkTouchPointPromise', { __typename: 'TouchPoint', id: 't1' }),
        },
      ],
      <PromiseLinkForm touchPointId="t1" clientId="c1" linked={['p2']} onSaved={onSaved} />,
    );
    const select = await screen.findByLabelText('Promise');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['We answer <b>fast</b>', 'We explain the fee']);
    expect(container.querySelector('b')).toBeNull();
    await user.selectOptions(select, 'p3');
    await user.click(screen.getByRole('button', { name: 'Link promise' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
  });

  it('shows a refused link under the promise select', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    withMocks(
      [
        choicesMock([{ key: 'p1', title: 'We answer fast' }]),
        {
          request: { query: LinkPromiseMutation, variables: { input: { id: 't1', promiseKey: 'p1' } } },
          result: touchPointPayload('linkTouchPointPromise', null, [
            userError('promiseKey', 'This promise is no longer in the published charter.', 'NOT_FOUND'),
          ]),
        },
      ],
      <PromiseLinkForm touchPointId="t1" clientId="c1" linked={[]} onSaved={onSaved} />,
    );
    await user.click(await screen.findByRole('button', { name: 'Link promise' }));
    const select = screen.getByLabelText('Promise');
    await waitFor(() => expect(select.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(select.getAttribute('aria-describedby')!)?.textContent).toBe(
      'This promise is no longer in the published charter.',
    );
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('says when there is no published charter to link from', async () => {
    withMocks(
      [choicesMock(null)],
      <PromiseLinkForm touchPointId="t1" clientId="c1" linked={[]} onSaved={() => undefined} />,
    );
    expect(await screen.findByText('Publish the client’s charter to link its promises here.')).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('says every promise is linked when none is left to offer', async () => {
    withMocks(
      [choicesMock([{ key: 'p1', title: 'We answer fast' }])],
      <PromiseLinkForm touchPointId="t1" clientId="c1" linked={['p1']} onSaved={() => undefined} />,
    );
    expect(await screen.findByText('Every promise of the charter is linked.')).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
  });
});

describe('CriterionLinkForm', () => {
  it('offers the audited frameworks’ criteria not yet linked, by wording, and links one by its keys', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    const { container } = withMocks(
      [
        choicesMock([]),
        {
          request: {
            query: LinkCriterionMutation,
            variables: {
              input: { id: 't1', frameworkKey: 'aeiou-values', criterionKey: 'commitments-kept' },
            },
          },
          result: touchPointPayload('linkTouchPointCriterion', { __typename: 'TouchPoint', id: 't1' }),
        },
      ],
      <CriterionLinkForm touchPointId="t1" clientId="c1" linked={[]} onSaved={onSaved} />,
    );
    const select = await screen.findByLabelText('Audit criterion');
    // Never a framework the client has not been audited on; markup in a prompt is text.
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'A-E-I-O-U service values: Commitments are <i>kept</i>',
      'A-E-I-O-U service values: Someone owns each problem',
    ]);
    expect(container.querySelector('i')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Link criterion' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
  });

  it('files a refusal of the criterion’s key under the one select', async () => {
    const user = userEvent.setup();
    withMocks(
      [
        choicesMock([]),
        {
          request: {
            query: LinkCriterionMutation,
            variables: { input: { id: 't1', frameworkKey: 'aeiou-values', criterionKey: 'owned' } },
          },
          result: touchPointPayload('linkTouchPointCriterion', null, [
            userError('criterionKey', 'The client has not been audited on this criterion.', 'NOT_ALLOWED'),
          ]),
        },
      ],
      <CriterionLinkForm
        touchPointId="t1"
        clientId="c1"
        linked={[{ frameworkKey: 'aeiou-values', criterionKey: 'commitments-kept' }]}
        onSaved={() => undefined}
      />,
    );
    const select = await screen.findByLabelText('Audit criterion');
    expect(within(select).getAllByRole('option')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Link criterion' }));
    await waitFor(() => expect(select.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(select.getAttribute('aria-describedby')!)?.textContent).toBe(
      'The client has not been audited on this criterion.',
    );
  });

  it('says to audit the client first when no framework has been audited', async () => {
    withMocks(
      [choicesMock([], [])],
      <CriterionLinkForm touchPointId="t1" clientId="c1" linked={[]} onSaved={() => undefined} />,
    );
    expect(
      await screen.findByText('Audit the client on a framework to link its criteria here.'),
    ).toBeTruthy();
  });
});

describe('UnlinkButton', () => {
  it('unlinks a promise', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    withMocks(
      [
        {
          request: { query: UnlinkPromiseMutation, variables: { input: { id: 't1', promiseKey: 'p1' } } },
          result: touchPointPayload('unlinkTouchPointPromise', { __typename: 'TouchPoint', id: 't1' }),
        },
      ],
      <UnlinkButton label="Unlink “We answer fast”" touchPointId="t1" promiseKey="p1" onSaved={onSaved} />,
    );
    await user.click(screen.getByRole('button', { name: 'Unlink “We answer fast”' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
  });

  it('unlinks a criterion by its framework and key', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    const criterion = { frameworkKey: 'aeiou-values', criterionKey: 'owned' };
    withMocks(
      [
        {
          request: { query: UnlinkCriterionMutation, variables: { input: { id: 't1', ...criterion } } },
          result: touchPointPayload('unlinkTouchPointCriterion', { __typename: 'TouchPoint', id: 't1' }),
        },
      ],
      <UnlinkButton label="Unlink criterion" touchPointId="t1" criterion={criterion} onSaved={onSaved} />,
    );
    await user.click(screen.getByRole('button', { name: 'Unlink criterion' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
  });

  it('says when an unlink could not be sent', async () => {
    const user = userEvent.setup();
    const onSaved = vi.fn();
    withMocks(
      [
        {
          request: { query: UnlinkPromiseMutation, variables: { input: { id: 't1', promiseKey: 'p1' } } },
          error: new TypeError('Failed to fetch'),
        },
      ],
      <UnlinkButton label="Unlink" touchPointId="t1" promiseKey="p1" onSaved={onSaved} />,
    );
    await user.click(screen.getByRole('button', { name: 'Unlink' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Could not unlink');
    expect(onSaved).not.toHaveBeenCalled();
  });
});
