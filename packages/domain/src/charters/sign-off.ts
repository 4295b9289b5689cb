import { canSignOffVersion, type CharterVersionStatus } from './charter.js';

export interface SignOffCandidate {
  number: number;
  status: CharterVersionStatus;
  signedOff: boolean;
  /** The number of the charter's newest published version, or null when none is published. */
  latestPublishedNumber: number | null;
}

/**
 * Why a client leader may not sign off this version, or null when they may. A sign-off is the client's word that
 * the charter customers now read is theirs: it is given once, and only to the version in force, because approving
 * a version that has already been replaced would say nothing about what customers are actually promised.
 */
export function signOffRefusal(version: SignOffCandidate): string | null {
  if (!canSignOffVersion(version.status)) return 'Only a published version of the charter can be signed off.';
  if (version.signedOff) return `Version ${version.number} has already been signed off.`;
  if (version.latestPublishedNumber !== null && version.latestPublishedNumber > version.number) {
    return `Version ${version.number} has been replaced by version ${version.latestPublishedNumber}; sign off the version in force instead.`;
  }
  return null;
}
