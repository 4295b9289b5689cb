import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../validation/field-errors.js';
import { webhookEndpointChanges, webhookEndpointInput } from './endpoint-input.js';
import { webhookMessage } from './events.js';
import {
  MAX_DELIVERY_ATTEMPTS,
  RETRY_WAITS_SECONDS,
  deliveryOutcome,
  nextRetryDelayMs,
} from './retry-schedule.js';

const THREE_DAYS_MS = 3 * 24 * 60 * 60 * 1000;

describe('the retry schedule', () => {
  it('waits 30 s after the first failure and a day after the ninth, unjittered at the midpoint', () => {
    expect(nextRetryDelayMs(1, 0.5)).toBe(30_000);
    expect(nextRetryDelayMs(9, 0.5)).toBe(86_400_000);
    // Shortest jitter: 0.8 × 30 s; longest: 1.2 × 30 s.
    expect(nextRetryDelayMs(1, 0)).toBe(24_000);
    expect(nextRetryDelayMs(1, 0.999999)).toBe(36_000);
  });

  it('stops after the last wait', () => {
    expect(MAX_DELIVERY_ATTEMPTS).toBe(12);
    expect(nextRetryDelayMs(RETRY_WAITS_SECONDS.length, 0.5)).not.toBeNull();
    expect(nextRetryDelayMs(RETRY_WAITS_SECONDS.length + 1, 0.5)).toBeNull();
    expect(nextRetryDelayMs(0, 0.5)).toBeNull();
  });

  it('spans at least three days whatever the jitter, and each wait stays within 20% of its base', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
          minLength: RETRY_WAITS_SECONDS.length,
          maxLength: RETRY_WAITS_SECONDS.length,
        }),
        (randoms) => {
          let total = 0;
          randoms.forEach((random, index) => {
            const delay = nextRetryDelayMs(index + 1, random);
            const base = (RETRY_WAITS_SECONDS[index] ?? 0) * 1000;
            expect(delay).not.toBeNull();
            expect(delay!).toBeGreaterThanOrEqual(Math.floor(base * 0.8));
            expect(delay!).toBeLessThanOrEqual(Math.ceil(base * 1.2));
            total += delay!;
          });
          expect(total).toBeGreaterThanOrEqual(THREE_DAYS_MS);
        },
      ),
    );
  });
});

describe('what an attempt means', () => {
  it('treats any 2xx as delivered, 410 as gone, the rest as a retry until the schedule runs out', () => {
    expect(deliveryOutcome(200, 1, 0.5)).toEqual({ kind: 'DELIVERED' });
    expect(deliveryOutcome(204, 5, 0.5)).toEqual({ kind: 'DELIVERED' });
    expect(deliveryOutcome(410, 1, 0.5)).toEqual({ kind: 'GONE' });
    expect(deliveryOutcome(500, 1, 0.5)).toEqual({ kind: 'RETRY', delayMs: 30_000 });
    expect(deliveryOutcome(null, 2, 0.5)).toEqual({ kind: 'RETRY', delayMs: 120_000 });
    expect(deliveryOutcome(301, 3, 0.5)).toEqual({ kind: 'RETRY', delayMs: 600_000 });
    expect(deliveryOutcome(503, MAX_DELIVERY_ATTEMPTS, 0.5)).toEqual({ kind: 'GAVE_UP' });
  });
});

describe('an endpoint', () => {
  it('needs an http(s) URL without credentials and at least one event', () => {
    const fields = (input: unknown) => {
      const result = check(webhookEndpointInput, input);
      return result.ok ? [] : result.errors.map((error) => error.field);
    };
    expect(fields({ url: 'ftp://example.com/x', events: ['AUDIT_PUBLISHED'] })).toEqual(['url']);
    expect(fields({ url: 'https://user:pw@example.com/x', events: ['AUDIT_PUBLISHED'] })).toEqual(['url']);
    expect(fields({ url: 'not a url', events: [] })).toEqual(['url', 'events']);
    expect(fields({ url: 'https://example.com/x', events: ['SOMETHING_ELSE'] })).toEqual(['events.0']);
    expect(fields({ url: 'https://example.com/x', events: ['AUDIT_PUBLISHED'] })).toEqual([]);
  });

  it('keeps each event once and leaves out what a change does not name', () => {
    const created = check(webhookEndpointInput, {
      url: ' https://example.com/x ',
      events: ['AUDIT_PUBLISHED', 'AUDIT_PUBLISHED'],
    });
    expect(created.ok && created.value).toEqual({
      url: 'https://example.com/x',
      events: ['AUDIT_PUBLISHED'],
      description: null,
    });
    const changed = check(webhookEndpointChanges, { enabled: true });
    expect(changed.ok && changed.value).toEqual({ enabled: true });
    const cleared = check(webhookEndpointChanges, { description: null });
    expect(cleared.ok && cleared.value).toEqual({ description: null });
  });
});

describe('a message', () => {
  it('carries the dotted type and the moment of the event', () => {
    expect(
      webhookMessage('CHARTER_SIGNED_OFF', new Date('2026-11-23T10:00:00Z'), { versionId: 'v' }),
    ).toEqual({
      type: 'charter.signed_off',
      timestamp: '2026-11-23T10:00:00.000Z',
      data: { versionId: 'v' },
    });
  });
});
