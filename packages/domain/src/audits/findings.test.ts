import { describe, expect, it } from 'vitest';
import { builtInFramework } from './frameworks/index.js';
import type { AuditFramework } from './framework.js';
import { scoreAudit } from './scoring.js';
import { auditFindings } from './findings.js';

describe('audit findings', () => {
  it('lists criteria on the bad end of their scale, worst first, inverted ones included', () => {
    const obstacles = builtInFramework('five-obstacles') as AuditFramework;
    const scores = scoreAudit(obstacles, [
      { criterionKey: 'says-one-thing', score: 4 }, // high is bad: 4 → 25 points, critical
      { criterionKey: 'teams-pull-apart', score: 5 }, // 5 → 0 points
      { criterionKey: 'message-fades', score: 3 }, // 50 points: not a finding
      { criterionKey: 'resources-as-excuse', score: 1 }, // 100 points
      { criterionKey: 'capacity-unused', score: 4 }, // 25 points, not critical
      { criterionKey: 'success-undefined', score: null }, // not applicable
    ]);
    expect(auditFindings(obstacles, scores).map((f) => [f.criterionKey, f.points, f.critical])).toEqual([
      ['teams-pull-apart', 0, false],
      ['says-one-thing', 25, true],
      ['capacity-unused', 25, false],
    ]);
    expect(auditFindings(obstacles, scores)[0]?.prompt).toMatch(/^Departments chase goals/);
  });
});
