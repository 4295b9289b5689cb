import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { check } from '../validation/field-errors.js';
import { criterionKeyFor, roleProfileForm, scorecardForm } from './hiring-forms.js';

const criterion = {
  category: 'SKILL',
  title: 'Calm on the phone',
  weight: 40,
  evidence: 'Play a recorded complaint and ask for a reply.',
};

describe('role profile form', () => {
  it('keeps a summary, trims it, and turns an empty one into null', () => {
    const result = check(roleProfileForm, { title: ' Host ', summary: '  ', criteria: [criterion] });
    expect(result.ok && result.value).toMatchObject({ title: 'Host', summary: null });
    const long = check(roleProfileForm, { title: 'Host', summary: 'x'.repeat(4001), criteria: [] });
    expect(long.ok ? [] : long.errors).toEqual([
      { field: 'summary', code: 'TOO_LONG', message: 'Summary must be at most 4000 characters.' },
    ]);
  });

  it('accepts weights that do not add up yet (the profile is being designed)', () => {
    expect(check(roleProfileForm, { title: 'Host', criteria: [criterion] }).ok).toBe(true);
  });

  it('points at the criterion whose weight is out of range or fractional', () => {
    for (const weight of [0, 101, 12.5]) {
      const result = check(roleProfileForm, {
        title: 'Host',
        criteria: [criterion, { ...criterion, weight }],
      });
      expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['criteria.1.weight']);
    }
  });
});

describe('scorecard form', () => {
  it('needs a name or reference, and a 1–5 score per criterion', () => {
    const result = check(scorecardForm, {
      candidateRef: ' ',
      scores: [{ criterionId: 'a', score: 6 }],
    });
    expect(result.ok ? [] : result.errors).toEqual([
      { field: 'candidateRef', code: 'REQUIRED', message: 'Candidate name or reference is required.' },
      { field: 'scores.0.score', code: 'INVALID', message: 'Score must be a whole number from 1 to 5.' },
    ]);
  });

  it('refuses a criterion scored twice, naming the second', () => {
    const result = check(scorecardForm, {
      candidateRef: 'Cand-12',
      scores: [
        { criterionId: 'a', score: 3 },
        { criterionId: 'b', score: 4 },
        { criterionId: 'a', score: 5 },
      ],
    });
    expect(result.ok ? [] : result.errors).toEqual([
      { field: 'scores.2.criterionId', code: 'INVALID', message: 'This criterion is already scored above.' },
    ]);
  });

  it('keeps notes short and optional', () => {
    const result = check(scorecardForm, {
      candidateRef: 'Cand-12',
      scores: [{ criterionId: 'a', score: 3, note: ' Warm but hurried ' }],
    });
    expect(result.ok && result.value.scores[0]).toEqual({
      criterionId: 'a',
      score: 3,
      note: 'Warm but hurried',
    });
  });
});

describe('criterion keys', () => {
  it('makes a readable key from the title and avoids the ones taken', () => {
    expect(criterionKeyFor('Warmth with guests!', new Set())).toBe('warmth-with-guests');
    expect(criterionKeyFor('Crème brûlée knowledge', new Set())).toBe('creme-brulee-knowledge');
    expect(criterionKeyFor('Warmth', new Set(['warmth', 'warmth-2']))).toBe('warmth-3');
    expect(criterionKeyFor('日本語', new Set())).toBe('criterion');
  });

  it('always answers a short, new, well-formed key', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.array(fc.string({ maxLength: 70 })), (title, used) => {
        const taken = new Set(used);
        const key = criterionKeyFor(title, taken);
        expect(taken.has(key)).toBe(false);
        expect(key.length).toBeLessThanOrEqual(64);
        expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }),
    );
  });
});
