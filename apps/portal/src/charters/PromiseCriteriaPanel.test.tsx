import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PromiseCriteriaPanel } from './PromiseCriteriaPanel';
import { PromiseCriteriaQuery, linkablePromises } from './promise-links';

const FRAMEWORK = {
  __typename: 'AuditFramework',
  key: 'aeiou-values',
  name: 'A-E-I-O-U service values',
  sections: [
    {
      __typename: 'AuditFrameworkSection',
      key: 'accountable',
      title: 'Accountable',
      criteria: [{ __typename: 'AuditCriterion', key: 'commitments', prompt: 'Call-backs are met.' }],
    },
  ],
};
const PROMISES = [
  { key: 'p1', title: 'We call back' },
  { key: 'p2', title: 'We say sorry' },
];

function renderPanel(frameworks: object[], links: object[]) {
  const mocks = [
    {
      request: { query: PromiseCriteriaQuery, variables: { charterId: 'ch1' } },
      result: { data: { auditFrameworks: frameworks, promiseLinks: links } },
    },
  ];
  render(
    <MockedProvider mocks={mocks}>
      <PromiseCriteriaPanel charterId="ch1" promises={PROMISES} />
    </MockedProvider>,
  );
}

describe('PromiseCriteriaPanel', () => {
  it('says so when there is no framework to link to', async () => {
    renderPanel([], []);
    expect(await screen.findByText('No audit frameworks yet')).toBeTruthy();
  });

  it('lists each promise\u2019s linked criteria and opens the picker from a labelled button', async () => {
    const user = userEvent.setup();
    renderPanel(
      [FRAMEWORK],
      [
        {
          __typename: 'PromiseCriterionLink',
          promiseKey: 'p1',
          frameworkKey: 'aeiou-values',
          criterionKey: 'commitments',
        },
      ],
    );
    const linked = await screen.findByRole('list', { name: 'Criteria linked to “We call back”' });
    expect(within(linked).getByRole('listitem').textContent).toBe(
      'A-E-I-O-U service values Call-backs are met.',
    );
    expect(screen.getByText('Not linked to any criterion yet.')).toBeTruthy();
    const open = screen.getByRole('button', { name: 'Link criteria for “We say sorry”' });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    await user.click(open);
    expect(open.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('form', { name: 'Criteria that test “We say sorry”' })).toBeTruthy();
  });

  it('offers the draft\u2019s saved promises, then those in force that the draft dropped', () => {
    expect(
      linkablePromises(
        [
          { key: 'b', title: 'B' },
          { key: 'a', title: 'A' },
        ],
        [
          { key: 'a', title: 'A' },
          { key: 'c', title: 'C' },
        ],
      ).map((p) => p.key),
    ).toEqual(['b', 'a', 'c']);
  });
});
