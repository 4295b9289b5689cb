import { describe, expect, it } from 'vitest';
import { ROLES } from '../people/roles.js';
import {
  PREFERENCE_KINDS,
  checkDigestSettings,
  checkPreferenceKind,
  defaultDelivery,
  preferenceKindsOf,
} from './preferences.js';

describe('what each role gets before choosing', () => {
  it('sends work of one’s own at once, evidence at once to staff and in the digest to leaders', () => {
    const table = Object.fromEntries(
      ROLES.map((role) => [
        role,
        Object.fromEntries(PREFERENCE_KINDS.map((k) => [k, defaultDelivery(k, role)])),
      ]),
    );
    expect(table.CONSULTANT).toEqual({
      ACTION_ASSIGNED: 'IMMEDIATE',
      ACTION_REMINDER: 'IMMEDIATE',
      SERVICE_LEVEL_ALERT: 'IMMEDIATE',
      DETRACTOR_FEEDBACK: 'IMMEDIATE',
      RISING_COMPLAINTS: 'IMMEDIATE',
      MONTHLY_REPORT: 'OFF',
    });
    expect(table.ADMIN).toEqual(table.CONSULTANT);
    expect(table.CLIENT_LEADER).toEqual({
      ACTION_ASSIGNED: 'IMMEDIATE',
      ACTION_REMINDER: 'IMMEDIATE',
      SERVICE_LEVEL_ALERT: 'DIGEST',
      DETRACTOR_FEEDBACK: 'DIGEST',
      RISING_COMPLAINTS: 'DIGEST',
      MONTHLY_REPORT: 'IMMEDIATE',
    });
  });

  it('never makes invitations or the digest itself a preference', () => {
    for (const role of ROLES) {
      expect(preferenceKindsOf(role)).not.toContain('INVITATION');
      expect(preferenceKindsOf(role)).not.toContain('DIGEST');
    }
    expect(checkPreferenceKind('INVITATION', 'CONSULTANT')).toMatchObject({
      ok: false,
      errors: [{ field: 'kind', code: 'INVALID' }],
    });
  });
});

describe('digest settings as sent', () => {
  it('take a weekday for a weekly digest only, and store the zone in its own spelling', () => {
    expect(checkDigestSettings({ cadence: 'WEEKLY', weekday: 5, timeZone: 'europe/london' })).toEqual({
      ok: true,
      value: { cadence: 'WEEKLY', weekday: 5, timeZone: 'Europe/London' },
    });
    expect(checkDigestSettings({ cadence: 'DAILY', weekday: null, timeZone: 'UTC' })).toMatchObject({
      ok: true,
    });
    expect(checkDigestSettings({ cadence: 'WEEKLY', weekday: null, timeZone: 'UTC' })).toMatchObject({
      errors: [{ field: 'weekday', code: 'REQUIRED' }],
    });
    expect(checkDigestSettings({ cadence: 'WEEKLY', weekday: 8, timeZone: 'UTC' })).toMatchObject({
      errors: [{ field: 'weekday', code: 'INVALID' }],
    });
    expect(checkDigestSettings({ cadence: 'DAILY', weekday: 2, timeZone: 'UTC' })).toMatchObject({
      errors: [{ field: 'weekday', code: 'INVALID' }],
    });
  });

  it('refuse a zone Intl does not know, a bare offset, a NUL and a huge string, naming timeZone', () => {
    for (const timeZone of ['Mars/Olympus_Mons', '+01:00', 'Europe/London\0', 'x'.repeat(10_000), '  ']) {
      const checked = checkDigestSettings({ cadence: 'DAILY', timeZone });
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.errors.map((e) => e.field)).toEqual(['timeZone']);
    }
  });
});
