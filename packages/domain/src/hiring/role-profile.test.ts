import { describe, expect, it } from 'vitest';
import { check } from '../validation/field-errors.js';
import { categoryBreakdown, compareCategories } from './categories.js';
import { candidateScorecardInput, hiringCriterionInput } from './hiring-input.js';
import { profileReadiness, weightTotal, type HiringCriterion, type RoleProfile } from './role-profile.js';

const criterion = (key: string, category: HiringCriterion['category'], weight: number, mustHave = false) => ({
  key,
  category,
  title: `Criterion ${key}`,
  weight,
  mustHave,
  evidence: 'Tell me about a time…',
});

const contactCentreAgent: RoleProfile = {
  title: 'Contact-centre agent',
  criteria: [
    { ...criterion('warmth', 'PERSONALITY_TRAIT', 25, true), aeiouValue: 'OPTIMISTIC' },
    criterion('composure', 'PERSONALITY_TRAIT', 15),
    criterion('telco-years', 'INDUSTRY_EXPERIENCE', 20),
    criterion('typing', 'SKILL', 10),
    { ...criterion('ownership', 'VALUE_FIT', 20, true), aeiouValue: 'ACCOUNTABLE' },
    criterion('plans', 'PRODUCT_KNOWLEDGE', 10),
  ],
};

describe('role profile readiness', () => {
  it('accepts a profile whose weights add up to exactly 100', () => {
    expect(weightTotal(contactCentreAgent.criteria)).toBe(100);
    expect(profileReadiness(contactCentreAgent)).toEqual([]);
  });

  it('says the total and what is missing, or what is over', () => {
    const short = { ...contactCentreAgent, criteria: contactCentreAgent.criteria.slice(1) };
    expect(profileReadiness(short)).toEqual([
      {
        field: 'criteria',
        code: 'INVALID',
        message: 'The weights add up to 75; add 25 more to reach 100.',
      },
    ]);
    const over = {
      ...contactCentreAgent,
      criteria: [...contactCentreAgent.criteria, criterion('x', 'SKILL', 20)],
    };
    expect(profileReadiness(over)[0]?.message).toBe(
      'The weights add up to 120; take away 20 to come down to 100.',
    );
  });

  it('names each broken criterion by its place', () => {
    const errors = profileReadiness({
      title: ' ',
      criteria: [
        { ...criterion('a', 'SKILL', 50.5), evidence: '' },
        { ...criterion('a', 'SKILL', 0), title: '' },
        criterion('b', 'SKILL', 49.5),
      ],
    });
    expect(errors.map((e) => `${e.field} ${e.code}`)).toEqual([
      'title REQUIRED',
      'criteria.0.weight INVALID',
      'criteria.0.evidence REQUIRED',
      'criteria.1.key TAKEN',
      'criteria.1.title REQUIRED',
      'criteria.1.weight INVALID',
      'criteria.2.weight INVALID',
    ]);
  });

  it('needs at least one criterion', () => {
    expect(profileReadiness({ title: 'Agent', criteria: [] }).map((e) => e.field)).toEqual(['criteria']);
  });
});

describe('category weights', () => {
  it('splits the 100 points over all five categories', () => {
    expect(
      categoryBreakdown(contactCentreAgent).map((c) => [c.category, c.weight, c.share, c.mustHaves]),
    ).toEqual([
      ['PERSONALITY_TRAIT', 40, 40, 1],
      ['INDUSTRY_EXPERIENCE', 20, 20, 0],
      ['SKILL', 10, 10, 0],
      ['VALUE_FIT', 20, 20, 1],
      ['PRODUCT_KNOWLEDGE', 10, 10, 0],
    ]);
  });

  it('answers whether industry experience matters more than personality traits', () => {
    expect(compareCategories(contactCentreAgent, 'INDUSTRY_EXPERIENCE', 'PERSONALITY_TRAIT')).toEqual({
      heavier: 'PERSONALITY_TRAIT',
      difference: 20,
      sentence:
        'Industry experience carries 20 of 100 points and personality traits 40: more weight goes to personality traits.',
    });
    expect(compareCategories(contactCentreAgent, 'VALUE_FIT', 'INDUSTRY_EXPERIENCE').heavier).toBeNull();
  });

  it('gives shares of the actual total while a profile is still unbalanced', () => {
    const half = { title: 'Half', criteria: [criterion('a', 'SKILL', 30), criterion('b', 'VALUE_FIT', 10)] };
    expect(categoryBreakdown(half).find((c) => c.category === 'SKILL')?.share).toBe(75);
  });
});

describe('hiring input', () => {
  it('checks a criterion’s shape but leaves the total to readiness', () => {
    const result = check(hiringCriterionInput, {
      category: 'CHARM',
      title: 'Warmth',
      weight: 12.5,
      evidence: '',
    });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['category', 'weight', 'evidence']);
  });

  it('keeps a scorecard to a name or reference and whole scores', () => {
    const result = check(candidateScorecardInput, {
      candidate: ' ',
      scores: [{ criterionKey: 'a', score: 7 }],
    });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['candidate', 'scores.0.score']);
  });
});
