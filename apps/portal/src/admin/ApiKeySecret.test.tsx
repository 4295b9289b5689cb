import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiKeySecret } from './ApiKeySecret';

function Harness() {
  const [shown, setShown] = useState(true);
  return shown ? (
    <ApiKeySecret name="BI tool" secret="csp_abc123_secret" onDone={() => setShown(false)} />
  ) : null;
}

describe('ApiKeySecret', () => {
  it('shows the secret once, read-only, with a warning, and forgets it when dismissed', () => {
    render(<Harness />);
    const input = screen.getByLabelText<HTMLInputElement>('Secret');
    expect(input.value).toBe('csp_abc123_secret');
    expect(input.readOnly).toBe(true);
    expect(screen.getByRole('status').textContent).toContain('you will not see this again');
    expect(screen.getByRole('button', { name: 'Copy key' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByLabelText('Secret')).toBeNull();
    expect(document.body.textContent).not.toContain('csp_abc123_secret');
  });
});
