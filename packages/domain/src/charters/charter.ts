/**
 * A customer-service charter: a purpose statement and the promises customers can hold the client to. Charters
 * are versioned; a draft is edited, publishing freezes it, and the next draft starts as a copy of what was
 * published, so the difference between any two versions can always be shown.
 */

/**
 * The purpose in the P = W/E form: the purpose (P) tells staff why (W) they do what they do, over (/) everything
 * else (E) competing for their attention. Each part is stored apart so a draft can be built up a piece at a time.
 */
export interface PurposeStatement {
  purpose: string;
  why: string;
  everythingElse: string;
}

export const PURPOSE_PARTS = ['purpose', 'why', 'everythingElse'] as const;
export type PurposePart = (typeof PURPOSE_PARTS)[number];

export const PURPOSE_PART_LABELS: Record<PurposePart, string> = {
  purpose: 'the purpose',
  why: 'the why',
  everythingElse: 'what the purpose comes before',
};

/** A measurable standard behind a promise, e.g. metric "calls answered within 20 seconds", target 90, unit "%". */
export interface ServiceStandard {
  metric: string;
  target: number;
  unit: string;
}

export interface CharterPromise {
  /** Stable across versions (never reused), so a reworded promise is "changed", not "removed and added". */
  key: string;
  title: string;
  description?: string | null;
  standard?: ServiceStandard | null;
}

export interface CharterDraft {
  /** Named as in the API (`CharterVersion.purposeStatement`), so a rule's error path points into the input as is. */
  purposeStatement: PurposeStatement;
  /** In the order customers read them. */
  promises: readonly CharterPromise[];
}

/**
 * Enough for a real charter (the DIME charter has ten) while keeping it something customers will read; past
 * twenty, promises stop being commitments and become a policy manual.
 */
export const MAX_CHARTER_PROMISES = 20;

export const CHARTER_VERSION_STATUSES = ['DRAFT', 'PUBLISHED'] as const;
export type CharterVersionStatus = (typeof CHARTER_VERSION_STATUSES)[number];

/** A published version never changes: the client may have signed it off and customers may have read it. */
export function canEditVersion(status: CharterVersionStatus): boolean {
  return status === 'DRAFT';
}

export function canPublishVersion(status: CharterVersionStatus): boolean {
  return status === 'DRAFT';
}

/** A client leader signs off what customers will see, so only a published version can be signed off. */
export function canSignOffVersion(status: CharterVersionStatus): boolean {
  return status === 'PUBLISHED';
}

/**
 * The next draft starts as a full copy of the published version, keeping the promise keys, so the diff against
 * the published one shows only what the new draft actually changes.
 */
export function nextDraftFrom(published: CharterDraft): CharterDraft {
  return {
    purposeStatement: { ...published.purposeStatement },
    promises: published.promises.map((promise) => ({
      key: promise.key,
      title: promise.title,
      description: promise.description ?? null,
      standard: promise.standard ? { ...promise.standard } : null,
    })),
  };
}

/** How a standard reads in sentences and lists, e.g. "Calls answered within 20 seconds, target 90 %". */
export function describeStandard(standard: ServiceStandard): string {
  return `${standard.metric}, target ${standard.target} ${standard.unit}`.trim();
}
