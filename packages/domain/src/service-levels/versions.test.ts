import { describe, expect, it } from 'vitest';
import {
  effectiveFromOfNewVersion,
  latestPeriods,
  versionInForce,
  versionedPeriodContaining,
  versionedPeriodsBetween,
  type VersionBounds,
} from './versions.js';

const at = (iso: string) => new Date(iso);
const weekly: VersionBounds = {
  number: 1,
  effectiveFrom: at('2026-03-02T00:00:00Z'),
  period: 'WEEK',
  timeZone: 'Europe/London',
};

describe('definition versions over time', () => {
  it('lets the first version judge history from before it was set up', () => {
    const period = versionedPeriodContaining([weekly], at('2026-01-07T12:00:00Z'));
    expect(period).toMatchObject({ label: '2026-W02', version: 1 });
    expect(period.start.toISOString()).toBe('2026-01-05T00:00:00.000Z');
  });

  it('ends the old version’s running week where the new daily definition starts, and judges each side by its own', () => {
    // Set up in week 10; changed to daily on Wednesday 11 March at noon: in force from that day's midnight.
    const now = at('2026-03-11T12:00:00Z');
    const effectiveFrom = effectiveFromOfNewVersion(
      { period: 'DAY', timeZone: 'Europe/London' },
      weekly,
      now,
    );
    expect(effectiveFrom.toISOString()).toBe('2026-03-11T00:00:00.000Z');
    const versions = [
      weekly,
      { number: 2, effectiveFrom, period: 'DAY' as const, timeZone: 'Europe/London' },
    ];
    const periods = versionedPeriodsBetween(versions, at('2026-03-02T00:00:00Z'), at('2026-03-13T00:00:00Z'));
    expect(periods.map((p) => [p.label, p.version, p.start.toISOString(), p.end.toISOString()])).toEqual([
      ['2026-W10', 1, '2026-03-02T00:00:00.000Z', '2026-03-09T00:00:00.000Z'],
      ['2026-W11', 1, '2026-03-09T00:00:00.000Z', '2026-03-11T00:00:00.000Z'],
      ['2026-03-11', 2, '2026-03-11T00:00:00.000Z', '2026-03-12T00:00:00.000Z'],
      ['2026-03-12', 2, '2026-03-12T00:00:00.000Z', '2026-03-13T00:00:00.000Z'],
    ]);
    expect(versionInForce(versions, at('2026-03-10T23:59:59Z')).number).toBe(1);
    expect(versionInForce(versions, at('2026-03-11T00:00:00Z')).number).toBe(2);
  });

  it('never starts a new version before the previous one, which then never judged a period', () => {
    const daily: VersionBounds = {
      number: 2,
      effectiveFrom: at('2026-03-11T00:00:00Z'),
      period: 'DAY',
      timeZone: 'Europe/London',
    };
    // The same day, back to weekly: the week started Monday 9, before version 2; so version 3 starts with it.
    const effectiveFrom = effectiveFromOfNewVersion(
      { period: 'WEEK', timeZone: 'Europe/London' },
      daily,
      at('2026-03-11T15:00:00Z'),
    );
    expect(effectiveFrom).toEqual(daily.effectiveFrom);
    const versions = [weekly, daily, { ...weekly, number: 3, effectiveFrom }];
    expect(versionInForce(versions, at('2026-03-11T15:00:00Z')).number).toBe(3);
    const running = versionedPeriodContaining(versions, at('2026-03-11T15:00:00Z'));
    expect([running.label, running.version, running.start.toISOString(), running.end.toISOString()]).toEqual([
      '2026-W11',
      3,
      '2026-03-11T00:00:00.000Z',
      '2026-03-16T00:00:00.000Z',
    ]);
  });

  it('gives the latest periods without gaps, the running one last, across a clock change', () => {
    const daily: VersionBounds = { ...weekly, period: 'DAY' };
    const periods = latestPeriods([daily], at('2026-03-30T10:00:00Z'), 3);
    expect(periods.map((p) => [p.label, (p.end.getTime() - p.start.getTime()) / 3_600_000])).toEqual([
      ['2026-03-28', 24],
      ['2026-03-29', 23],
      ['2026-03-30', 24],
    ]);
    expect(latestPeriods([weekly], at('2026-03-30T10:00:00Z'), 1)[0]!.label).toBe('2026-W14');
  });

  it('walks back across versions exactly as asking the period of each instant would', () => {
    const versions: VersionBounds[] = [
      weekly,
      { number: 2, effectiveFrom: at('2026-03-11T00:00:00Z'), period: 'DAY', timeZone: 'America/New_York' },
      { number: 3, effectiveFrom: at('2026-03-20T04:00:00Z'), period: 'MONTH', timeZone: 'Europe/London' },
    ];
    const now = at('2026-05-06T12:00:00Z');
    const walked: string[] = [];
    for (let t = now.getTime(); walked.length < 20;) {
      const period = versionedPeriodContaining(versions, new Date(t));
      walked.unshift(
        `${period.label} v${period.version} ${period.start.toISOString()}–${period.end.toISOString()}`,
      );
      t = period.start.getTime() - 1;
    }
    expect(
      latestPeriods(versions, now, 20).map(
        (p) => `${p.label} v${p.version} ${p.start.toISOString()}–${p.end.toISOString()}`,
      ),
    ).toEqual(walked);
    expect(walked.slice(-3)).toEqual([
      // London months, on summer time from 29 March: a local midnight is 23:00 UTC.
      '2026-03 v3 2026-03-20T04:00:00.000Z–2026-03-31T23:00:00.000Z',
      '2026-04 v3 2026-03-31T23:00:00.000Z–2026-04-30T23:00:00.000Z',
      '2026-05 v3 2026-04-30T23:00:00.000Z–2026-05-31T23:00:00.000Z',
    ]);
  });
});
