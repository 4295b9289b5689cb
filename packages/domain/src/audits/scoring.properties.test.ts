import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AuditFramework, AuditScore } from './framework.js';
import { scoreAudit, type AuditResponse, type AuditScores } from './scoring.js';

type Answer = AuditScore | null | 'skip';

const weight = fc.double({ min: 0.01, max: 50, noNaN: true, noDefaultInfinity: true });
const criterionShape = fc.record({ weight, highIsBad: fc.boolean(), critical: fc.boolean() });
const sectionShape = fc.record({
  weight,
  criteria: fc.array(criterionShape, { minLength: 1, maxLength: 5 }),
});

const frameworks = fc.array(sectionShape, { minLength: 1, maxLength: 4 }).map((sections): AuditFramework => ({
  key: 'generated',
  version: 1,
  name: 'Generated',
  summary: '',
  scale: { 1: '1', 2: '2', 3: '3', 4: '4', 5: '5' },
  sections: sections.map((section, s) => ({
    key: `s${s}`,
    title: `Section ${s}`,
    weight: section.weight,
    criteria: section.criteria.map((c, i) => ({ ...c, key: `s${s}c${i}`, prompt: 'p', guidance: '' })),
  })),
}));

const answer = fc.constantFrom<Answer>(1, 2, 3, 4, 5, null, 'skip');

/** A framework together with one answer per criterion (a score, not applicable, or skipped). */
const audits = frameworks.chain((framework) => {
  const keys = framework.sections.flatMap((s) => s.criteria.map((c) => c.key));
  return fc.tuple(
    fc.constant(framework),
    fc.array(answer, { minLength: keys.length, maxLength: keys.length }),
  );
});

function responsesOf(framework: AuditFramework, answers: readonly Answer[]): AuditResponse[] {
  const keys = framework.sections.flatMap((s) => s.criteria.map((c) => c.key));
  return keys.flatMap((criterionKey, i) => {
    const a = answers[i] ?? 'skip';
    return a === 'skip' ? [] : [{ criterionKey, score: a }];
  });
}

const inRange = (value: number | null) => value === null || (value >= 0 && value <= 100);
const scoresOf = (result: AuditScores) => [result.overall, ...result.sections.map((s) => s.score)];

describe('scoring properties', () => {
  it('keeps every score within 0–100, or null', () => {
    fc.assert(
      fc.property(audits, ([framework, answers]) => {
        const result = scoreAudit(framework, responsesOf(framework, answers));
        expect(scoresOf(result).every(inRange)).toBe(true);
        expect(result.criteria.every((c) => inRange(c.points))).toBe(true);
        expect(result.overall === null).toBe(result.sections.every((s) => s.score === null));
      }),
    );
  });

  it('never lowers a score when one answer rises (never raises it for a high-is-bad criterion)', () => {
    fc.assert(
      fc.property(audits, fc.nat(), fc.integer({ min: 1, max: 4 }), ([framework, answers], pick, step) => {
        const scoredAt = answers.flatMap((a, i) => (typeof a === 'number' && a < 5 ? [i] : []));
        fc.pre(scoredAt.length > 0);
        const index = scoredAt[pick % scoredAt.length] ?? 0;
        const before = answers[index] as AuditScore;
        const raised = answers.with(index, Math.min(5, before + step) as AuditScore);
        const criterion = framework.sections.flatMap((s) => s.criteria)[index];
        const sectionIndex = framework.sections.findIndex((s) => s.criteria.includes(criterion!));

        const low = scoreAudit(framework, responsesOf(framework, answers));
        const high = scoreAudit(framework, responsesOf(framework, raised));
        const pairs = [
          [low.overall ?? 0, high.overall ?? 0],
          [low.sections[sectionIndex]?.score ?? 0, high.sections[sectionIndex]?.score ?? 0],
        ];
        for (const [was, now] of pairs) {
          if (criterion?.highIsBad) expect(now).toBeLessThanOrEqual(was!);
          else expect(now).toBeGreaterThanOrEqual(was!);
        }
      }),
    );
  });

  it('gives the same scores for a not-applicable answer as for a framework without that criterion', () => {
    fc.assert(
      fc.property(audits, fc.nat(), ([framework, answers], pick) => {
        const keys = framework.sections.flatMap((s) => s.criteria.map((c) => c.key));
        const index = pick % keys.length;
        const dropped = keys[index];
        const withNa = scoreAudit(framework, responsesOf(framework, answers.with(index, null)));
        const without: AuditFramework = {
          ...framework,
          sections: framework.sections.map((s) => ({
            ...s,
            criteria: s.criteria.filter((c) => c.key !== dropped),
          })),
        };
        const responses = responsesOf(framework, answers).filter((r) => r.criterionKey !== dropped);
        const withoutResult = scoreAudit(without, responses);
        expect(scoresOf(withoutResult)).toEqual(scoresOf(withNa));
        expect(withoutResult.flags).toEqual(withNa.flags);
      }),
    );
  });

  it('does not change any score when every weight is scaled by the same factor', () => {
    const factor = fc.double({ min: 0.001, max: 1000, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(audits, factor, factor, ([framework, answers], criterionFactor, sectionFactor) => {
        const scaled: AuditFramework = {
          ...framework,
          sections: framework.sections.map((s) => ({
            ...s,
            weight: s.weight * sectionFactor,
            criteria: s.criteria.map((c) => ({ ...c, weight: c.weight * criterionFactor })),
          })),
        };
        const responses = responsesOf(framework, answers);
        const original = scoresOf(scoreAudit(framework, responses));
        const rescaled = scoresOf(scoreAudit(scaled, responses));
        original.forEach((value, i) => {
          if (value === null) expect(rescaled[i]).toBeNull();
          else expect(rescaled[i]).toBeCloseTo(value, 8);
        });
      }),
    );
  });

  it('flags exactly when a critical criterion sits on its bad end', () => {
    fc.assert(
      fc.property(audits, ([framework, answers]) => {
        const result = scoreAudit(framework, responsesOf(framework, answers));
        const expected = result.criteria.filter((c) => {
          if (!c.critical || c.score === null) return false;
          return c.highIsBad ? c.score >= 4 : c.score <= 2;
        });
        expect(result.flags.map((f) => f.criterionKey)).toEqual(expected.map((c) => c.key));
      }),
    );
  });
});
