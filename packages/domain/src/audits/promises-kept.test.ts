import { describe, expect, it } from 'vitest';
import { promisesKept } from './promises-kept.js';

describe('promises kept', () => {
  const criteria = [
    { key: 'answer-fast', weight: 3, points: 75 },
    { key: 'own-issue', weight: 1, points: 25 },
    { key: 'follow-up', weight: 2, points: null }, // not applicable in this audit
  ];

  it('weights each promise by its linked criteria and keeps charter order', () => {
    const kept = promisesKept(
      [{ key: 'quick' }, { key: 'owned' }, { key: 'unlinked' }],
      [
        { promiseKey: 'owned', criterionKey: 'own-issue' },
        { promiseKey: 'owned', criterionKey: 'follow-up' },
        { promiseKey: 'quick', criterionKey: 'answer-fast' },
        { promiseKey: 'quick', criterionKey: 'own-issue' },
        { promiseKey: 'quick', criterionKey: 'own-issue' }, // a repeated link counts once
        { promiseKey: 'quick', criterionKey: 'other-framework' }, // not in this audit: ignored
      ],
      criteria,
    );
    // quick: (3 × 75 + 1 × 25) / (3 + 1) = 250 / 4 = 62.5
    // owned: follow-up was not scored, so only own-issue counts: 25
    expect(kept).toEqual([
      { promiseKey: 'quick', score: 62.5, linked: 2, answered: 2 },
      { promiseKey: 'owned', score: 25, linked: 2, answered: 1 },
      { promiseKey: 'unlinked', score: null, linked: 0, answered: 0 },
    ]);
  });

  it('has no score when none of the linked criteria was scored', () => {
    const kept = promisesKept([{ key: 'p' }], [{ promiseKey: 'p', criterionKey: 'follow-up' }], criteria);
    expect(kept).toEqual([{ promiseKey: 'p', score: null, linked: 1, answered: 0 }]);
  });
});
