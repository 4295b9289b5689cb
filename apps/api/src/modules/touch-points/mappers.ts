import type {
  CustomerJourneyRow,
  JourneyChangeRow,
  JourneyStageRow,
  TouchPointCriterionRow,
  TouchPointPromiseRow,
  TouchPointRow,
} from './entities.js';

/**
 * What this module's GraphQL types resolve from: `<GraphQLType>Mapper`, picked up by name by codegen.ts. A type that
 * resolves straight from a table row is an alias of the row (`<Entity>Row`, entities.ts).
 */
export type TouchPointMapper = TouchPointRow;
export type JourneyStageMapper = JourneyStageRow;
/** A client's journey; `revision` is 0 for a client whose journey was never edited (no row yet). */
export type CustomerJourneyMapper = Pick<CustomerJourneyRow, 'clientId' | 'revision'>;
export type TouchPointPromiseMapper = TouchPointPromiseRow;
export type TouchPointCriterionMapper = TouchPointCriterionRow;
export type JourneyChangeMapper = JourneyChangeRow;
