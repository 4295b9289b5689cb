import { describe, expect, it } from 'vitest';
import { check } from '../validation/field-errors.js';
import { builtInFramework } from './frameworks/index.js';
import { copyFramework, type AuditFramework } from './framework.js';
import { validateFramework } from './framework-validation.js';
import {
  auditInput,
  auditResponsesToSave,
  defaultAuditTitle,
  editedFramework,
  frameworkEditField,
  frameworkEditInput,
  promiseLinkInput,
} from './audit-input.js';

const fields = (result: ReturnType<typeof check>) => (result.ok ? [] : result.errors.map((e) => e.field));

describe('starting an audit', () => {
  it('trims, leaves the optional parts empty, and checks the date', () => {
    expect(check(auditInput, { frameworkKey: ' aeiou-values ', title: ' ' })).toEqual({
      ok: true,
      value: { frameworkKey: 'aeiou-values', title: null },
    });
    expect(
      fields(check(auditInput, { frameworkKey: '', conductedOn: '2026-02-30', frameworkVersion: 0 })),
    ).toEqual(['frameworkKey', 'frameworkVersion', 'conductedOn']);
  });

  it('titles an untitled audit by framework and month', () => {
    expect(defaultAuditTitle('Five obstacles', '2026-03-09')).toBe('Five obstacles, March 2026');
    expect(defaultAuditTitle('x'.repeat(300), '2026-12-01')).toHaveLength(200);
  });

  it('needs at least one response in a save', () => {
    expect(fields(check(auditResponsesToSave, []))).toEqual(['']);
    expect(check(auditResponsesToSave, [{ criterionKey: 'k', score: 3 }]).ok).toBe(true);
  });
});

describe('editing a framework copy', () => {
  const copy = copyFramework(builtInFramework('aeiou-values') as AuditFramework, {
    key: 'our-values',
    name: 'Ours',
  });

  it('keeps the key and scale, raises the version and fills the defaults', () => {
    const edit = check(frameworkEditInput, {
      name: ' Our values ',
      sections: [
        { key: 'people', title: ' People ', weight: 2, criteria: [{ key: 'a', prompt: 'P', weight: 1 }] },
      ],
    });
    expect(edit.ok).toBe(true);
    if (!edit.ok) return;
    const next = editedFramework(copy, edit.value);
    expect(next).toMatchObject({
      key: 'our-values',
      version: 2,
      name: 'Our values',
      summary: '',
      scale: copy.scale,
    });
    expect(next.sections[0]).toEqual({
      key: 'people',
      title: 'People',
      weight: 2,
      criteria: [{ key: 'a', prompt: 'P', guidance: '', weight: 1, highIsBad: false, critical: false }],
    });
    expect(validateFramework(next)).toEqual([]);
  });

  it('takes a new scale as five labels and points a bad label at its place in the list', () => {
    const edit = check(frameworkEditInput, { name: 'N', scale: ['a', 'b', ' ', 'd', 'e'], sections: [] });
    if (!edit.ok) throw new Error('expected a valid edit');
    const next = editedFramework(copy, edit.value);
    expect(next.scale[5]).toBe('e');
    expect(validateFramework(next).map((e) => frameworkEditField(e.field))).toEqual(['scale.2', 'sections']);
    expect(fields(check(frameworkEditInput, { name: 'N', scale: ['a'], sections: [] }))).toEqual(['scale']);
  });
});

describe('linking a promise to criteria', () => {
  it('refuses an empty or repeated criterion key', () => {
    const result = check(promiseLinkInput, {
      promiseKey: 'p1',
      frameworkKey: 'aeiou-values',
      criterionKeys: ['a', ' ', 'a'],
    });
    expect(fields(result)).toEqual(['criterionKeys.1', 'criterionKeys.2']);
  });

  it('accepts an empty list, which removes the links', () => {
    expect(check(promiseLinkInput, { promiseKey: 'p1', frameworkKey: 'f', criterionKeys: [] }).ok).toBe(true);
  });
});
