import type { Connection } from '../../core/pagination.js';
import type { InvitationRow } from './entities.js';

/**
 * What this module's GraphQL types resolve from: `<GraphQLType>Mapper`, picked up by name by codegen.ts (no list to
 * keep). A type that resolves straight from a table row is an alias of the row (`<Entity>Row`, entities.ts).
 */
export type InvitationMapper = InvitationRow;
export type InvitationConnectionMapper = Connection<InvitationRow>;
