import { describe, expect, it } from 'vitest';
import {
  compliancePercent,
  percentFromShare,
  percentOfStandard,
  shareFromPercent,
  targetDecimals,
} from './percent';

const share = (text: string) => {
  const reading = shareFromPercent(text);
  if (!reading.ok) throw new Error(reading.message);
  return reading.share;
};

describe('a target typed as a percentage and sent as a share', () => {
  it('reads whole and decimal percentages exactly, with a point or a comma and an optional % sign', () => {
    expect(share('90')).toBe(0.9);
    expect(share('99.95')).toBe(0.9995);
    expect(share('99,95')).toBe(0.9995);
    expect(share(' 92.5 % ')).toBe(0.925);
    expect(share('100')).toBe(1);
    expect(share('0.01')).toBe(0.0001);
    // The naive 1.1 / 100 is 0.011000000000000001, which the API would refuse as having more than four
    // decimals; through whole 1/10,000ths it is the share 0.011 itself.
    expect(1.1 / 100).not.toBe(0.011);
    expect(share('1.1')).toBe(0.011);
    expect(share('0.57')).toBe(0.0057);
  });

  it('takes trailing zeros beyond two decimals, but not a third real decimal', () => {
    expect(share('90.500')).toBe(0.905);
    expect(shareFromPercent('99.995')).toEqual({
      ok: false,
      message: 'The target can have at most two decimals, e.g. 99.95 %.',
    });
  });

  it('refuses what is no percentage, 0 and more than 100, saying how to write it', () => {
    expect(shareFromPercent('')).toMatchObject({ ok: false, message: expect.stringMatching(/e\.g\. 90/) });
    expect(shareFromPercent('ninety')).toMatchObject({ ok: false });
    expect(shareFromPercent('0.9x')).toMatchObject({ ok: false });
    expect(shareFromPercent('0')).toMatchObject({ ok: false, message: expect.stringMatching(/more than 0/) });
    expect(shareFromPercent('100.01')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/at most 100/),
    });
    expect(shareFromPercent('-5')).toMatchObject({ ok: false });
  });

  it('writes a share back as the percentage typed, and round-trips every two-decimal percentage', () => {
    expect(percentFromShare(0.9)).toBe('90');
    expect(percentFromShare(0.9995)).toBe('99.95');
    expect(percentFromShare(0.925)).toBe('92.5');
    expect(percentFromShare(1)).toBe('100');
    for (let units = 1; units <= 10_000; units += 7) {
      const text = percentFromShare(units / 10_000);
      expect(share(text)).toBe(units / 10_000);
    }
  });

  it('counts the decimals of a target', () => {
    expect([0.9, 0.925, 0.9995, 1].map(targetDecimals)).toEqual([0, 1, 2, 0]);
  });
});

describe('a compliance shown beside its target', () => {
  it('is cut down, never rounded up, so a miss never reads as the target', () => {
    expect(compliancePercent(0.89999, 0.9)).toEqual({ value: 89.9, decimals: 1 });
    expect(compliancePercent(0.9, 0.9)).toEqual({ value: 90, decimals: 1 });
    expect(compliancePercent(0.57, 0.9)).toEqual({ value: 57, decimals: 1 });
    expect(compliancePercent(100 / 120, 0.9)).toEqual({ value: 83.3, decimals: 1 });
  });

  it('has as many decimals as the target, so 99.95 % met reads 99.95 %, not 99.9 %', () => {
    expect(compliancePercent(0.99952, 0.9995)).toEqual({ value: 99.95, decimals: 2 });
    expect(compliancePercent(0.99949, 0.9995)).toEqual({ value: 99.94, decimals: 2 });
  });
});

describe('the target of a charter standard', () => {
  it('is taken over when the standard is a percentage, and left empty otherwise', () => {
    expect(percentOfStandard({ target: 90, unit: '%' })).toBe('90');
    expect(percentOfStandard({ target: 99.5, unit: 'percent' })).toBe('99.5');
    expect(percentOfStandard({ target: 2, unit: 'days' })).toBe('');
    expect(percentOfStandard({ target: 150, unit: '%' })).toBe('');
    expect(percentOfStandard(null)).toBe('');
  });
});
