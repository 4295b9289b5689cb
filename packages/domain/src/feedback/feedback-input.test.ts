import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { check } from '../validation/field-errors.js';
import { COMMENT_MAX, feedbackLinkInput, feedbackResponseInput } from './feedback-input.js';
import { SCORE_RANGES, FEEDBACK_KINDS } from './scores.js';

describe('a customer’s response', () => {
  it('takes a whole number in the kind’s range and an optional comment', () => {
    expect(check(feedbackResponseInput('NPS'), { score: 0, comment: '  ' })).toEqual({
      ok: true,
      value: { score: 0, comment: null },
    });
    expect(check(feedbackResponseInput('CSAT'), { score: 5, comment: ' Quick <b>and</b> kind ' })).toEqual({
      ok: true,
      value: { score: 5, comment: 'Quick <b>and</b> kind' },
    });
  });

  it('refuses scores outside the kind’s range, naming the field', () => {
    const refusals = [
      ['CSAT', 0],
      ['CSAT', 6],
      ['NPS', 11],
      ['NPS', -1],
      ['EFFORT', 8],
      ['EFFORT', 2.5],
    ] as const;
    for (const [kind, score] of refusals) {
      const result = check(feedbackResponseInput(kind), { score });
      expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['score']);
    }
    const text = check(feedbackResponseInput('NPS'), { score: '9' });
    expect(text.ok ? null : text.errors[0]?.message).toBe('The score must be a whole number from 0 to 10.');
  });

  it('bounds the comment and refuses NUL and unpaired surrogates', () => {
    const long = check(feedbackResponseInput('NPS'), { score: 9, comment: 'x'.repeat(COMMENT_MAX + 1) });
    expect(long.ok ? null : long.errors[0]).toMatchObject({ field: 'comment', code: 'TOO_LONG' });
    expect(check(feedbackResponseInput('NPS'), { score: 9, comment: 'x'.repeat(COMMENT_MAX) }).ok).toBe(true);
    for (const comment of ['a\u0000b', 'a\uD800b']) {
      const odd = check(feedbackResponseInput('NPS'), { score: 9, comment });
      expect(odd.ok ? null : odd.errors[0]).toMatchObject({ field: 'comment', code: 'INVALID' });
    }
    expect(check(feedbackResponseInput('NPS'), { score: 9, comment: 'Great 😀' }).ok).toBe(true);
  });

  it('takes every whole score in range and nothing else', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FEEDBACK_KINDS), fc.integer({ min: -20, max: 20 }), (kind, score) => {
        const { min, max } = SCORE_RANGES[kind];
        expect(check(feedbackResponseInput(kind), { score }).ok).toBe(score >= min && score <= max);
      }),
    );
  });
});

describe('a feedback link', () => {
  it('needs a kind and a question', () => {
    const result = check(feedbackLinkInput, { kind: 'STARS', question: ' ' });
    expect(result.ok ? [] : result.errors.map((e) => e.field).sort()).toEqual(['kind', 'question']);
  });
});
