import type {
  CharterDiff,
  CharterDraft,
  CharterPromise,
  PromiseChange,
  PromiseFieldChange,
  PromiseMove,
  PromisePlace,
  PurposeChange,
  PurposeStatement,
  ServiceStandard,
} from '@csp/domain';
import type { CharterRow, CharterVersionRow } from './entities.js';

/**
 * What this module's GraphQL types resolve from: `<GraphQLType>Mapper`, picked up by name by codegen.ts. A type that
 * resolves straight from a table row is an alias of the row (`<Entity>Row`, entities.ts).
 */
/** With the charter's client, for what other modules hang on a promise by its key (its service level). */
export type CharterPromiseMapper = CharterPromise & { position: number; clientId: string };
export type CharterServiceStandardMapper = ServiceStandard;
export type CharterPurposeStatementMapper = PurposeStatement;
export type CharterPurposeChangeMapper = PurposeChange;
export type CharterPromisePlaceMapper = PromisePlace;
export type CharterPromiseChangeMapper = PromiseChange;
export type CharterPromiseFieldChangeMapper = PromiseFieldChange;
export type CharterPromiseMoveMapper = PromiseMove;

export interface CharterSignOffMapper {
  signedAt: Date;
  signedById: string;
}

export interface CharterDiffMapper extends CharterDiff {
  from: CharterVersionRow;
  to: CharterVersionRow;
}

/** A stored version as the domain sees it, for its rules (readiness, diff, the next draft). */
export function draftOf(version: CharterVersionRow): CharterDraft {
  return {
    purposeStatement: { purpose: version.purpose, why: version.why, everythingElse: version.everythingElse },
    promises: version.promises,
  };
}

export function promisesOf(version: CharterVersionRow): CharterPromiseMapper[] {
  return version.promises.map((promise, index) => ({
    ...promise,
    position: index + 1,
    clientId: version.clientId,
  }));
}

export function signOffOf(version: CharterVersionRow): CharterSignOffMapper | null {
  return version.signedOffAt && version.signedOffBy
    ? { signedAt: version.signedOffAt, signedById: version.signedOffBy }
    : null;
}

export type CharterMapper = CharterRow;
export type CharterVersionMapper = CharterVersionRow;
