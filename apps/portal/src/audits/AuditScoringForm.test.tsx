import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AuditFrameworkFieldsFragment } from '../generated/graphql';
import { AuditScoringForm } from './AuditScoringForm';

const criterion = (
  key: string,
  prompt: string,
  extra: Partial<{ highIsBad: boolean; critical: boolean }> = {},
) => ({
  key,
  prompt,
  guidance: `Look for ${prompt.toLowerCase()}.`,
  weight: 1,
  highIsBad: false,
  critical: false,
  ...extra,
});

const FRAMEWORK: AuditFrameworkFieldsFragment = {
  key: 'test',
  version: 1,
  name: 'Test framework',
  summary: '',
  scale: [1, 2, 3, 4, 5].map((score) => ({ score, label: `Level ${score}` })),
  sections: [
    {
      key: 'people',
      title: 'People',
      weight: 1,
      criteria: [criterion('owner', 'Owners named', { critical: true }), criterion('calm', 'Calm voices')],
    },
    {
      key: 'process',
      title: 'Process',
      weight: 1,
      criteria: [criterion('queue', 'Long queues', { highIsBad: true })],
    },
  ],
};

function renderForm(onSave = vi.fn().mockResolvedValue({ userErrors: [] })) {
  render(<AuditScoringForm framework={FRAMEWORK} responses={[]} editable onSave={onSave} />);
  return onSave;
}

const liveScore = () => screen.getByRole('complementary', { name: 'Live scores' });

describe('AuditScoringForm', () => {
  it('scores from the keyboard: 1–5 and N, moving on to the next criterion each time', async () => {
    renderForm();
    const first = screen.getAllByRole('radio', { name: /^1/ })[0]!;
    first.focus();
    fireEvent.keyDown(first, { key: '5' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByRole('radio', { name: /^1/ })[1]));
    fireEvent.keyDown(document.activeElement!, { key: 'n' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByRole('radio', { name: /^1/ })[2]));
    fireEvent.keyDown(document.activeElement!, { key: '1' });

    expect((screen.getAllByRole('radio', { name: /^5/ })[0] as HTMLInputElement).checked).toBe(true);
    expect((screen.getAllByRole('radio', { name: 'N/A' })[1] as HTMLInputElement).checked).toBe(true);
    expect((screen.getAllByRole('radio', { name: /^1/ })[2] as HTMLInputElement).checked).toBe(true);
    expect(liveScore().textContent).toContain('2 scored, 1 not applicable, of 3');
  });

  it('shows live scores from the shared rules, turning high-is-bad criteria round', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getAllByRole('radio', { name: /^5/ })[0]!);
    await user.click(screen.getAllByRole('radio', { name: /^1/ })[2]!);
    // 5 on a normal criterion is 100 points; 1 on a high-is-bad one is 100 points too.
    expect(liveScore().textContent).toMatch(/100[.,]0/);
    await user.click(screen.getAllByRole('radio', { name: /^1/ })[0]!);
    expect(liveScore().textContent).toContain('Flagged');
  });

  it('sends only the changed answers with their evidence', async () => {
    const user = userEvent.setup();
    const onSave = renderForm();
    await user.click(screen.getAllByRole('radio', { name: /^4/ })[1]!);
    await user.type(screen.getAllByRole('textbox', { name: 'Evidence' })[1]!, 'Heard on 3 calls');
    await user.click(screen.getByRole('button', { name: /Save responses/ }));
    expect(onSave).toHaveBeenCalledWith([
      { criterionKey: 'calm', score: 4, notApplicable: false, evidence: 'Heard on 3 calls' },
    ]);
    await screen.findByText('Responses saved.');
  });

  it('puts an error on the criterion it names and keeps the answers', async () => {
    const user = userEvent.setup();
    renderForm(
      vi.fn().mockResolvedValue({
        userErrors: [{ field: 'responses.0.evidence', message: 'Evidence is too long.' }],
      }),
    );
    await user.click(screen.getAllByRole('radio', { name: /^3/ })[2]!);
    await user.click(screen.getByRole('button', { name: /Save responses/ }));
    await screen.findByText('Evidence is too long.');
    const group = screen.getByRole('group', { name: /Long queues/ });
    expect(group.hasAttribute('aria-describedby')).toBe(true);
    expect((screen.getAllByRole('radio', { name: /^3/ })[2] as HTMLInputElement).checked).toBe(true);
  });
});
