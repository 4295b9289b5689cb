import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CharterDiffFieldsFragment } from '../generated/graphql';
import { CharterDiffView } from './CharterDiffView';

const EMPTY: CharterDiffFieldsFragment = {
  from: { id: 'v1', number: 1 },
  to: { id: 'v2', number: 2 },
  purpose: [],
  added: [],
  removed: [],
  changed: [],
  reordered: [],
  summary: [],
};

describe('CharterDiffView', () => {
  it('says so when two versions say the same thing', () => {
    render(<CharterDiffView diff={EMPTY} />);
    expect(screen.getByText('Versions 1 and 2 say the same thing.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows each difference side by side, the older version on the left', () => {
    render(
      <CharterDiffView
        diff={{
          ...EMPTY,
          purpose: [{ part: 'WHY', before: 'because it is policy', after: 'because someone is waiting' }],
          changed: [
            {
              key: 'p1',
              title: 'We answer quickly',
              fields: [{ field: 'STANDARD', before: 'Within 30 s, 80 %', after: 'Within 20 s, 90 %' }],
            },
          ],
          added: [{ key: 'p3', title: 'We call you back', position: 3 }],
          removed: [{ key: 'p2', title: 'We send letters', position: 2 }],
          reordered: [{ key: 'p4', title: 'We say sorry', from: 4, to: 1 }],
          summary: ['The why changed.'],
        }}
      />,
    );
    const table = screen.getByRole('table', { name: 'What changed from version 1 to version 2' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Part', 'Version 1', 'Version 2']);
    const row = (name: RegExp) => within(table).getByRole('row', { name });
    expect(row(/Why \(W\)/).textContent).toContain('because it is policy');
    expect(within(row(/Why \(W\)/)).getByText('because someone is waiting').tagName).toBe('INS');
    expect(row(/service standard/).textContent).toContain('Within 20 s, 90 %');
    expect(within(row(/Added/)).getByText('We call you back').tagName).toBe('INS');
    expect(within(row(/Removed/)).getByText('We send letters').tagName).toBe('DEL');
    expect(row(/Moved/).textContent).toContain('Position 4');
    expect(row(/Moved/).textContent).toContain('Position 1');
    expect(screen.getByText('The why changed.')).toBeTruthy();
  });
});
