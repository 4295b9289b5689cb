import { EntitySchema } from 'typeorm';
import type { FeedbackKind } from '@csp/domain';

const tenantId = { type: 'uuid', primary: true, name: 'tenant_id' } as const;

/** A public link asking one question of one kind, for a client and optionally one of its touch points. */
export interface FeedbackLinkRow {
  tenantId: string;
  id: string;
  clientId: string;
  touchPointId: string | null;
  kind: FeedbackKind;
  question: string;
  active: boolean;
  /** The random part of the public URL (`/feedback/<token>`); also in the global directory. */
  publicToken: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const FeedbackLinkEntity = new EntitySchema<FeedbackLinkRow>({
  name: 'FeedbackLink',
  tableName: 'feedback_links',
  columns: {
    tenantId,
    id: { type: 'uuid', primary: true },
    clientId: { type: 'uuid', name: 'client_id' },
    touchPointId: { type: 'uuid', name: 'touch_point_id', nullable: true },
    kind: { type: 'text' },
    question: { type: 'text' },
    active: { type: 'boolean' },
    publicToken: { type: 'text', name: 'public_token' },
    createdBy: { type: 'uuid', name: 'created_by' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});

/** One customer's answer. No network address and no identity: the link, the touch point and when. */
export interface FeedbackResponseRow {
  tenantId: string;
  id: string;
  clientId: string;
  linkId: string;
  touchPointId: string | null;
  kind: FeedbackKind;
  score: number;
  comment: string | null;
  detractor: boolean;
  invitationId: string | null;
  /** The solved proof-of-work challenge, so the same solution cannot be sent twice. */
  challengeDigest: string;
  receivedAt: Date;
}

export const FeedbackResponseEntity = new EntitySchema<FeedbackResponseRow>({
  name: 'FeedbackResponse',
  tableName: 'feedback_responses',
  columns: {
    tenantId,
    id: { type: 'uuid', primary: true },
    clientId: { type: 'uuid', name: 'client_id' },
    linkId: { type: 'uuid', name: 'link_id' },
    touchPointId: { type: 'uuid', name: 'touch_point_id', nullable: true },
    kind: { type: 'text' },
    score: { type: 'smallint' },
    comment: { type: 'text', nullable: true },
    detractor: { type: 'boolean' },
    invitationId: { type: 'uuid', name: 'invitation_id', nullable: true },
    challengeDigest: { type: 'text', name: 'challenge_digest' },
    receivedAt: { type: 'timestamptz', name: 'received_at' },
  },
});

/** A signed single-use link the client sends after a contact; `usedAt` is set by the one answer it allows. */
export interface FeedbackInvitationRow {
  tenantId: string;
  id: string;
  clientId: string;
  linkId: string;
  reference: string | null;
  expiresAt: Date;
  usedAt: Date | null;
  createdBy: string;
  createdAt: Date;
}

export const FeedbackInvitationEntity = new EntitySchema<FeedbackInvitationRow>({
  name: 'FeedbackInvitation',
  tableName: 'feedback_invitations',
  columns: {
    tenantId,
    id: { type: 'uuid', primary: true },
    clientId: { type: 'uuid', name: 'client_id' },
    linkId: { type: 'uuid', name: 'link_id' },
    reference: { type: 'text', nullable: true },
    expiresAt: { type: 'timestamptz', name: 'expires_at' },
    usedAt: { type: 'timestamptz', name: 'used_at', nullable: true },
    createdBy: { type: 'uuid', name: 'created_by' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});
