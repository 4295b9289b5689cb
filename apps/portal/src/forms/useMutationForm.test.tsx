import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FormProblems } from './FormProblems';
import { SubmitButton } from './SubmitButton';
import { TextField } from './TextField';
import { useMutationForm, type Payload } from './useMutationForm';

const FIELDS = ['name', 'region'] as const;

function ClientForm({
  send,
  onSaved,
}: {
  send: (values: Record<(typeof FIELDS)[number], string>) => Promise<Payload | null>;
  onSaved: (values: Record<string, string>) => void;
}) {
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  return (
    <form ref={formRef} onSubmit={onSubmit(send, (_form, _payload, values) => onSaved(values))}>
      <FormProblems failure={failure} errors={errors} />
      <TextField name="name" label="Name" errors={errors.byField.name} />
      <TextField name="region" label="Region" errors={errors.byField.region} />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save
      </SubmitButton>
    </form>
  );
}

async function fillAndSave(name: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Name'), name);
  await user.click(screen.getByRole('button', { name: 'Save' }));
}

describe('useMutationForm', () => {
  it('sends the values once, disabled while pending, and calls onSaved with them on success', async () => {
    let answer: (payload: Payload) => void = () => {};
    const send = vi.fn(() => new Promise<Payload>((resolve) => (answer = resolve)));
    const onSaved = vi.fn();
    render(<ClientForm send={send} onSaved={onSaved} />);
    await fillAndSave('Harbour Water');
    const pending = screen.getByRole('button', { name: 'Saving…' }) as HTMLButtonElement;
    expect(pending.disabled).toBe(true);
    answer({ userErrors: [] });
    await screen.findByRole('button', { name: 'Save' });
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ name: 'Harbour Water', region: '' });
    expect(onSaved).toHaveBeenCalledWith({ name: 'Harbour Water', region: '' });
  });

  it('puts each user error under the field it names, the rest above the form, keeps the values, focuses the field', async () => {
    const onSaved = vi.fn();
    const send = vi.fn(async () => ({
      userErrors: [
        { field: 'input.name', message: 'A client with this name exists.' },
        { field: 'clientId', message: 'This client was archived.' },
      ],
    }));
    render(<ClientForm send={send} onSaved={onSaved} />);
    await fillAndSave('Harbour Water');
    const name = screen.getByLabelText('Name') as HTMLInputElement;
    await screen.findByText('A client with this name exists.');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.value).toBe('Harbour Water');
    // Focus moves in an effect after the errors render: wait for it rather than race it.
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(screen.getByRole('alert').textContent).toContain('This client was archived.');
    expect(screen.getByLabelText('Region').getAttribute('aria-invalid')).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('turns a network failure and a GraphQL error into one message above the form, not a field error', async () => {
    const onSaved = vi.fn();
    const send = vi
      .fn<() => Promise<Payload>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockRejectedValueOnce(
        new CombinedGraphQLErrors({ errors: [{ message: 'Your role does not allow this.' }] }),
      );
    render(<ClientForm send={send} onSaved={onSaved} />);
    await fillAndSave('Harbour Water');
    expect((await screen.findByRole('alert')).textContent).toContain('We could not reach Service Programme');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save' }));
    expect(
      (await screen.findByText('Your role does not allow this.')).closest('[role="alert"]'),
    ).not.toBeNull();
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('says a change needs a connection when the browser is offline, and keeps what was typed', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      const send = vi.fn<() => Promise<Payload>>().mockRejectedValue(new TypeError('Failed to fetch'));
      render(<ClientForm send={send} onSaved={vi.fn()} />);
      await fillAndSave('Harbour Water');
      expect((await screen.findByRole('alert')).textContent).toContain(
        'You are offline, so this was not saved. Changes need a connection',
      );
      expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Harbour Water');
    } finally {
      onLine.mockRestore();
    }
  });
});
