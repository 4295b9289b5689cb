import type { Connection } from '../../core/pagination.js';
import type { ActivityRow } from './entities.js';

/**
 * What this module's GraphQL types resolve from: `<GraphQLType>Mapper`, picked up by name by codegen.ts (no list to
 * keep). A type that resolves straight from a table row is an alias of the row (`<Entity>Row`, entities.ts).
 */
export type ActivityEntryMapper = ActivityRow;
export type ActivityConnectionMapper = Connection<ActivityRow>;
