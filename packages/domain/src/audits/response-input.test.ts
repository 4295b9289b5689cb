import { describe, expect, it } from 'vitest';
import { check } from '../validation/field-errors.js';
import { auditResponseInput, auditResponsesInput, noteForClient, toAuditResponse } from './response-input.js';

const fields = (result: ReturnType<typeof check>) => (result.ok ? [] : result.errors.map((e) => e.field));

describe('audit response input', () => {
  it('accepts a score with trimmed evidence and an empty note as none', () => {
    const result = check(auditResponseInput, {
      criterionKey: ' service-in-strategy ',
      score: 4,
      evidence: ' Plan p.3 ',
      note: ' ',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        criterionKey: 'service-in-strategy',
        score: 4,
        notApplicable: false,
        evidence: 'Plan p.3',
        note: null,
        internal: false,
      },
    });
    expect(result.ok && toAuditResponse(result.value)).toEqual({
      criterionKey: 'service-in-strategy',
      score: 4,
    });
  });

  it('accepts not applicable in place of a score', () => {
    const result = check(auditResponseInput, { criterionKey: 'k', notApplicable: true });
    expect(result.ok && toAuditResponse(result.value)).toEqual({ criterionKey: 'k', score: null });
  });

  it('needs a score or not applicable, but not both', () => {
    expect(check(auditResponseInput, { criterionKey: 'k' })).toEqual({
      ok: false,
      errors: [
        {
          field: 'score',
          code: 'INVALID',
          message: 'Give a score from 1 to 5, or mark the criterion not applicable.',
        },
      ],
    });
    expect(fields(check(auditResponseInput, { criterionKey: 'k', score: 3, notApplicable: true }))).toEqual([
      'notApplicable',
    ]);
  });

  it('takes only whole scores from 1 to 5', () => {
    for (const score of [0, 6, 2.5, '3']) {
      const result = check(auditResponseInput, { criterionKey: 'k', score });
      expect(result.ok ? null : result.errors[0]).toEqual({
        field: 'score',
        code: 'INVALID',
        message: 'Score must be a whole number from 1 to 5.',
      });
    }
  });

  it('limits evidence and notes to 4000 characters', () => {
    const long = 'x'.repeat(4001);
    const result = check(auditResponseInput, { criterionKey: 'k', score: 3, evidence: long, note: long });
    expect(result.ok ? [] : result.errors.map((e) => `${e.field} ${e.code}`)).toEqual([
      'evidence TOO_LONG',
      'note TOO_LONG',
    ]);
    expect(check(auditResponseInput, { criterionKey: 'k', score: 3, evidence: 'x'.repeat(4000) }).ok).toBe(
      true,
    );
  });

  it('refuses the same criterion twice in one save', () => {
    const result = check(auditResponsesInput, [
      { criterionKey: 'a', score: 1 },
      { criterionKey: 'a', score: 2 },
    ]);
    expect(fields(result)).toEqual(['1.criterionKey']);
  });

  it('keeps an internal note from client leaders', () => {
    expect(noteForClient({ note: 'Leader dodged the question', internal: true })).toBeNull();
    expect(noteForClient({ note: 'Shared', internal: false })).toBe('Shared');
  });
});
