import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConsultancyExport } from './ConsultancyExport';

describe('the consultancy export', () => {
  it('downloads the API’s stream with a plain link', () => {
    render(<ConsultancyExport />);
    const link = screen.getByRole('link', { name: 'Download everything' });
    expect(link.getAttribute('href')).toBe('/exports/consultancy');
    expect(link.hasAttribute('download')).toBe(true);
  });
});
