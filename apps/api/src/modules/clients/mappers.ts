import type { Connection } from '../../core/pagination.js';
import type { ClientRow, WorkshopEntryRow } from './entities.js';

/**
 * What this module's GraphQL types resolve from: `<GraphQLType>Mapper`, picked up by name by codegen.ts (no list to
 * keep). A type that resolves straight from a table row is an alias of the row (`<Entity>Row`, entities.ts).
 */
export type ClientMapper = ClientRow;
export type WorkshopEntryMapper = WorkshopEntryRow;
export type ClientConnectionMapper = Connection<ClientRow>;
/** The workshop as the API shows it: an empty one for a client that has not held it yet. */
export interface DifferentiationWorkshopMapper {
  beliefs: WorkshopEntryRow[];
  values: WorkshopEntryRow[];
  commonPurpose: string | null;
  pointOfDifferentiation: string | null;
  updatedAt: Date | null;
}
