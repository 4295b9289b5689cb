import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ENGAGEMENT_STATUSES,
  canMoveEngagement,
  explainRefusedMove,
  isEngagementClosed,
  nextEngagementStatuses,
} from './status.js';

describe('engagement status machine', () => {
  it('follows proposed → active → on hold → completed, with cancel from any open state', () => {
    expect(canMoveEngagement('PROPOSED', 'ACTIVE')).toBe(true);
    expect(canMoveEngagement('ACTIVE', 'ON_HOLD')).toBe(true);
    expect(canMoveEngagement('ON_HOLD', 'ACTIVE')).toBe(true);
    expect(canMoveEngagement('ACTIVE', 'COMPLETED')).toBe(true);
    for (const open of ['PROPOSED', 'ACTIVE', 'ON_HOLD'] as const) {
      expect(canMoveEngagement(open, 'CANCELLED')).toBe(true);
    }
  });

  it('refuses skipping ahead and reopening', () => {
    expect(canMoveEngagement('PROPOSED', 'COMPLETED')).toBe(false);
    expect(canMoveEngagement('ON_HOLD', 'COMPLETED')).toBe(false);
    expect(canMoveEngagement('COMPLETED', 'ACTIVE')).toBe(false);
    expect(canMoveEngagement('CANCELLED', 'PROPOSED')).toBe(false);
  });

  it('explains a refusal with the moves that are allowed', () => {
    expect(explainRefusedMove('PROPOSED', 'COMPLETED')).toBe(
      'A proposed engagement can only become active or cancelled, not completed.',
    );
    expect(explainRefusedMove('COMPLETED', 'ACTIVE')).toMatch(/closed/);
    expect(explainRefusedMove('ACTIVE', 'ACTIVE')).toMatch(/already active/);
  });

  it('never allows staying put, and closed states have no way out', () => {
    const status = fc.constantFrom(...ENGAGEMENT_STATUSES);
    fc.assert(
      fc.property(status, status, (from, to) => {
        if (from === to) expect(canMoveEngagement(from, to)).toBe(false);
        if (isEngagementClosed(from)) expect(canMoveEngagement(from, to)).toBe(false);
        expect(canMoveEngagement(from, to)).toBe(nextEngagementStatuses(from).includes(to));
      }),
    );
  });

  it('reaches a closed state from every status', () => {
    for (const start of ENGAGEMENT_STATUSES) {
      const seen = new Set([start]);
      const queue = [start];
      for (let current = queue.shift(); current; current = queue.shift()) {
        for (const next of nextEngagementStatuses(current)) {
          if (seen.has(next)) continue;
          seen.add(next);
          queue.push(next);
        }
      }
      expect([...seen].some(isEngagementClosed)).toBe(true);
    }
  });
});
