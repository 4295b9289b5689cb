import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AuditFramework } from './framework.js';
import {
  AUDIT_STATUSES,
  auditSubmitGaps,
  canEditAuditResponses,
  canMoveAudit,
  explainRefusedAuditMove,
  isAuditFinal,
  isAuditVisibleToClient,
  nextAuditStatuses,
} from './lifecycle.js';
import { builtInFramework } from './frameworks/index.js';

describe('audit lifecycle', () => {
  it('moves draft → in progress → submitted → published, and a submitted audit can be reopened', () => {
    expect(canMoveAudit('DRAFT', 'IN_PROGRESS')).toBe(true);
    expect(canMoveAudit('IN_PROGRESS', 'SUBMITTED')).toBe(true);
    expect(canMoveAudit('SUBMITTED', 'PUBLISHED')).toBe(true);
    expect(canMoveAudit('SUBMITTED', 'IN_PROGRESS')).toBe(true);
  });

  it('refuses skipping review and changing a published audit', () => {
    expect(canMoveAudit('DRAFT', 'SUBMITTED')).toBe(false);
    expect(canMoveAudit('IN_PROGRESS', 'PUBLISHED')).toBe(false);
    for (const to of AUDIT_STATUSES) expect(canMoveAudit('PUBLISHED', to)).toBe(false);
    expect(isAuditFinal('PUBLISHED')).toBe(true);
  });

  it('explains refusals in plain words', () => {
    expect(explainRefusedAuditMove('DRAFT', 'PUBLISHED')).toBe(
      'A draft audit can only become in progress, not published.',
    );
    expect(explainRefusedAuditMove('IN_PROGRESS', 'PUBLISHED')).toBe(
      'An in progress audit can only become submitted, not published.',
    );
    expect(explainRefusedAuditMove('PUBLISHED', 'IN_PROGRESS')).toMatch(/final/);
    expect(explainRefusedAuditMove('SUBMITTED', 'SUBMITTED')).toBe('The audit is already submitted.');
  });

  it('agrees with its own list of next statuses and never stays put', () => {
    const status = fc.constantFrom(...AUDIT_STATUSES);
    fc.assert(
      fc.property(status, status, (from, to) => {
        expect(canMoveAudit(from, to)).toBe(nextAuditStatuses(from).includes(to));
        if (from === to) expect(canMoveAudit(from, to)).toBe(false);
      }),
    );
  });

  it('lets responses change only before submission, and shows only published audits to clients', () => {
    expect(AUDIT_STATUSES.filter(canEditAuditResponses)).toEqual(['DRAFT', 'IN_PROGRESS']);
    expect(AUDIT_STATUSES.filter(isAuditVisibleToClient)).toEqual(['PUBLISHED']);
  });
});

describe('ready to submit', () => {
  const framework = builtInFramework('four-rewards') as AuditFramework;
  const keys = framework.sections.flatMap((s) => s.criteria.map((c) => c.key));

  it('names every criterion left without an answer', () => {
    const gaps = auditSubmitGaps(
      framework,
      keys.slice(2).map((criterionKey) => ({ criterionKey, score: 3 as const })),
    );
    expect(gaps.map((g) => g.field)).toEqual([`responses.${keys[0]}`, `responses.${keys[1]}`]);
    expect(gaps[0]?.message).toMatch(/or mark it not applicable/);
  });

  it('accepts not applicable as an answer but needs at least one score', () => {
    const allNa = keys.map((criterionKey) => ({ criterionKey, score: null }));
    expect(auditSubmitGaps(framework, allNa).map((g) => g.field)).toEqual(['responses']);
    const oneScored = allNa.map((r, i) => (i === 1 ? { ...r, score: 4 as const } : r));
    expect(auditSubmitGaps(framework, oneScored)).toEqual([]);
  });
});
