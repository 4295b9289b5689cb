import { describe, expect, it } from 'vitest';
import { check } from '../validation/field-errors.js';
import {
  CHARTER_VERSION_STATUSES,
  canEditVersion,
  canSignOffVersion,
  describeStandard,
  nextDraftFrom,
  type CharterDraft,
} from './charter.js';
import { charterDraftInput, promiseInput, purposeInput } from './charter-input.js';
import { publishReadiness } from './readiness.js';

const published: CharterDraft = {
  purposeStatement: {
    purpose: 'Keep every customer connected',
    why: 'because a dropped line is a missed moment in someone’s life',
    everythingElse: 'over call targets and scripts',
  },
  promises: [
    {
      key: 'answer',
      title: 'We answer quickly',
      standard: { metric: 'Calls answered within 20 seconds', target: 90, unit: '%' },
    },
    { key: 'own', title: 'The first person you speak to owns your issue', description: 'No transfers.' },
  ],
};

describe('charter versions', () => {
  it('edits only drafts and signs off only published versions', () => {
    expect(CHARTER_VERSION_STATUSES.filter(canEditVersion)).toEqual(['DRAFT']);
    expect(CHARTER_VERSION_STATUSES.filter(canSignOffVersion)).toEqual(['PUBLISHED']);
  });

  it('starts the next draft as an independent copy that keeps the promise keys', () => {
    const draft = nextDraftFrom(published);
    expect(draft.promises.map((p) => p.key)).toEqual(['answer', 'own']);
    expect(draft.promises[0]?.standard).toEqual(published.promises[0]?.standard);
    expect(draft.promises[0]?.standard).not.toBe(published.promises[0]?.standard);
    expect(draft.purposeStatement).not.toBe(published.purposeStatement);
  });

  it('reads a standard as one phrase', () => {
    expect(describeStandard({ metric: 'Calls answered within 20 seconds', target: 90, unit: '%' })).toBe(
      'Calls answered within 20 seconds, target 90 %',
    );
  });
});

describe('ready to publish', () => {
  it('has nothing to say about a complete charter', () => {
    expect(publishReadiness(published)).toEqual([]);
  });

  it('needs all three parts of the purpose and at least one promise', () => {
    const errors = publishReadiness({
      purposeStatement: { purpose: ' ', why: '', everythingElse: '' },
      promises: [],
    });
    expect(errors.map((e) => `${e.field} ${e.code}`)).toEqual([
      'purposeStatement.purpose REQUIRED',
      'purposeStatement.why REQUIRED',
      'purposeStatement.everythingElse REQUIRED',
      'promises REQUIRED',
    ]);
  });

  it('holds at most twenty promises and says how many there are', () => {
    const promises = Array.from({ length: 21 }, (_, i) => ({ key: `p${i}`, title: `Promise ${i}` }));
    const errors = publishReadiness({ ...published, promises });
    expect(errors).toEqual([
      {
        field: 'promises',
        code: 'TOO_LONG',
        message: 'A charter holds at most 20 promises; this draft has 21.',
      },
    ]);
  });

  it('needs a title on each promise, unique keys and a whole standard', () => {
    const errors = publishReadiness({
      ...published,
      promises: [
        { key: 'a', title: '' },
        { key: 'a', title: 'Twice', standard: { metric: '', target: Number.NaN, unit: ' ' } },
      ],
    });
    expect(errors.map((e) => e.field)).toEqual([
      'promises.0.title',
      'promises.1.key',
      'promises.1.standard.metric',
      'promises.1.standard.target',
      'promises.1.standard.unit',
    ]);
    expect(errors[0]?.message).toBe('Promise 1 needs a title.');
  });
});

describe('charter input', () => {
  it('lets a draft purpose be saved half-written', () => {
    expect(check(purposeInput, { purpose: ' Keep people connected ' })).toEqual({
      ok: true,
      value: { purpose: 'Keep people connected', why: '', everythingElse: '' },
    });
  });

  it('needs a promise title and a number as the target of a standard', () => {
    const result = check(promiseInput, {
      title: ' ',
      standard: { metric: 'Calls', target: '90', unit: '%' },
    });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['title', 'standard.target']);
  });

  it('turns missing optional parts into null', () => {
    expect(check(promiseInput, { key: 'k', title: 'We listen' })).toEqual({
      ok: true,
      value: { key: 'k', title: 'We listen', description: null, standard: null },
    });
  });

  it('refuses a repeated promise key and more than twenty promises', () => {
    const twice = check(charterDraftInput, {
      purposeStatement: {},
      promises: [
        { key: 'k', title: 'One' },
        { key: 'k', title: 'Two' },
      ],
    });
    expect(twice.ok ? [] : twice.errors.map((e) => e.field)).toEqual(['promises.1.key']);
    const many = check(charterDraftInput, {
      purposeStatement: {},
      promises: Array.from({ length: 21 }, (_, i) => ({ title: `P${i}` })),
    });
    expect(many.ok ? [] : many.errors.map((e) => e.field)).toEqual(['promises']);
  });
});
