import type { RisingFlag } from '@csp/domain';
import type { ServiceLevelRow } from '../service-levels/index.js';
import type { TouchPointRow } from '../touch-points/index.js';
import type { Connection } from '../../core/pagination.js';
import type { ComplaintCategoryRow, ComplaintRow } from './entities.js';

/**
 * What this module's GraphQL types resolve from: `<GraphQLType>Mapper`, picked up by name by codegen.ts. A type that
 * resolves straight from a table row is an alias of the row (`<Entity>Row`, entities.ts).
 */
export type ComplaintMapper = ComplaintRow;
export type ComplaintCategoryMapper = ComplaintCategoryRow;
export type ComplaintConnectionMapper = Connection<ComplaintRow>;
export type ComplaintRisingFlagMapper = RisingFlag;

export interface ComplaintCategoryPatternMapper {
  category: ComplaintCategoryRow;
  counts: number[];
  rising: RisingFlag;
}

export interface ComplaintTouchPointPatternMapper {
  touchPoint: TouchPointRow;
  counts: number[];
  rising: RisingFlag;
}

export interface ComplaintResolveMonthMapper {
  month: string;
  resolved: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface ComplaintRateMapper {
  serviceLevel: ServiceLevelRow;
  contacts: number[];
  perThousand: (number | null)[];
}

export interface ComplaintRecurrenceMapper {
  complaintId: string;
  actionId: string;
}

export interface ComplaintPatternsMapper {
  months: string[];
  timeZone: string;
  categories: ComplaintCategoryPatternMapper[];
  touchPoints: ComplaintTouchPointPatternMapper[];
  totals: number[];
  timeToResolve: ComplaintResolveMonthMapper[];
  rates: ComplaintRateMapper[];
  recurrences: ComplaintRecurrenceMapper[];
}
