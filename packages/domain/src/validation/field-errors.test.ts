import { describe, expect, it } from 'vitest';
import { check } from './field-errors.js';
import { clientInput, clientChanges, workshopGaps } from '../clients/client-input.js';
import { engagementInput } from '../engagements/engagement-input.js';
import { invitationInput, signUpInput } from '../people/account-input.js';
import { isRealDate, isRealDateTime, unstorableText } from './text.js';

describe('input rules', () => {
  it('names the field and says what is wrong', () => {
    const result = check(clientInput, { name: '   ', industry: 'RETAIL' });
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'name', code: 'REQUIRED', message: 'Name is required.' }],
    });
  });

  it('refuses text over its limit', () => {
    const result = check(clientInput, { name: 'x'.repeat(201), industry: 'RETAIL' });
    expect(result.ok || result.errors[0]).toEqual({
      field: 'name',
      code: 'TOO_LONG',
      message: 'Name must be at most 200 characters.',
    });
  });

  it('trims, and turns an empty optional text into null', () => {
    const result = check(clientInput, { name: '  Harbour Bank ', industry: 'BANKING_FINANCE', region: '  ' });
    expect(result).toEqual({
      ok: true,
      value: { name: 'Harbour Bank', industry: 'BANKING_FINANCE', region: null },
    });
  });

  it('needs at least one change in an update', () => {
    const result = check(clientChanges, {});
    expect(result.ok).toBe(false);
  });

  it('points a milestone error at its place in the list', () => {
    const result = check(engagementInput, {
      title: 'Charter',
      kind: 'CHARTER_DEVELOPMENT',
      milestones: [
        { title: 'Kick-off', dueOn: '2026-01-10' },
        { title: 'Draft', dueOn: '2026-02-30' },
      ],
    });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['milestones.1.dueOn']);
  });

  it('refuses an end before the start', () => {
    const result = check(engagementInput, {
      title: 'Charter',
      kind: 'DIAGNOSTIC',
      startsOn: '2026-03-01',
      endsOn: '2026-02-01',
    });
    expect(result.ok ? [] : result.errors).toEqual([
      { field: 'endsOn', code: 'INVALID', message: 'The end date must be on or after the start date.' },
    ]);
  });

  it('knows real calendar dates', () => {
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2027-02-29')).toBe(false);
    expect(isRealDate('2027-1-01')).toBe(false);
  });

  it('keeps dates and instants within the years 1900 to 9999 (PostgreSQL has no year 0000)', () => {
    expect(isRealDate('0000-01-01')).toBe(false);
    expect(isRealDate('1899-12-31')).toBe(false);
    expect(isRealDate('1900-01-01')).toBe(true);
    expect(isRealDate('9999-12-31')).toBe(true);
    expect(isRealDateTime('0000-01-01T00:00:00Z')).toBe(false);
    expect(isRealDateTime('2026-03-31T09:00:00Z')).toBe(true);
    expect(isRealDateTime('2026-03-31T09:00:00.123+13:00')).toBe(true);
    expect(isRealDateTime('9999-12-31T23:00:00-05:00')).toBe(false);
    // Date.parse would guess a year for these.
    expect(isRealDateTime('1')).toBe(false);
    expect(isRealDateTime('March 7, 2026')).toBe(false);
    expect(isRealDateTime('2026-02-30T00:00:00Z')).toBe(false);
  });

  it('says why a text cannot be stored: a NUL character or an unpaired surrogate', () => {
    expect(unstorableText('Harbour Bank ☕ 😀')).toBeNull();
    expect(unstorableText('a\u0000b')).toBe('NUL');
    expect(unstorableText('a\uD800b')).toBe('UNPAIRED_SURROGATE');
    expect(unstorableText('\uDE00')).toBe('UNPAIRED_SURROGATE');
  });

  it('lower-cases emails and checks password length', () => {
    const result = check(signUpInput, {
      consultancyName: 'Northwind',
      name: 'Ava',
      email: ' Ava@Example.COM ',
      password: 'short',
    });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['password']);
    const ok = check(signUpInput, {
      consultancyName: 'Northwind',
      name: 'Ava',
      email: ' Ava@Example.COM ',
      password: 'long enough pass',
    });
    expect(ok.ok && ok.value.email).toBe('ava@example.com');
  });

  it('fences a client leader invitation to a client', () => {
    const result = check(invitationInput, { email: 'lee@client.com', role: 'CLIENT_LEADER' });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['clientId']);
  });

  it('lists what a differentiation workshop still lacks', () => {
    expect(
      workshopGaps({
        beliefs: [{ statement: 'Long holds', linked: false }],
        values: [{ statement: 'Quick answers', linked: false }],
        commonPurpose: 'Keep people connected',
        pointOfDifferentiation: 'A person answers within a minute',
      }),
    ).toEqual(['Link the point of differentiation to the beliefs it breaks or the values it serves.']);
  });
});
