import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CriteriaPicker } from './CriteriaPicker';
import { LinkPromiseToCriteriaMutation, type LinkableFramework, type PromiseLink } from './promise-links';

const FRAMEWORKS: LinkableFramework[] = [
  {
    key: 'aeiou-values',
    name: 'A-E-I-O-U service values',
    sections: [
      {
        key: 'accountable',
        title: 'Accountable',
        criteria: [
          { key: 'ownership', prompt: 'The first person reached owns the issue.' },
          { key: 'commitments', prompt: 'Call-backs and promised dates are met.' },
        ],
      },
      {
        key: 'energetic',
        title: 'Energetic',
        criteria: [{ key: 'pace', prompt: 'Requests are handled briskly.' }],
      },
    ],
  },
  {
    key: 'four-rewards',
    name: 'Four rewards',
    sections: [
      { key: 'repeat', title: 'Repeat business', criteria: [{ key: 'return', prompt: 'Customers return.' }] },
    ],
  },
];
const PROMISE = { key: 'p1', title: 'We call back when we say we will' };
const LINKS: PromiseLink[] = [
  { promiseKey: 'p1', frameworkKey: 'aeiou-values', criterionKey: 'commitments' },
];

function linkAnswer(criterionKeys: string[], userErrors: object[] = []): MockLink.MockedResponse {
  return {
    request: {
      query: LinkPromiseToCriteriaMutation,
      variables: {
        input: { charterId: 'ch1', promiseKey: 'p1', frameworkKey: 'aeiou-values', criterionKeys },
      },
    },
    delay: 50,
    result: {
      data: {
        linkPromiseToCriteria: {
          __typename: 'PromiseLinksPayload',
          links: userErrors.length
            ? null
            : criterionKeys.map((criterionKey) => ({
                __typename: 'PromiseCriterionLink',
                promiseKey: 'p1',
                frameworkKey: 'aeiou-values',
                criterionKey,
              })),
          userErrors: userErrors.map((e) => ({ __typename: 'UserError', ...e })),
        },
      },
    },
  };
}

function renderPicker(mocks: MockLink.MockedResponse[], onDone = vi.fn()) {
  render(
    <MockedProvider mocks={mocks}>
      <CriteriaPicker
        charterId="ch1"
        promise={PROMISE}
        frameworks={FRAMEWORKS}
        links={LINKS}
        onDone={onDone}
      />
    </MockedProvider>,
  );
  return onDone;
}

describe('CriteriaPicker', () => {
  it('starts from the framework and criteria already linked, and saves the ticked set in framework order', async () => {
    const user = userEvent.setup();
    const onDone = renderPicker([linkAnswer(['ownership', 'commitments', 'pace'])]);
    expect(screen.getByRole('form', { name: `Criteria that test “${PROMISE.title}”` })).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('Audit framework').value).toBe('aeiou-values');
    const criteria = screen.getByRole('group', { name: 'Criteria of A-E-I-O-U service values' });
    expect(
      within(criteria).getByRole('checkbox', { name: 'Call-backs and promised dates are met.' }),
    ).toHaveProperty('checked', true);
    expect(within(criteria).getByRole('group', { name: 'Energetic' })).toBeTruthy();

    // Keyboard only: tab to a box, tick it with space.
    await user.click(screen.getByRole('checkbox', { name: 'Requests are handled briskly.' }));
    screen.getByRole('checkbox', { name: 'The first person reached owns the issue.' }).focus();
    await user.keyboard(' ');
    await user.click(screen.getByRole('button', { name: 'Save links' }));
    expect(screen.getByRole('button', { name: 'Saving links…' })).toHaveProperty('disabled', true);
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(true));
  });

  it('shows another framework\u2019s criteria unticked when it has no links yet', async () => {
    const user = userEvent.setup();
    renderPicker([]);
    await user.selectOptions(screen.getByLabelText('Audit framework'), 'four-rewards');
    const criteria = screen.getByRole('group', { name: 'Criteria of Four rewards' });
    expect(within(criteria).getByRole('checkbox', { name: 'Customers return.' })).toHaveProperty(
      'checked',
      false,
    );
  });

  it('shows the API\u2019s errors on the criteria and above the form, and stays open', async () => {
    const user = userEvent.setup();
    const onDone = renderPicker([
      linkAnswer(
        [],
        [
          { field: 'criterionKeys.0', code: 'NOT_FOUND', message: 'The framework has no criterion "gone".' },
          { field: 'promiseKey', code: 'NOT_FOUND', message: 'This charter has no promise with this key.' },
        ],
      ),
    ]);
    await user.click(screen.getByRole('checkbox', { name: 'Call-backs and promised dates are met.' }));
    expect(screen.getByText('Saving with none ticked removes this framework’s links.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save links' }));
    const message = await screen.findByText('The framework has no criterion "gone".');
    const criteria = screen.getByRole('group', { name: 'Criteria of A-E-I-O-U service values' });
    expect(criteria.getAttribute('aria-describedby')).toBe(message.parentElement?.id);
    expect(screen.getByText('This charter has no promise with this key.')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('closes without saving on cancel', async () => {
    const user = userEvent.setup();
    const onDone = renderPicker([]);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onDone).toHaveBeenCalledWith(false);
  });
});
