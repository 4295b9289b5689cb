import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkComplaint,
  checkComplaintBatch,
  complaintCategoryInput,
  COMPLAINT_LIMITS,
  touchPointNamed,
} from './complaint-input.js';

// The journey's channel list stands in here; the API passes @csp/domain's CHANNELS.
const CHANNELS = ['PHONE', 'EMAIL', 'WEB'] as const;
const now = new Date('2026-11-20T12:00:00Z');
const good = {
  receivedAt: '2026-11-18T09:15:00+01:00',
  channel: 'PHONE',
  categoryId: '6f1c1c4e-2b7a-4f1e-9d7a-1a2b3c4d5e6f',
  severity: 'HIGH',
  whatHappened: 'Held for 40 minutes, then cut off.',
};
const fieldsOf = (input: unknown) => {
  const checked = checkComplaint(CHANNELS, input, { now });
  return checked.ok ? [] : checked.errors.map((e) => `${e.field}:${e.code}`);
};

describe('a complaint', () => {
  it('takes the required fields and leaves the rest empty', () => {
    const checked = checkComplaint(CHANNELS, good, { now });
    expect(checked).toEqual({
      ok: true,
      value: {
        ...good,
        receivedAt: new Date('2026-11-18T08:15:00Z'),
        touchPointId: null,
        promiseKey: null,
        customerReference: null,
        resolvedAt: null,
        resolution: null,
        rootCause: null,
      },
    });
  });

  it('names each bad field', () => {
    expect(fieldsOf({})).toEqual([
      'receivedAt:INVALID',
      'channel:INVALID',
      'severity:INVALID',
      'whatHappened:INVALID',
      'categoryId:INVALID',
    ]);
    expect(fieldsOf({ ...good, receivedAt: '18/11/2026' })).toEqual(['receivedAt:INVALID']);
    expect(fieldsOf({ ...good, channel: 'PIGEON' })).toEqual(['channel:INVALID']);
    expect(fieldsOf({ ...good, severity: 'URGENT' })).toEqual(['severity:INVALID']);
    expect(fieldsOf({ ...good, whatHappened: '   ' })).toEqual(['whatHappened:REQUIRED']);
    expect(fieldsOf({ ...good, whatHappened: 'x'.repeat(COMPLAINT_LIMITS.whatHappened + 1) })).toEqual([
      'whatHappened:TOO_LONG',
    ]);
    expect(fieldsOf({ ...good, touchPointId: 'nope' })).toEqual(['touchPointId:INVALID']);
    expect(fieldsOf({ ...good, promiseKey: 'not a key' })).toEqual(['promiseKey:INVALID']);
    expect(fieldsOf({ ...good, customerReference: 'c'.repeat(65) })).toEqual(['customerReference:TOO_LONG']);
  });

  it('refuses a NUL and a lone surrogate in its texts', () => {
    expect(fieldsOf({ ...good, whatHappened: 'cut\0off' })).toEqual(['whatHappened:INVALID']);
    expect(fieldsOf({ ...good, rootCause: 'rota \uD800gap' })).toEqual(['rootCause:INVALID']);
    expect(fieldsOf({ ...good, whatHappened: 'fine 😀 emoji' })).toEqual([]);
  });

  it('is resolved at or after it was received, and says how', () => {
    expect(fieldsOf({ ...good, resolvedAt: '2026-11-18T08:14:59Z', resolution: 'Called back.' })).toEqual([
      'resolvedAt:INVALID',
    ]);
    expect(fieldsOf({ ...good, resolvedAt: '2026-11-18T08:15:00Z', resolution: 'Called back.' })).toEqual([]);
    expect(fieldsOf({ ...good, resolvedAt: '2026-11-19T08:00:00Z' })).toEqual(['resolution:INVALID']);
    expect(fieldsOf({ ...good, resolution: 'Called back.' })).toEqual(['resolvedAt:INVALID']);
  });

  it('cannot come from the future', () => {
    expect(fieldsOf({ ...good, receivedAt: '2026-11-21T00:00:00Z' })).toEqual(['receivedAt:INVALID']);
    expect(fieldsOf({ ...good, resolvedAt: '2026-11-25T00:00:00Z', resolution: 'Refunded.' })).toEqual([
      'resolvedAt:INVALID',
    ]);
  });

  it('keeps any storable text as it was given, trimmed', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' }), (text) => {
        const checked = checkComplaint(CHANNELS, { ...good, whatHappened: text }, { now });
        if (text.trim() === '') expect(checked.ok).toBe(false);
        else expect(checked.ok && checked.value.whatHappened).toBe(text.trim());
      }),
    );
  });
});

