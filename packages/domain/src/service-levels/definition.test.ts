import { describe, expect, it } from 'vitest';
import { check } from '../validation/field-errors.js';
import {
  THRESHOLD_UNITS,
  THRESHOLD_UNIT_LABELS,
  WEEKDAYS,
  WEEKDAY_LABELS,
  definitionChanges,
  serviceLevelInput,
  type ServiceLevelInput,
} from './definition.js';

const calls: ServiceLevelInput = {
  name: 'Calls answered within 60 seconds',
  eventKind: 'CALL',
  goodRule: 'Answered by a person within',
  threshold: { value: 60, unit: 'SECONDS' },
  target: 0.9,
  period: 'WEEK',
  timeZone: 'europe/london',
  businessHours: [
    { day: 'TUESDAY', opens: '08:00', closes: '18:00' },
    { day: 'MONDAY', opens: '08:00', closes: '18:00' },
  ],
  exclusionRule: 'Calls abandoned within 5 seconds are not counted.',
};

function definition(input: ServiceLevelInput) {
  const checked = check(serviceLevelInput, input);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.value;
}

describe('a service level definition', () => {
  it('takes a full definition, naming the zone as IANA spells it and the days in week order', () => {
    const value = definition(calls);
    expect(value.timeZone).toBe('Europe/London');
    expect(value.businessHours?.map((d) => d.day)).toEqual(['MONDAY', 'TUESDAY']);
  });

  it('needs no threshold or business hours, but always an explicit exclusion rule', () => {
    const value = definition({ ...calls, threshold: null, businessHours: [] });
    expect(value.threshold).toBeNull();
    expect(value.businessHours).toBeNull();
    const checked = check(serviceLevelInput, { ...calls, exclusionRule: '  ' });
    expect(!checked.ok && checked.errors).toEqual([
      {
        field: 'exclusionRule',
        code: 'REQUIRED',
        message: 'The rule for abandoned or excluded events is required.',
      },
    ]);
  });

  it.each([
    [0, 'Target must be more than 0 and at most 1 (100 %).'],
    [1.5, 'Target must be more than 0 and at most 1 (100 %).'],
    [0.12345, 'Target can have at most four decimals (0.9995 is 99.95 %).'],
  ])('refuses a target of %s', (target, message) => {
    const checked = check(serviceLevelInput, { ...calls, target });
    expect(!checked.ok && checked.errors.map((e) => [e.field, e.message])).toEqual([['target', message]]);
  });

  it('refuses an unknown time zone, an offset, odd hours and a day given twice', () => {
    for (const timeZone of ['Mars/Olympus_Mons', '+01:00']) {
      const checked = check(serviceLevelInput, { ...calls, timeZone });
      expect(!checked.ok && checked.errors.map((e) => e.field)).toEqual(['timeZone']);
    }
    const checked = check(serviceLevelInput, {
      ...calls,
      businessHours: [
        { day: 'MONDAY', opens: '18:00', closes: '08:00' },
        { day: 'MONDAY', opens: '8am', closes: '24:00' },
      ],
    });
    expect(!checked.ok && checked.errors.map((e) => e.field)).toEqual([
      'businessHours.0.closes',
      'businessHours.1.opens',
      'businessHours.1.day',
    ]);
  });
});

describe('definition versions', () => {
  it('keeps the version on a rename', () => {
    expect(
      definitionChanges(definition(calls), definition({ ...calls, name: 'Calls answered in a minute' })),
    ).toEqual({
      changed: ['name'],
      newVersion: false,
    });
  });

  it('makes a new version for any change of what is measured or how it is judged', () => {
    const before = definition(calls);
    const changes: [Partial<ServiceLevelInput>, string][] = [
      [{ eventKind: 'CHAT' }, 'eventKind'],
      [{ goodRule: 'Answered by anyone within' }, 'goodRule'],
      [{ threshold: { value: 45, unit: 'SECONDS' } }, 'threshold'],
      [{ target: 0.85 }, 'target'],
      [{ period: 'MONTH' }, 'period'],
      [{ timeZone: 'Europe/Dublin' }, 'timeZone'],
      [{ businessHours: null }, 'businessHours'],
      [{ exclusionRule: 'Every call counts.' }, 'exclusionRule'],
    ];
    for (const [change, field] of changes) {
      expect(definitionChanges(before, definition({ ...calls, ...change }))).toEqual({
        changed: [field],
        newVersion: true,
      });
    }
  });

  it('sees no change in the same definition written another way', () => {
    const reordered = definition({
      ...calls,
      timeZone: 'Europe/London',
      threshold: { unit: 'SECONDS', value: 60 },
      businessHours: [...(calls.businessHours ?? [])].reverse(),
    });
    expect(definitionChanges(definition(calls), reordered)).toEqual({ changed: [], newVersion: false });
  });
});

describe('labels for forms', () => {
  it('name every threshold unit and every day of the week, in the order the definition lists them', () => {
    expect(THRESHOLD_UNITS.map((unit) => THRESHOLD_UNIT_LABELS[unit])).toEqual([
      'seconds',
      'minutes',
      'hours',
      'days',
    ]);
    expect(WEEKDAYS.map((day) => WEEKDAY_LABELS[day])).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
  });
});
