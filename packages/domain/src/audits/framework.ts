/**
 * An audit framework is a versioned template: sections of criteria, each weighted, answered on a 1–5 scale.
 * Built-in frameworks ship with the product; a consultancy copies one and edits its copy, so every shape here is
 * plain data that can be stored as JSON and compared across versions by key.
 */

export const AUDIT_SCORES = [1, 2, 3, 4, 5] as const;
export type AuditScore = (typeof AUDIT_SCORES)[number];

export function isAuditScore(value: unknown): value is AuditScore {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** What each point of the scale means in this framework, so an assessor scores against words, not numbers. */
export type ScaleLabels = Readonly<Record<AuditScore, string>>;

export interface AuditCriterion {
  /** Unique across the whole framework (responses name only the criterion), stable across versions. */
  key: string;
  prompt: string;
  /** What evidence to look for and how to tell the scale points apart. */
  guidance: string;
  weight: number;
  /** True when a high score describes a problem (an obstacle), so scoring inverts it. */
  highIsBad: boolean;
  /** A bad answer here flags the whole audit, whatever the overall score says. */
  critical: boolean;
}

export interface AuditSection {
  key: string;
  title: string;
  weight: number;
  criteria: readonly AuditCriterion[];
}

export interface AuditFramework {
  key: string;
  /** Whole number, raised whenever criteria, weights or wording change; an audit records the version it used. */
  version: number;
  name: string;
  summary: string;
  scale: ScaleLabels;
  sections: readonly AuditSection[];
}

/** Every criterion with the section it sits in, in framework order. */
export function frameworkCriteria(
  framework: AuditFramework,
): { section: AuditSection; criterion: AuditCriterion }[] {
  return framework.sections.flatMap((section) =>
    section.criteria.map((criterion) => ({ section, criterion })),
  );
}

export function criterionCount(framework: AuditFramework): number {
  return framework.sections.reduce((sum, section) => sum + section.criteria.length, 0);
}

/**
 * A consultancy's own editable copy of a framework. It starts at version 1 under its new key: its history is its
 * own, and audits made on the original keep pointing at the original.
 */
export function copyFramework(source: AuditFramework, copy: { key: string; name: string }): AuditFramework {
  return {
    key: copy.key,
    version: 1,
    name: copy.name,
    summary: source.summary,
    scale: { ...source.scale },
    sections: source.sections.map((section) => ({
      ...section,
      criteria: section.criteria.map((criterion) => ({ ...criterion })),
    })),
  };
}
