import { EntitySchema } from 'typeorm';
import type { Role } from '@csp/domain';

export interface InvitationRow {
  tenantId: string;
  id: string;
  email: string;
  role: Role;
  clientId: string | null;
  tokenHash: Buffer;
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

export const InvitationEntity = new EntitySchema<InvitationRow>({
  name: 'Invitation',
  tableName: 'invitations',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    id: { type: 'uuid', primary: true },
    email: { type: 'text' },
    role: { type: 'text' },
    clientId: { type: 'uuid', name: 'client_id', nullable: true },
    tokenHash: { type: 'bytea', name: 'token_hash', select: false },
    invitedBy: { type: 'uuid', name: 'invited_by' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    expiresAt: { type: 'timestamptz', name: 'expires_at' },
    acceptedAt: { type: 'timestamptz', name: 'accepted_at', nullable: true },
    revokedAt: { type: 'timestamptz', name: 'revoked_at', nullable: true },
  },
});
