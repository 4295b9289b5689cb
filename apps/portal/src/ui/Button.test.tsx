import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Button } from './Button';

describe('Button', () => {
  it('is a plain button unless told to submit, so a button inside a form does not send it', async () => {
    const user = userEvent.setup();
    const submitted = vi.fn((event: SubmitEvent) => event.preventDefault());
    const clicked = vi.fn();
    render(
      <form onSubmit={(event) => submitted(event.nativeEvent as SubmitEvent)}>
        <Button onClick={clicked}>Add a promise</Button>
        <Button type="submit" variant="primary">
          Save
        </Button>
      </form>,
    );
    await user.click(screen.getByRole('button', { name: 'Add a promise' }));
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(submitted).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(submitted).toHaveBeenCalledTimes(1);
  });

  it('takes its look from variant and size, secondary by default', () => {
    render(
      <>
        <Button variant="primary">Publish</Button>
        <Button>Cancel</Button>
        <Button size="small">Remove</Button>
      </>,
    );
    expect(screen.getByRole('button', { name: 'Publish' }).className).toBe('button button-primary');
    expect(screen.getByRole('button', { name: 'Cancel' }).className).toBe('button button-secondary');
    expect(screen.getByRole('button', { name: 'Remove' }).className).toBe(
      'button button-secondary button-small',
    );
  });

  it('passes accessible names, state and refs through to the element', () => {
    let element: HTMLButtonElement | null = null;
    render(
      <Button
        ref={(button) => {
          element = button;
        }}
        aria-label="Move “Answer within a day” up"
        aria-expanded={false}
        disabled
      >
        ↑
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Move “Answer within a day” up' });
    expect(button).toBe(element);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect((button as HTMLButtonElement).disabled).toBe(true);
  });
});