describe('a batch of complaints', () => {
  const { categoryId: _id, ...rest } = good;
  const row = { ...rest, category: 'Waiting' };

  it('is all or nothing, each error naming its row', () => {
    const checked = checkComplaintBatch(
      CHANNELS,
      [row, { ...row, severity: 'NONE' }, { ...row, receivedAt: 'soon' }, { ...row, category: '' }],
      { now, field: 'rows' },
    );
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.errors.map((e) => e.field)).toEqual([
      'rows.1.severity',
      'rows.2.receivedAt',
      'rows.3.category',
    ]);
  });

  it('uses an external reference once', () => {
    const checked = checkComplaintBatch(
      CHANNELS,
      [
        { ...row, externalReference: 'CRM-1' },
        { ...row, externalReference: 'CRM-2' },
        { ...row, externalReference: 'CRM-1' },
      ],
      { now, field: 'rows' },
    );
    expect(!checked.ok && checked.errors).toEqual([
      expect.objectContaining({ field: 'rows.2.externalReference', code: 'CONFLICT' }),
    ]);
  });

  it('takes between one and a thousand rows', () => {
    expect(checkComplaintBatch(CHANNELS, [], { now, field: 'rows' })).toMatchObject({ ok: false });
    expect(
      checkComplaintBatch(
        CHANNELS,
        Array.from({ length: 1001 }, () => row),
        { now, field: 'rows' },
      ),
    ).toMatchObject({ ok: false, errors: [{ field: 'rows', code: 'TOO_LONG' }] });
    const ok = checkComplaintBatch(CHANNELS, [{ ...row, externalReference: ' CRM-9 ' }], {
      now,
      field: 'rows',
    });
    expect(ok.ok && ok.value[0]!.externalReference).toBe('CRM-9');
  });
});

describe('a batch row’s touch point, by name', () => {
  const { categoryId: _id, ...rest } = good;
  const row = { ...rest, category: 'Waiting' };
  const journey = [
    { id: 'a', name: 'Help line' },
    { id: 'b', name: 'Web chat' },
    { id: 'c', name: 'Shop counter' },
    { id: 'd', name: 'shop COUNTER ' },
  ];

  it('is optional, trimmed, and blank is none', () => {
    const checked = checkComplaintBatch(
      CHANNELS,
      [row, { ...row, touchPointName: '  Help line ' }, { ...row, touchPointName: '   ' }],
      { now, field: 'rows' },
    );
    expect(checked.ok && checked.value.map((r) => r.touchPointName)).toEqual([null, 'Help line', null]);
  });

  it('is by id or by name, never both, the error naming the row and field', () => {
    const checked = checkComplaintBatch(
      CHANNELS,
      [row, { ...row, touchPointId: '6f1c1c4e-2b7a-4f1e-9d7a-1a2b3c4d5e6f', touchPointName: 'Help line' }],
      { now, field: 'rows' },
    );
    expect(!checked.ok && checked.errors).toEqual([
      expect.objectContaining({ field: 'rows.1.touchPointName', code: 'INVALID' }),
    ]);
  });

  it('refuses a name longer than a touch point’s', () => {
    const checked = checkComplaintBatch(
      CHANNELS,
      [{ ...row, touchPointName: 'x'.repeat(COMPLAINT_LIMITS.touchPointName + 1) }],
      { now, field: 'rows' },
    );
    expect(!checked.ok && checked.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'rows.0.touchPointName:TOO_LONG',
    ]);
  });

  it('finds the one live touch point of that name, without case or surrounding spaces', () => {
    expect(touchPointNamed(journey, 'help LINE')).toEqual({ ok: true, touchPoint: journey[0] });
    expect(touchPointNamed(journey, ' Web chat  ')).toEqual({ ok: true, touchPoint: journey[1] });
  });

  it('says when no touch point, or more than one, has the name', () => {
    expect(touchPointNamed(journey, 'Helpline')).toMatchObject({
      ok: false,
      reason: 'UNKNOWN',
      message: expect.stringContaining('no current touch point named “Helpline”'),
    });
    expect(touchPointNamed(journey, 'Shop counter')).toMatchObject({
      ok: false,
      reason: 'AMBIGUOUS',
      message: expect.stringContaining('2 touch points'),
    });
    expect(touchPointNamed([], 'Help line')).toMatchObject({ ok: false, reason: 'UNKNOWN' });
  });
});

describe('a complaint category', () => {
  it('has a name', () => {
    expect(complaintCategoryInput.safeParse({ name: '  Billing ' }).data).toEqual({
      name: 'Billing',
      description: null,
    });
    expect(complaintCategoryInput.safeParse({ name: ' ' }).success).toBe(false);
  });
});
