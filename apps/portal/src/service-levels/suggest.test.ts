import { describe, expect, it } from 'vitest';
import { suggestDefinition } from './suggest';

describe('a first definition from the charter standard', () => {
  it('turns "within 20 seconds" into a rule, a threshold and the kind of event', () => {
    expect(
      suggestDefinition({
        metric: 'Calls answered within 20 seconds',
        target: 90,
        unit: '%',
        description: 'Calls answered within 20 seconds, target 90 %',
      }),
    ).toEqual({
      name: 'Calls answered within 20 seconds, target 90 %',
      eventKind: 'CALL',
      goodRule: 'answered within',
      threshold: { value: 20, unit: 'SECONDS' },
      targetPercent: '90',
    });
  });

  it('knows emails, complaints and days', () => {
    const email = suggestDefinition({
      metric: 'Emails replied to within 2 working days',
      target: 95,
      unit: '%',
      description: 'Emails replied to within 2 working days, target 95 %',
    });
    expect(email).toMatchObject({
      eventKind: 'EMAIL',
      goodRule: 'replied to within',
      threshold: { value: 2, unit: 'DAYS' },
    });
    expect(
      suggestDefinition({
        metric: 'Complaints resolved at first contact',
        target: 80,
        unit: '%',
        description: 'x',
      }),
    ).toMatchObject({
      eventKind: 'COMPLAINT',
      goodRule: 'Complaints resolved at first contact',
      threshold: null,
    });
  });

  it('keeps the metric as the rule when it has no threshold it can read', () => {
    expect(
      suggestDefinition({ metric: 'Customers greeted by name', target: 4, unit: 'stars', description: '' }),
    ).toEqual({
      name: 'Customers greeted by name',
      eventKind: 'OTHER',
      goodRule: 'Customers greeted by name',
      threshold: null,
      targetPercent: '',
    });
  });
});
