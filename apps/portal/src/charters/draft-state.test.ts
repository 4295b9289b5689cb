import { describe, expect, it } from 'vitest';
import {
  localProblems,
  movePromise,
  movePromiseTo,
  newPromise,
  parseTarget,
  toSaveInput,
  type DraftState,
} from './draft-state';

const promise = (
  title: string,
  standard: Partial<{ metric: string; target: string; unit: string }> = {},
) => ({
  ...newPromise(),
  title,
  ...standard,
});

describe('charter draft state', () => {
  it('moves a promise up or down, and ignores moves off either end', () => {
    const list = [promise('a'), promise('b'), promise('c')];
    expect(movePromise(list, 2, -1).map((p) => p.title)).toEqual(['a', 'c', 'b']);
    expect(movePromise(list, 0, 1).map((p) => p.title)).toEqual(['b', 'a', 'c']);
    expect(movePromise(list, 0, -1)).toBe(list);
    expect(movePromise(list, 2, 1)).toBe(list);
  });

  it('moves a dragged promise to where it is dropped, keeping the others in order', () => {
    const list = [promise('a'), promise('b'), promise('c'), promise('d')];
    expect(movePromiseTo(list, 3, 0).map((p) => p.title)).toEqual(['d', 'a', 'b', 'c']);
    expect(movePromiseTo(list, 0, 2).map((p) => p.title)).toEqual(['b', 'c', 'a', 'd']);
    expect(movePromiseTo(list, 1, 1)).toBe(list);
    expect(movePromiseTo(list, 1, 4)).toBe(list);
    expect(movePromiseTo(list, -1, 0)).toBe(list);
  });

  it('reads a target with either decimal mark, and nothing else', () => {
    expect(parseTarget('90')).toBe(90);
    expect(parseTarget('92,5')).toBe(92.5);
    expect(parseTarget('')).toBeNull();
    expect(parseTarget('ninety')).toBeNull();
  });

  it('flags a standard without a numeric target on the promise it belongs to', () => {
    const state: DraftState = {
      purpose: '',
      why: '',
      everythingElse: '',
      promises: [promise('fine'), promise('half a standard', { metric: 'Calls answered', target: 'soon' })],
    };
    expect(localProblems(state)).toEqual([
      { field: 'promises.1.standard', message: 'Give the standard a target as a number, e.g. 90.' },
    ]);
  });

  it('sends a standard only when one is given, and keeps promise keys', () => {
    const kept = { ...promise('kept'), key: 'p-1' };
    const input = toSaveInput('v1', 3, {
      purpose: 'P',
      why: 'W',
      everythingElse: 'E',
      promises: [kept, promise('measured', { metric: 'Calls answered in 20 s', target: '90', unit: '%' })],
    });
    expect(input.expectedRevision).toBe(3);
    expect(input.promises).toEqual([
      { key: 'p-1', title: 'kept', description: null, standard: null },
      {
        key: null,
        title: 'measured',
        description: null,
        standard: { metric: 'Calls answered in 20 s', target: 90, unit: '%' },
      },
    ]);
  });
});
