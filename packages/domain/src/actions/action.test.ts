import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { check } from '../validation/field-errors.js';
import { actionInput, criterionImprovement, isActionOverdue, ownActionUpdate } from './action.js';

const owner = '6f1c2b3a-1d2e-4f50-8a9b-0c1d2e3f4a5b';
const audit = '7a2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d';

describe('actions', () => {
  it('is overdue only when open past its due date', () => {
    expect(isActionOverdue({ dueOn: '2026-03-01', status: 'OPEN' }, '2026-03-02')).toBe(true);
    expect(isActionOverdue({ dueOn: '2026-03-01', status: 'OPEN' }, '2026-03-01')).toBe(false);
    expect(isActionOverdue({ dueOn: '2026-03-01', status: 'DONE' }, '2026-04-01')).toBe(false);
    expect(isActionOverdue({ dueOn: null, status: 'IN_PROGRESS' }, '2099-01-01')).toBe(false);
  });

  it('needs both halves of a finding, and not a finding and a promise at once', () => {
    const half = check(actionInput, { description: 'Coach the team', ownerId: owner, auditId: audit });
    expect(half.ok ? [] : half.errors.map((e) => e.field)).toEqual(['criterionKey']);
    const both = check(actionInput, {
      description: 'Coach the team',
      ownerId: owner,
      auditId: audit,
      criterionKey: 'accountable-ownership',
      charterId: audit,
      promiseKey: 'p1',
    });
    expect(both.ok ? [] : both.errors.map((e) => e.field)).toEqual(['charterId']);
  });

  it('lets a leader set a status with or without a note', () => {
    expect(check(ownActionUpdate, { status: 'DONE' })).toEqual({
      ok: true,
      value: { status: 'DONE', note: null },
    });
    expect(check(ownActionUpdate, { status: 'LATER' }).ok).toBe(false);
  });

  it('says whether a criterion improved on the re-audit', () => {
    // A 2 (25 points) on the first audit and a 4 (75 points) on the next: up 50 points.
    expect(criterionImprovement(25, 75)).toEqual({ before: 25, after: 75, change: 50, improved: true });
    expect(criterionImprovement(50, 50).improved).toBe(false);
    expect(criterionImprovement(null, 50)).toEqual({ before: null, after: 50, change: null, improved: null });
  });

  it('reports a change that is the difference of the two scores, and improved exactly when it is positive', () => {
    const points = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(points, points, (before, after) => {
        const result = criterionImprovement(before, after);
        expect(result.change).toBe(after - before);
        expect(result.improved).toBe(after - before > 0);
      }),
    );
  });
});
