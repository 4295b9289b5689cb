import type { Connection } from '../../core/pagination.js';
import type { ActionNoteRow, ActionRow } from './entities.js';

/**
 * What this module's GraphQL types resolve from: `<GraphQLType>Mapper`, picked up by name by codegen.ts (no list to
 * keep). A type that resolves straight from a table row is an alias of the row (`<Entity>Row`, entities.ts).
 */
export type ActionMapper = ActionRow;
export type ActionConnectionMapper = Connection<ActionRow>;
export type ActionNoteMapper = ActionNoteRow;
export interface ActionFindingMapper {
  actionId: string;
  auditId: string;
  criterionKey: string;
  criterionPrompt: string | null;
  visibleAuditId: string | null;
  reauditId: string | null;
  pointsBefore: number | null;
  pointsAfter: number | null;
  change: number | null;
  improved: boolean | null;
}
