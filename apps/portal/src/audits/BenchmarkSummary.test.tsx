import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BenchmarkSummary } from './BenchmarkSummary';

const base = {
  industry: 'RETAIL' as const,
  asOf: '2026-11-20T09:30:00.000Z',
  minimumContributors: 5,
  sections: [],
};

describe('the industry benchmark beside the scores', () => {
  it('shows bands, never an exact figure, and says when they were fixed', () => {
    render(
      <BenchmarkSummary
        published
        benchmark={{
          ...base,
          contributors: 6,
          unavailableReason: null,
          overall: { lowerQuartile: 50, median: 55, upperQuartile: 75, count: 6 },
        }}
      />,
    );
    expect(screen.getByText('Retail benchmark')).toBeTruthy();
    expect(screen.getByText('about 55')).toBeTruthy();
    expect(screen.getByText(/Median of 6 other clients; the middle half score about 50 to 75/)).toBeTruthy();
    expect(screen.getByText(/when this audit was published/)).toBeTruthy();
  });

  it('says there are not enough comparable clients instead of showing figures', () => {
    render(
      <BenchmarkSummary
        published={false}
        benchmark={{
          ...base,
          contributors: 3,
          unavailableReason: 'NOT_ENOUGH_COMPARABLE_CLIENTS',
          overall: null,
        }}
      />,
    );
    expect(screen.getByText('Not enough comparable clients')).toBeTruthy();
    expect(
      screen.getByText(/at least 5 other Retail clients .* there were 3, as it stands today/),
    ).toBeTruthy();
  });
});
