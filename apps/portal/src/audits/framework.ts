import type { AuditFramework, AuditScore } from '@csp/domain';
import type { AuditFrameworkFieldsFragment } from '../generated/graphql';

/** The API's framework in the shape the shared scoring rules take, so live scores come from `scoreAudit`. */
export function toDomainFramework(framework: AuditFrameworkFieldsFragment): AuditFramework {
  const scale = Object.fromEntries(framework.scale.map((s) => [s.score, s.label])) as Record<
    AuditScore,
    string
  >;
  return {
    key: framework.key,
    version: framework.version,
    name: framework.name,
    summary: framework.summary,
    scale,
    sections: framework.sections.map((s) => ({
      ...s,
      criteria: s.criteria.map((c) => ({ ...c })),
    })),
  };
}
