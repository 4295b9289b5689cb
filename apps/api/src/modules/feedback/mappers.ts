import type { FeedbackChange as DomainChange, FeedbackKind, FeedbackScore } from '@csp/domain';
import type { FeedbackLinkRow, FeedbackResponseRow } from './entities.js';

/** What this module's GraphQL types resolve from (found by name by codegen.ts). */
export type FeedbackLinkMapper = FeedbackLinkRow;
export type FeedbackResponseMapper = FeedbackResponseRow;
export type FeedbackScoreMapper = FeedbackScore;
export type FeedbackChangeMapper = DomainChange;

export interface FeedbackMonthMapper {
  month: string;
  score: FeedbackScore;
  change: DomainChange | null;
}

export interface FeedbackTouchPointScoreMapper {
  touchPointId: string | null;
  score: FeedbackScore;
}

export interface FeedbackKindSummaryMapper {
  kind: FeedbackKind;
  overall: FeedbackScore;
  months: FeedbackMonthMapper[];
  touchPoints: FeedbackTouchPointScoreMapper[];
}

export interface FeedbackSummaryMapper {
  kinds: FeedbackKindSummaryMapper[];
}
