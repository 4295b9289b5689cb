import { describe, expect, it } from 'vitest';
import type { PeriodStatus } from './compliance.js';
import { describeServiceLevel, formatShare, serviceLevelSummary } from './wording.js';

const closed = (...statuses: PeriodStatus[]) => statuses.map((status) => ({ closed: true, status }));
const running = (status: PeriodStatus = 'MET') => ({ closed: false, status });

describe('a service level in words', () => {
  it('says the rule in one phrase', () => {
    expect(
      describeServiceLevel({
        eventKind: 'CALL',
        goodRule: 'answered by a person within',
        threshold: { value: 60, unit: 'SECONDS' },
        target: 0.9,
        period: 'WEEK',
      }),
    ).toBe('Calls answered by a person within 60 seconds, 90 % each week');
    expect(
      describeServiceLevel({
        eventKind: 'COMPLAINT',
        goodRule: 'resolved at first contact.',
        threshold: null,
        target: 0.9995,
        period: 'MONTH',
      }),
    ).toBe('Complaints resolved at first contact, 99.95 % each month');
    expect(
      describeServiceLevel({
        eventKind: 'EMAIL',
        goodRule: 'answered within',
        threshold: { value: 1, unit: 'DAYS' },
        target: 1,
        period: 'DAY',
      }),
    ).toBe('Emails answered within 1 day, 100 % each day');
    expect(formatShare(0.842)).toBe('84.2 %');
    const typed = (goodRule: string) =>
      describeServiceLevel({ eventKind: 'CHAT', goodRule, threshold: null, target: 0.8, period: 'WEEK' });
    expect(typed('Answered by a person within')).toBe('Chats answered by a person within, 80 % each week');
    expect(typed('NPS promoters')).toBe('Chats NPS promoters, 80 % each week');
  });

  it('sums up the last 12 closed periods that had figures', () => {
    const twelve = closed('MET', 'MET', 'MET', 'MISSED', ...Array<PeriodStatus>(8).fill('MET'));
    expect(serviceLevelSummary([...closed('MISSED', 'MISSED'), ...twelve, running('MISSED')], 'WEEK')).toBe(
      'Kept in 11 of the last 12 weeks',
    );
    expect(serviceLevelSummary(closed('NOT_ENOUGH_DATA', 'MET', 'MISSED', 'MET', 'MET'), 'DAY')).toBe(
      'Kept in 3 of the 4 days measured',
    );
    expect(serviceLevelSummary([...closed('NOT_ENOUGH_DATA', 'MET'), running()], 'MONTH')).toBe(
      'Kept in the last month',
    );
    expect(serviceLevelSummary(closed('MISSED', 'NOT_ENOUGH_DATA'), 'QUARTER')).toBe(
      'Not kept in the one quarter measured',
    );
  });

  it('says when there is nothing to judge yet', () => {
    expect(serviceLevelSummary([...closed('NOT_ENOUGH_DATA'), running('NOT_ENOUGH_DATA')], 'WEEK')).toBe(
      'Not measured yet',
    );
    expect(serviceLevelSummary([running('MISSED')], 'WEEK')).toBe('First week still running');
    expect(serviceLevelSummary([], 'WEEK')).toBe('Not measured yet');
  });
});
