import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CharterDraft, CharterPromise } from './charter.js';
import { describeDiff } from './describe-diff.js';
import { charterDiff, isEmptyDiff } from './diff.js';

const purpose = {
  purpose: 'Keep people connected',
  why: 'because calls matter',
  everythingElse: 'over targets',
};
const promise = (key: string, title = `Promise ${key}`, extra: Partial<CharterPromise> = {}) => ({
  key,
  title,
  ...extra,
});

describe('charter diff', () => {
  const before: CharterDraft = {
    purposeStatement: purpose,
    promises: [
      promise('a', 'We answer quickly', {
        standard: { metric: 'Calls answered in 20 s', target: 80, unit: '%' },
      }),
      promise('b', 'We own your issue'),
      promise('c', 'We call back'),
      promise('d', 'We explain our bills', { description: 'Plain words.' }),
    ],
  };
  const after: CharterDraft = {
    purposeStatement: { ...purpose, why: 'because every call is someone’s moment' },
    promises: [
      promise('b', 'The first person you reach owns your issue'),
      promise('a', 'We answer quickly', {
        standard: { metric: 'Calls answered in 20 s', target: 90, unit: '%' },
      }),
      promise('d', 'We explain our bills', { description: null }),
      promise('e', 'We tell you before we change anything'),
    ],
  };
  const diff = charterDiff(before, after);

  it('lists purpose parts changed, promises added, removed and changed field by field', () => {
    expect(diff.purpose).toEqual([
      { part: 'why', before: 'because calls matter', after: 'because every call is someone’s moment' },
    ]);
    expect(diff.added).toEqual([{ key: 'e', title: 'We tell you before we change anything', position: 4 }]);
    expect(diff.removed).toEqual([{ key: 'c', title: 'We call back', position: 3 }]);
    expect(diff.changed).toEqual([
      {
        key: 'b',
        title: 'The first person you reach owns your issue',
        fields: [
          {
            field: 'title',
            before: 'We own your issue',
            after: 'The first person you reach owns your issue',
          },
        ],
      },
      {
        key: 'a',
        title: 'We answer quickly',
        fields: [
          {
            field: 'standard',
            before: { metric: 'Calls answered in 20 s', target: 80, unit: '%' },
            after: { metric: 'Calls answered in 20 s', target: 90, unit: '%' },
          },
        ],
      },
      {
        key: 'd',
        title: 'We explain our bills',
        fields: [{ field: 'description', before: 'Plain words.', after: null }],
      },
    ]);
  });

  it('reports only the promise that really moved', () => {
    // Kept promises a, b, d become b, a, d: keeping b and d in place, only a moved (from 1 to 2).
    expect(diff.reordered).toEqual([{ key: 'a', title: 'We answer quickly', from: 1, to: 2 }]);
    const inserted = charterDiff(before, { ...before, promises: [promise('z'), ...before.promises] });
    expect(inserted.reordered).toEqual([]);
  });

  it('reads as sentences', () => {
    expect(describeDiff(diff)).toEqual([
      'The why changed from "because calls matter" to "because every call is someone’s moment".',
      'Promise "We call back" was removed (it was number 3).',
      'Promise "We tell you before we change anything" was added as number 4.',
      'Promise "We own your issue" was renamed "The first person you reach owns your issue".',
      'The standard of promise "We answer quickly" changed from "Calls answered in 20 s, target 80 %" to "Calls answered in 20 s, target 90 %".',
      'Promise "We explain our bills" no longer has a description.',
      'Promise "We answer quickly" moved from number 1 to number 2.',
    ]);
  });

  it('treats a missing and an empty description as the same', () => {
    const a = { purposeStatement: purpose, promises: [promise('a', 'A', { description: '' })] };
    const b = { purposeStatement: purpose, promises: [promise('a', 'A')] };
    expect(isEmptyDiff(charterDiff(a, b))).toBe(true);
  });
});

const keyPool = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
const drafts: fc.Arbitrary<CharterDraft> = fc.record({
  purposeStatement: fc.record({
    purpose: fc.constantFrom('', 'Connect', 'Serve'),
    why: fc.constantFrom('', 'Because'),
    everythingElse: fc.constantFrom('', 'Over targets'),
  }),
  promises: fc.uniqueArray(fc.constantFrom(...keyPool), { maxLength: keyPool.length }).chain((keys) =>
    fc.tuple(
      ...keys.map((key) =>
        fc.record({
          key: fc.constant(key),
          title: fc.constantFrom('Quick', 'Kind', 'Clear'),
          description: fc.constantFrom(null, 'Why it matters'),
          standard: fc.constantFrom(null, { metric: 'Answered in 20 s', target: 90, unit: '%' }),
        }),
      ),
    ),
  ),
});

describe('charter diff properties', () => {
  it('finds nothing between a draft and itself', () => {
    fc.assert(
      fc.property(drafts, (draft) => {
        expect(isEmptyDiff(charterDiff(draft, draft))).toBe(true);
        expect(describeDiff(charterDiff(draft, draft))).toEqual([]);
      }),
    );
  });

  it('reverses added and removed when the versions swap', () => {
    fc.assert(
      fc.property(drafts, drafts, (a, b) => {
        const forward = charterDiff(a, b);
        const backward = charterDiff(b, a);
        expect(forward.added).toEqual(backward.removed);
        expect(forward.removed).toEqual(backward.added);
        expect(forward.changed.map((c) => c.key).sort()).toEqual(backward.changed.map((c) => c.key).sort());
        expect(b.promises.length).toBe(a.promises.length - forward.removed.length + forward.added.length);
      }),
    );
  });

  it('counts as many moves in either direction', () => {
    fc.assert(
      fc.property(drafts, drafts, (a, b) => {
        const forward = charterDiff(a, b);
        const backward = charterDiff(b, a);
        expect(forward.reordered.length).toBe(backward.reordered.length);
      }),
    );
  });
});
