import type { PeriodStatus } from '@csp/domain';
import type { ServiceLevelCorrectionRow, ServiceLevelRow, ServiceLevelVersionRow } from './entities.js';

/**
 * What this module's GraphQL types resolve from: `<GraphQLType>Mapper`, picked up by name by codegen.ts. A type that
 * resolves straight from a table row is an alias of the row (`<Entity>Row`, entities.ts).
 */
export type ServiceLevelMapper = ServiceLevelRow;
export type ServiceLevelDefinitionMapper = ServiceLevelVersionRow;
export type MeasurementCorrectionMapper = ServiceLevelCorrectionRow;

/** A period as shown: its figures from service_level_periods (zero when none), judged by the domain. */
export interface ServiceLevelPeriodMapper {
  label: string;
  start: Date;
  end: Date;
  closed: boolean;
  definitionVersion: number;
  target: number;
  good: number;
  valid: number;
  excluded: number;
  compliance: number | null;
  complianceInterval: { low: number; high: number } | null;
  status: PeriodStatus;
  budgetLeft: number;
  projected: number | null;
  atRisk: boolean;
}

export interface ServiceLevelChangeMapper {
  kind: 'BREACHED' | 'RECOVERED';
  period: ServiceLevelPeriodMapper;
}
