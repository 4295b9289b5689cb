import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AuditScore } from '../audits/framework.js';
import { candidateFit, type CandidateScorecard } from './candidate-fit.js';
import { compareCandidates, rankCandidates } from './ranking.js';
import type { RoleProfile } from './role-profile.js';

const criterion = (key: string, weight: number, mustHave = false) => ({
  key,
  category: 'SKILL' as const,
  title: key,
  weight,
  mustHave,
  evidence: 'Ask for an example.',
});

/** Weights 25, 15, 20, 10, 20, 10 = 100; warmth and ownership are must-haves. */
const profile: RoleProfile = {
  title: 'Contact-centre agent',
  criteria: [
    criterion('warmth', 25, true),
    criterion('composure', 15),
    criterion('telco-years', 20),
    criterion('typing', 10),
    criterion('ownership', 20, true),
    criterion('plans', 10),
  ],
};

const scores = (entries: Record<string, AuditScore>) =>
  Object.entries(entries).map(([criterionKey, score]) => ({ criterionKey, score }));

describe('candidate fit', () => {
  it('weights each score by its criterion', () => {
    const fit = candidateFit(
      profile,
      scores({ warmth: 5, composure: 4, 'telco-years': 1, typing: 3, ownership: 4, plans: 2 }),
    );
    // Points: warmth 100, composure 75, telco-years 0, typing 50, ownership 75, plans 25.
    // (25×100 + 15×75 + 20×0 + 10×50 + 20×75 + 10×25) / 100 = (2500 + 1125 + 0 + 500 + 1500 + 250) / 100 = 58.75
    expect(fit).toEqual({
      fit: 58.75,
      complete: true,
      scored: 6,
      total: 6,
      failedMustHaves: [],
      flagged: false,
    });
  });

  it('computes over the scored criteria and says the card is incomplete', () => {
    // warmth 4 → 75 (w25), typing 5 → 100 (w10): (25×75 + 10×100) / 35 = 2875 / 35 = 82.14…
    const fit = candidateFit(profile, scores({ warmth: 4, typing: 5 }));
    expect(fit.fit).toBeCloseTo(2875 / 35, 10);
    expect(fit).toMatchObject({ complete: false, scored: 2, total: 6 });
    expect(candidateFit(profile, []).fit).toBeNull();
  });

  it('flags a must-have scored 1 or 2, and passes a 3', () => {
    expect(candidateFit(profile, scores({ warmth: 2, ownership: 3 }))).toMatchObject({
      failedMustHaves: ['warmth'],
      flagged: true,
    });
    expect(candidateFit(profile, scores({ warmth: 3, ownership: 3 })).flagged).toBe(false);
  });

  it('stays within 0–100', () => {
    const score = fc.constantFrom<AuditScore>(1, 2, 3, 4, 5);
    const keys = profile.criteria.map((c) => c.key);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...keys), score)), (pairs) => {
        const fit = candidateFit(
          profile,
          pairs.map(([criterionKey, s]) => ({ criterionKey, score: s })),
        ).fit;
        expect(fit === null || (fit >= 0 && fit <= 100)).toBe(true);
      }),
    );
  });
});

describe('ranking candidates', () => {
  const cards: CandidateScorecard[] = [
    { candidate: 'Cand-07', scores: scores({ warmth: 1, ownership: 5, typing: 5 }) }, // flagged
    { candidate: 'bo', scores: scores({ warmth: 4, ownership: 4 }) }, // 75
    { candidate: 'Ana', scores: scores({ warmth: 4, ownership: 4 }) }, // 75, same fit: by name
    { candidate: 'Dee', scores: [] }, // nothing scored yet
    { candidate: 'Eli', scores: scores({ warmth: 5, ownership: 5 }) }, // 100
  ];

  it('puts flagged candidates last, then orders by fit and by name', () => {
    const ranked = rankCandidates(profile, cards);
    expect(ranked.map((r) => [r.rank, r.candidate])).toEqual([
      [1, 'Eli'],
      [2, 'Ana'],
      [3, 'bo'],
      [4, 'Dee'],
      [5, 'Cand-07'],
    ]);
    expect(ranked[4]).toMatchObject({ flagged: true, failedMustHaves: ['warmth'] });
  });

  const candidates = fc.record({
    candidate: fc.constantFrom('Ana', 'ana', 'Bo', 'Cy', 'Émile', 'Zoe'),
    fit: fc.option(fc.integer({ min: 0, max: 4 }).map((n) => n * 25)),
    flagged: fc.boolean(),
  });

  it('compares candidates in a total order', () => {
    const sign = (n: number) => Math.sign(n) || 0;
    fc.assert(
      fc.property(candidates, candidates, candidates, (a, b, c) => {
        expect(sign(compareCandidates(a, b))).toBe(-sign(compareCandidates(b, a)) || 0);
        if (compareCandidates(a, b) <= 0 && compareCandidates(b, c) <= 0) {
          expect(compareCandidates(a, c)).toBeLessThanOrEqual(0);
        }
        if (compareCandidates(a, b) === 0) expect(a).toEqual(b);
      }),
    );
  });

  it('ranks the same whatever order the scorecards arrive in', () => {
    const keys = profile.criteria.map((c) => c.key);
    const card = fc.record({
      scores: fc.array(
        fc.record({
          criterionKey: fc.constantFrom(...keys),
          score: fc.constantFrom<AuditScore>(1, 2, 3, 4, 5),
        }),
      ),
    });
    const scorecards = fc
      .uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 8 })
      .chain((names) =>
        fc.tuple(...names.map((name) => card.map((c) => ({ candidate: name, scores: c.scores })))),
      );
    const withShuffle = scorecards.chain((list) =>
      fc.tuple(
        fc.constant(list),
        fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
      ),
    );
    fc.assert(
      fc.property(withShuffle, ([list, shuffled]) => {
        const ranked = rankCandidates(profile, list);
        expect(rankCandidates(profile, shuffled).map((r) => r.candidate)).toEqual(
          ranked.map((r) => r.candidate),
        );
        expect(ranked.map((r) => r.rank)).toEqual(list.map((_, i) => i + 1));
        const firstFlagged = ranked.findIndex((r) => r.flagged);
        if (firstFlagged >= 0) expect(ranked.slice(firstFlagged).every((r) => r.flagged)).toBe(true);
      }),
    );
  });
});
