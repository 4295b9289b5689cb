import { describe, expect, it } from 'vitest';
import type { AuditFramework } from './framework.js';
import { builtInFramework } from './frameworks/index.js';
import { criterionPoints, roundScore, scoreAudit } from './scoring.js';

const crit = (key: string, weight: number, options: { highIsBad?: boolean; critical?: boolean } = {}) => ({
  key,
  prompt: `Prompt ${key}`,
  guidance: '',
  weight,
  highIsBad: options.highIsBad ?? false,
  critical: options.critical ?? false,
});

/** Three sections: a weighted one, one with an inverted criterion, one nobody answers. */
const framework: AuditFramework = {
  key: 'worked-example',
  version: 3,
  name: 'Worked example',
  summary: '',
  scale: { 1: 'Never', 2: 'Rarely', 3: 'Sometimes', 4: 'Often', 5: 'Always' },
  sections: [
    {
      key: 'people',
      title: 'People',
      weight: 2,
      criteria: [crit('a', 2), crit('b', 1, { critical: true }), crit('c', 1)],
    },
    {
      key: 'obstacles',
      title: 'Obstacles',
      weight: 1,
      criteria: [crit('d', 1), crit('e', 1, { highIsBad: true, critical: true })],
    },
    { key: 'later', title: 'Later', weight: 5, criteria: [crit('f', 1)] },
  ],
};

describe('criterion points', () => {
  it('puts 1–5 on 0–100 in steps of 25, inverted when a high score is bad', () => {
    expect([1, 2, 3, 4, 5].map((s) => criterionPoints({ highIsBad: false }, s as 1))).toEqual([
      0, 25, 50, 75, 100,
    ]);
    expect([1, 2, 3, 4, 5].map((s) => criterionPoints({ highIsBad: true }, s as 1))).toEqual([
      100, 75, 50, 25, 0,
    ]);
  });

  it('refuses a score off the scale', () => {
    expect(() => criterionPoints({ highIsBad: false }, 6 as 1)).toThrow(RangeError);
    expect(() => criterionPoints({ highIsBad: false }, 2.5 as 1)).toThrow(RangeError);
  });
});

describe('scoring an audit', () => {
  const result = scoreAudit(framework, [
    { criterionKey: 'a', score: 5 },
    { criterionKey: 'b', score: 3 },
    { criterionKey: 'c', score: null },
    { criterionKey: 'd', score: 2 },
    { criterionKey: 'e', score: 4 },
  ]);

  it('weights criteria inside a section and leaves not-applicable out of the weights', () => {
    // People: a (w2) 5 → 100, b (w1) 3 → 50, c (w1) N/A drops out.
    //   (2×100 + 1×50) / (2 + 1) = 250 / 3 = 83.33…
    expect(result.sections[0]?.score).toBeCloseTo(250 / 3, 10);
    // Obstacles: d (w1) 2 → 25; e (w1) 4 on a high-is-bad criterion → 75, inverted to 25.
    //   (25 + 25) / 2 = 25
    expect(result.sections[1]?.score).toBe(25);
  });

  it('leaves a section with no answers unscored rather than at zero', () => {
    expect(result.sections[2]).toMatchObject({ key: 'later', score: null, answered: 0, total: 1 });
  });

  it('weights sections that have a score by section weight', () => {
    // (2 × 83.33… + 1 × 25) / (2 + 1) = (500/3 + 25) / 3 = 575 / 9 = 63.89
    // "Later" has no score, so its weight of 5 takes no part.
    expect(result.overall).toBeCloseTo(575 / 9, 10);
    expect(roundScore(result.overall)).toBe(63.9);
  });

  it('counts answers', () => {
    expect(result).toMatchObject({ answered: 4, notApplicable: 1, total: 6 });
    expect(result.sections[0]).toMatchObject({ answered: 2, notApplicable: 1, total: 3 });
    expect(result.criteria.map((c) => c.answer)).toEqual([
      'SCORED',
      'SCORED',
      'NOT_APPLICABLE',
      'SCORED',
      'SCORED',
      'UNANSWERED',
    ]);
    expect(result).toMatchObject({ frameworkKey: 'worked-example', frameworkVersion: 3 });
  });

  it('flags a critical criterion on the bad end of the scale, whichever end that is', () => {
    // b is critical but scored 3: the middle does not flag. e is critical and high-is-bad: 4 is its bad end.
    expect(result.flagged).toBe(true);
    expect(result.flags).toEqual([
      {
        criterionKey: 'e',
        sectionKey: 'obstacles',
        score: 4,
        points: 25,
        message: 'Critical criterion scored 4 (Often): Prompt e',
      },
    ]);
  });

  it('flags a critical 1 or 2 even when the overall score is excellent', () => {
    const excellent = scoreAudit(framework, [
      { criterionKey: 'a', score: 5 },
      { criterionKey: 'b', score: 2 },
      { criterionKey: 'c', score: 5 },
      { criterionKey: 'd', score: 5 },
      { criterionKey: 'e', score: 1 },
      { criterionKey: 'f', score: 5 },
    ]);
    expect(excellent.overall).toBeGreaterThan(90);
    expect(excellent.flags.map((f) => f.criterionKey)).toEqual(['b']);
  });

  it('has no overall score when nothing is scored', () => {
    const empty = scoreAudit(framework, [{ criterionKey: 'a', score: null }]);
    expect(empty.overall).toBeNull();
    expect(empty.sections.every((s) => s.score === null)).toBe(true);
    expect(empty.flagged).toBe(false);
  });

  it('ignores answers for criteria the framework does not have, and keeps the later of two answers', () => {
    const scored = scoreAudit(framework, [
      { criterionKey: 'zzz', score: 1 },
      { criterionKey: 'f', score: 1 },
      { criterionKey: 'f', score: 4 },
    ]);
    expect(scored.sections[2]?.score).toBe(75);
    expect(scored.overall).toBe(75);
    expect(scored.total).toBe(6);
  });

  it('scores a built-in framework with obstacles inverted', () => {
    const obstacles = builtInFramework('five-obstacles') as AuditFramework;
    const allAbsent = obstacles.sections.flatMap((s) =>
      s.criteria.map((c) => ({ criterionKey: c.key, score: 1 as const })),
    );
    expect(scoreAudit(obstacles, allAbsent).overall).toBe(100);
    expect(scoreAudit(obstacles, allAbsent).flagged).toBe(false);
  });
});

describe('rounding for display', () => {
  it('keeps one decimal, rounds halves away from zero and never shows -0', () => {
    expect(roundScore(83.33333)).toBe(83.3);
    expect(roundScore(2.25)).toBe(2.3);
    expect(roundScore(-2.25)).toBe(-2.3);
    expect(roundScore(-0.04)).toBe(0);
    expect(Object.is(roundScore(-0.04), -0)).toBe(false);
    expect(roundScore(null)).toBeNull();
  });
});
