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
import type { CharterVersionRow } from './entities.js';

/** What the GraphQL types of this module resolve from (the mappers in codegen.ts point here). */
export type PromiseView = CharterPromise & { position: number };
export type StandardView = ServiceStandard;
export type PurposeStatementView = PurposeStatement;
export type PurposeChangeView = PurposeChange;
export type PromisePlaceView = PromisePlace;
export type PromiseChangeView = PromiseChange;
export type PromiseFieldChangeView = PromiseFieldChange;
export type PromiseMoveView = PromiseMove;

export interface SignOffView {
  signedAt: Date;
  signedById: string;
}

export interface DiffView extends CharterDiff {
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

export function promisesOf(version: CharterVersionRow): PromiseView[] {
  return version.promises.map((promise, index) => ({ ...promise, position: index + 1 }));
}

export function signOffOf(version: CharterVersionRow): SignOffView | null {
  return version.signedOffAt && version.signedOffBy
    ? { signedAt: version.signedOffAt, signedById: version.signedOffBy }
    : null;
}
