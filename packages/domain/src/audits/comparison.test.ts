import { describe, expect, it } from 'vitest';
import { auditDeltas, auditTrend, seriesTrend, type ScoreSnapshot } from './comparison.js';

const snapshot = (overall: number | null, people: number | null, extra?: number | null): ScoreSnapshot => ({
  frameworkKey: 'dime-maturity',
  overall,
  sections: [
    { key: 'people', score: people },
    ...(extra === undefined ? [] : [{ key: 'new-section', score: extra }]),
  ],
  criteria: [{ key: 'c1', points: people }],
});

describe('deltas against the previous audit', () => {
  it('subtracts previous from current at full precision', () => {
    // 63.888… − 58.333… = 5.555…, not 63.9 − 58.3 = 5.6 from rounded figures.
    const deltas = auditDeltas(snapshot(575 / 9, 50), snapshot(175 / 3, 75));
    expect(deltas.overall.change).toBeCloseTo(575 / 9 - 175 / 3, 12);
    expect(deltas.sections).toEqual([{ key: 'people', current: 50, previous: 75, change: -25 }]);
    expect(deltas.criteria).toEqual([{ key: 'c1', current: 50, previous: 75, change: -25 }]);
  });

  it('has no change where either side has no score, or the section is new', () => {
    const deltas = auditDeltas(snapshot(null, 40, 10), snapshot(60, null));
    expect(deltas.overall).toEqual({ current: null, previous: 60, change: null });
    expect(deltas.sections.map((s) => s.change)).toEqual([null, null]);
    expect(deltas.sections[1]).toEqual({ key: 'new-section', current: 10, previous: null, change: null });
  });

  it('refuses to compare two different frameworks', () => {
    expect(() => auditDeltas(snapshot(1, 1), { ...snapshot(1, 1), frameworkKey: 'four-rewards' })).toThrow(
      /same framework/,
    );
  });
});

describe('trend over dated audits', () => {
  it('orders by date and reads the direction from first to latest scored audit', () => {
    const trend = auditTrend([
      { on: '2026-06-01', scores: snapshot(70, 60) },
      { on: '2025-06-01', scores: snapshot(50, 80) },
      { on: '2025-12-01', scores: snapshot(null, 70) },
    ]);
    expect(trend.points.map((p) => p.on)).toEqual(['2025-06-01', '2025-12-01', '2026-06-01']);
    // Overall: 50, (no score), 70 → change 20, last change 70 − 50 = 20 (the gap is skipped).
    expect(trend.overall).toEqual({
      first: 50,
      latest: 70,
      change: 20,
      lastChange: 20,
      direction: 'IMPROVING',
    });
    // People: 80, 70, 60 → falling.
    expect(trend.sections).toEqual([
      { key: 'people', first: 80, latest: 60, change: -20, lastChange: -10, direction: 'DECLINING' },
    ]);
    expect(trend.points[1]?.sections).toEqual({ people: 70 });
  });

  it('calls a move smaller than a tenth of a scale step steady', () => {
    // One scale step is 25 points; a tenth of it is 2.5.
    expect(seriesTrend([60, 62.4]).direction).toBe('STEADY');
    expect(seriesTrend([60, 62.5]).direction).toBe('IMPROVING');
    expect(seriesTrend([60, 57.5]).direction).toBe('DECLINING');
  });

  it('needs two scored audits to speak of a direction', () => {
    expect(seriesTrend([]).direction).toBe('NOT_ENOUGH_DATA');
    expect(seriesTrend([null, 55, null])).toEqual({
      first: 55,
      latest: 55,
      change: null,
      lastChange: null,
      direction: 'NOT_ENOUGH_DATA',
    });
  });
});
