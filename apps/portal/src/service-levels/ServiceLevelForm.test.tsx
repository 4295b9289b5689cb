import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ServiceLevelDefinitionInput } from '../generated/graphql';
import { ServiceLevelForm, newDefinitionValues } from './ServiceLevelForm';

type Answer = { userErrors: { field: string; message: string; code: string }[] };

function renderForm(send: (definition: ServiceLevelDefinitionInput) => Promise<Answer>) {
  const onSaved = vi.fn();
  render(
    <ServiceLevelForm
      label="Measure “We answer quickly”"
      start={newDefinitionValues({
        name: 'Calls answered within 20 seconds, target 90 %',
        goodRule: 'answered within',
        threshold: { value: 20, unit: 'SECONDS' },
        targetPercent: '90',
        timeZone: 'Europe/London',
      })}
      submitLabel="Set up the service level"
      pendingLabel="Setting up…"
      send={send}
      onSaved={onSaved}
      onCancel={() => undefined}
    />,
  );
  return onSaved;
}

describe('ServiceLevelForm', () => {
  it('sends the target as a share and the ticked days as business hours', async () => {
    const user = userEvent.setup();
    const sent: ServiceLevelDefinitionInput[] = [];
    const onSaved = renderForm(async (definition) => {
      sent.push(definition);
      return { userErrors: [] };
    });
    await user.clear(screen.getByLabelText('Target (%)'));
    await user.type(screen.getByLabelText('Target (%)'), '99,95');
    await user.click(screen.getByLabelText('The client is open at set hours only'));
    await user.click(screen.getByRole('checkbox', { name: 'Friday' }));
    await user.clear(screen.getByLabelText('Monday closes'));
    await user.type(screen.getByLabelText('Monday closes'), '24:00');
    await user.type(screen.getByLabelText('Abandoned and excluded events'), 'None: every call counts.');
    await user.click(screen.getByRole('button', { name: 'Set up the service level' }));
    expect(onSaved).toHaveBeenCalledOnce();
    expect(sent[0]).toMatchObject({
      name: 'Calls answered within 20 seconds, target 90 %',
      eventKind: 'CALL',
      threshold: { value: 20, unit: 'SECONDS' },
      target: 0.9995,
      period: 'WEEK',
      timeZone: 'Europe/London',
      exclusionRule: 'None: every call counts.',
    });
    expect(sent[0]!.businessHours).toEqual([
      { day: 'MONDAY', opens: '08:00', closes: '24:00' },
      { day: 'TUESDAY', opens: '08:00', closes: '18:00' },
      { day: 'WEDNESDAY', opens: '08:00', closes: '18:00' },
      { day: 'THURSDAY', opens: '08:00', closes: '18:00' },
    ]);
  });

  it('says what is wrong with the target before sending, and puts the API’s errors on their fields', async () => {
    const user = userEvent.setup();
    const send = vi.fn(async (): Promise<Answer> => ({
      userErrors: [
        {
          field: 'definition.exclusionRule',
          message: 'The rule for abandoned or excluded events is required.',
          code: 'REQUIRED',
        },
        // The second day sent is Tuesday: the error lands on Tuesday's closing time.
        {
          field: 'definition.businessHours.1.closes',
          message: 'Closing time must be after the opening time.',
          code: 'INVALID',
        },
      ],
    }));
    renderForm(send);
    await user.clear(screen.getByLabelText('Target (%)'));
    await user.type(screen.getByLabelText('Target (%)'), '90.125');
    await user.click(screen.getByRole('button', { name: 'Set up the service level' }));
    expect(await screen.findByText('The target can have at most two decimals, e.g. 99.95 %.')).toBeTruthy();
    expect(send).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Target (%)'));
    await user.type(screen.getByLabelText('Target (%)'), '90');
    await user.click(screen.getByLabelText('The client is open at set hours only'));
    await user.click(screen.getByRole('button', { name: 'Set up the service level' }));
    expect(await screen.findByText('Closing time must be after the opening time.')).toBeTruthy();
    expect(screen.getByLabelText('Tuesday closes').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Abandoned and excluded events').getAttribute('aria-invalid')).toBe('true');
  });
});
