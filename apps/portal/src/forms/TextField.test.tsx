import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TextField } from './TextField';

describe('TextField', () => {
  it('labels the input and ties its hint to it', () => {
    render(<TextField name="password" label="Password" type="password" hint="At least 10 characters." />);
    const input = screen.getByLabelText('Password');
    expect(input.getAttribute('name')).toBe('password');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(descriptionOf(input)).toBe('At least 10 characters.');
  });

  it('marks the input invalid and reads its errors with it', () => {
    render(
      <TextField
        name="password"
        label="Password"
        hint="At least 10 characters."
        errors={['Too short.', 'Too common.']}
      />,
    );
    const input = screen.getByLabelText('Password');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(input)).toBe('At least 10 characters. Too short.Too common.');
  });
});

function descriptionOf(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? `#${id} missing`).join(' ');
}
