import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { CriterionDraft } from './criteria-state';
import { WeightEditor } from './WeightEditor';

const draft = (title: string, weight: string): CriterionDraft => ({
  localId: title,
  id: null,
  category: 'SKILL',
  title,
  weight,
  mustHave: false,
  evidence: 'Ask for an example.',
});

function Harness({
  initial,
  errors,
}: {
  initial: CriterionDraft[];
  errors?: (path: string) => string[] | undefined;
}) {
  const [criteria, setCriteria] = useState(initial);
  return <WeightEditor criteria={criteria} onChange={setCriteria} errors={errors} />;
}

describe('WeightEditor', () => {
  it('shows the live total and how far it is from 100', () => {
    render(<Harness initial={[draft('Empathy', '40'), draft('Product knowledge', '35')]} />);
    expect(screen.getByRole('status').textContent).toContain('Total weight: 75 of 100');
    expect(screen.getByRole('status').textContent).toContain('add 25 more');
  });

  it('updates the total as a weight is typed, and says when it is ready', async () => {
    const user = userEvent.setup();
    render(<Harness initial={[draft('Empathy', '40'), draft('Product knowledge', '35')]} />);
    const weight = screen.getByLabelText('Criterion 2 weight');
    await user.clear(weight);
    await user.type(weight, '60');
    expect(screen.getByRole('status').textContent).toContain('Total weight: 100 of 100');
    expect(screen.getByRole('status').textContent).toContain('Ready to score candidates.');
  });

  it('adds and removes criteria, and the total follows', async () => {
    const user = userEvent.setup();
    render(<Harness initial={[draft('Empathy', '100')]} />);
    await user.click(screen.getByRole('button', { name: 'Add a criterion' }));
    await user.type(screen.getByLabelText('Criterion 2 weight'), '10');
    expect(screen.getByRole('status').textContent).toContain('take away 10');
    await user.click(screen.getByRole('button', { name: 'Remove criterion 1' }));
    expect(screen.getByRole('status').textContent).toContain('Total weight: 10 of 100');
  });

  it('shows the API’s error on the criterion it names', () => {
    render(
      <Harness
        initial={[draft('Empathy', '0')]}
        errors={(path) =>
          path === 'criteria.0.weight' ? ['A weight is a whole number from 1 to 100.'] : undefined
        }
      />,
    );
    expect(screen.getByText('A weight is a whole number from 1 to 100.')).toBeTruthy();
    expect(screen.getByLabelText('Criterion 1 weight').getAttribute('aria-invalid')).toBe('true');
  });
});
