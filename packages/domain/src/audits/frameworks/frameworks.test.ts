import { describe, expect, it } from 'vitest';
import { copyFramework, criterionCount, frameworkCriteria, type AuditFramework } from '../framework.js';
import { validateFramework } from '../framework-validation.js';
import {
  BUILT_IN_FRAMEWORKS,
  BUILT_IN_FRAMEWORK_KEYS,
  builtInFramework,
  isBuiltInFrameworkKey,
} from './index.js';

describe('built-in audit frameworks', () => {
  it('has the seven frameworks, each under a unique key', () => {
    const keys = BUILT_IN_FRAMEWORKS.map((f) => f.key);
    expect(keys).toEqual([...BUILT_IN_FRAMEWORK_KEYS]);
    expect(new Set(keys).size).toBe(7);
  });

  it.each(BUILT_IN_FRAMEWORKS.map((f) => [f.key, f] as const))(
    '%s passes validateFramework',
    (_key, framework) => {
      expect(validateFramework(framework)).toEqual([]);
    },
  );

  it.each(BUILT_IN_FRAMEWORKS.map((f) => [f.key, f] as const))(
    '%s is a usable audit: 2–5 criteria a section, 8–20 in all, some critical',
    (_key, framework) => {
      for (const section of framework.sections) {
        expect(section.criteria.length).toBeGreaterThanOrEqual(2);
        expect(section.criteria.length).toBeLessThanOrEqual(5);
      }
      expect(criterionCount(framework)).toBeGreaterThanOrEqual(8);
      expect(criterionCount(framework)).toBeLessThanOrEqual(20);
      const critical = frameworkCriteria(framework).filter(({ criterion }) => criterion.critical);
      expect(critical.length).toBeGreaterThanOrEqual(1);
      expect(critical.length).toBeLessThanOrEqual(4);
      expect(new Set(frameworkCriteria(framework).map(({ criterion }) => criterion.key)).size).toBe(
        criterionCount(framework),
      );
    },
  );

  it('scores every obstacle the other way round, and nothing else', () => {
    for (const framework of BUILT_IN_FRAMEWORKS) {
      const inverted = frameworkCriteria(framework).map(({ criterion }) => criterion.highIsBad);
      expect(inverted.every((highIsBad) => highIsBad === (framework.key === 'five-obstacles'))).toBe(true);
    }
  });

  it('covers what each source names', () => {
    const titles = (key: string) => builtInFramework(key)?.sections.map((s) => s.title);
    expect(titles('aeiou-values')).toEqual([
      'Accountable',
      'Energetic',
      'Innovative',
      'Optimistic',
      'Unique',
    ]);
    expect(titles('dime-maturity')).toEqual([
      'Deliberate culture',
      'Interactions',
      'Memories',
      'Experiences',
    ]);
    expect(titles('service-methodology')).toHaveLength(8);
    expect(titles('five-obstacles')).toHaveLength(5);
    expect(titles('service-future')).toEqual([
      'Purpose statement',
      'Service atmosphere',
      'Point of difference',
      'Creativity',
    ]);
    const mind = builtInFramework('mind-for-service');
    const capabilities = mind?.sections.filter((s) => s.key !== 'groundwork').flatMap((s) => s.criteria);
    expect(capabilities).toHaveLength(7);
  });

  it('finds a framework by key and refuses to be changed in place', () => {
    expect(builtInFramework('four-rewards')?.name).toBe('Four rewards');
    expect(builtInFramework('nope')).toBeUndefined();
    expect(isBuiltInFrameworkKey('dime-maturity')).toBe(true);
    const framework = builtInFramework('four-rewards') as AuditFramework;
    expect(() => {
      (framework as { name: string }).name = 'Changed';
    }).toThrow(TypeError);
    expect(Object.isFrozen(framework.sections[0]?.criteria[0])).toBe(true);
  });
});

describe('consultancy copies', () => {
  const source = builtInFramework('aeiou-values') as AuditFramework;

  it('copies into an editable framework at version 1 under its own key', () => {
    const copy = copyFramework(source, { key: 'northwind-values', name: 'Northwind values' });
    expect(copy.version).toBe(1);
    expect(Object.isFrozen(copy.sections[0]?.criteria[0])).toBe(false);
    expect(criterionCount(copy)).toBe(criterionCount(source));
    expect(validateFramework(copy)).toEqual([]);
  });

  it('names each broken rule by its field', () => {
    const copy = copyFramework(source, { key: 'Bad Key', name: ' ' });
    const [first, second] = copy.sections;
    const edited: AuditFramework = {
      ...copy,
      version: 0,
      sections: [
        { ...first!, weight: 0, criteria: [{ ...first!.criteria[0]!, weight: -1 }, first!.criteria[0]!] },
        { ...second!, key: first!.key, criteria: [] },
      ],
    };
    expect(validateFramework(edited).map((e) => `${e.field} ${e.code}`)).toEqual([
      'key INVALID',
      'version INVALID',
      'name REQUIRED',
      'sections.0.weight INVALID',
      'sections.0.criteria.0.weight INVALID',
      'sections.0.criteria.1.key TAKEN',
      'sections.1.key TAKEN',
      'sections.1.criteria REQUIRED',
    ]);
  });

  it('needs at least one section and a label for every scale point', () => {
    const errors = validateFramework({ ...source, scale: { ...source.scale, 3: '' }, sections: [] });
    expect(errors.map((e) => e.field)).toEqual(['scale.3', 'sections']);
  });
});
