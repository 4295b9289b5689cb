import { describe, expect, it } from 'vitest';
import { bandPaths, labelledIndexes, linePath, periodX, shareScale, type ChartBox } from './chart-scales';

const BOX: ChartBox = { width: 720, height: 260, left: 52, right: 16, top: 16, bottom: 36 };
const point = (compliance: number | null, low: number | null = compliance, target = 0.9) => ({
  compliance,
  low,
  target,
});

describe('the compliance chart’s scales', () => {
  it('starts a little under the lowest of target, compliance and interval, on a round step, and ends at 100 %', () => {
    const scale = shareScale([point(0.95, 0.93), point(0.97, 0.96), point(0.91, 0.88)], BOX);
    expect(scale.min).toBe(0.85);
    expect(scale.max).toBe(1);
    expect(scale.ticks).toEqual([0.85, 0.9, 0.95, 1]);
    expect(scale.y(1)).toBe(BOX.top);
    expect(scale.y(scale.min)).toBe(BOX.height - BOX.bottom);
  });

  it('reaches down to 0 for a very bad period, with at most six gridlines', () => {
    const scale = shareScale([point(0.12, 0.05), point(0.95)], BOX);
    expect(scale.min).toBe(0);
    expect(scale.ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('keeps the target in view without any figures, and holds shares outside the scale at its edges', () => {
    const scale = shareScale([point(null, null, 0.995)], BOX);
    expect(scale.min).toBeLessThan(0.995);
    expect(scale.ticks.at(-1)).toBe(1);
    expect(scale.y(-1)).toBe(scale.y(scale.min));
    expect(scale.y(2)).toBe(scale.y(1));
  });

  it('puts each period in the middle of an equal band', () => {
    expect(periodX(0, 4, BOX)).toBe(52 + 652 / 8);
    expect(periodX(3, 4, BOX)).toBe(52 + (652 / 8) * 7);
  });

  it('labels every period while they fit, else every n-th counting back from the newest', () => {
    expect(labelledIndexes(8, BOX)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const many = labelledIndexes(52, BOX);
    expect(many.at(-1)).toBe(51);
    expect(many.length).toBeLessThanOrEqual(11);
    expect(new Set(many.slice(1).map((i, n) => i - many[n]!)).size).toBe(1);
  });

  it('breaks the line and the band where a period has no figures', () => {
    const x = (i: number) => i * 10;
    const y = (s: number) => 100 - s * 100;
    expect(
      linePath([{ compliance: 0.9 }, { compliance: null }, { compliance: 0.8 }, { compliance: 0.7 }], x, y),
    ).toBe('M0,10 M20,20 L30,30');
    const bands = bandPaths(
      [
        { low: 0.8, high: 0.95 },
        { low: null, high: null },
        { low: 0.7, high: 0.9 },
        { low: 0.6, high: 0.8 },
      ],
      x,
      y,
    );
    expect(bands).toHaveLength(2);
    expect(bands[1]).toBe('M20,10 L30,20 L30,40 L20,30 Z');
  });
});
