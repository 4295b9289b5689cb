import type {
  CandidateScoreRow,
  CandidateScorecardRow,
  HiringCriterionRow,
  RoleProfileRow,
} from './entities.js';

/**
 * What this module's GraphQL types resolve from: `<GraphQLType>Mapper`, picked up by name by codegen.ts (no list to
 * keep). A type that resolves straight from a table row is an alias of the row (`<Entity>Row`, entities.ts).
 */
export type RoleProfileMapper = RoleProfileRow;
export type HiringCriterionMapper = HiringCriterionRow;
export type CandidateScorecardMapper = CandidateScorecardRow;
export type CandidateScoreMapper = CandidateScoreRow;
/** A place in a profile's ranking; the numbers come from rankCandidates, the scorecard from the database. */
export interface RankedCandidateMapper {
  rank: number;
  scorecard: CandidateScorecardRow;
  fit: number | null;
  flagged: boolean;
  complete: boolean;
}
