import { EntitySchema } from 'typeorm';
import type { Role } from '@csp/domain';

const tenantId = { type: 'uuid', primary: true, name: 'tenant_id' } as const;
const id = { type: 'uuid', primary: true } as const;

export interface ConsultancyRow {
  tenantId: string;
  name: string;
  createdAt: Date;
}

export const ConsultancyEntity = new EntitySchema<ConsultancyRow>({
  name: 'Consultancy',
  tableName: 'consultancies',
  columns: {
    tenantId,
    name: { type: 'text' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});

export interface MemberRow {
  tenantId: string;
  id: string;
  email: string;
  name: string;
  /** Null for people who sign in through their identity provider only (single sign-on). */
  passwordHash: string | null;
  role: Role;
  clientId: string | null;
  createdAt: Date;
  /** Set when an admin removed them: their sessions ended and nothing signs them in again. */
  removedAt: Date | null;
}

export const MemberEntity = new EntitySchema<MemberRow>({
  name: 'Member',
  tableName: 'users',
  columns: {
    tenantId,
    id,
    email: { type: 'text' },
    name: { type: 'text' },
    passwordHash: { type: 'text', name: 'password_hash', select: false, nullable: true },
    role: { type: 'text' },
    clientId: { type: 'uuid', name: 'client_id', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    removedAt: { type: 'timestamptz', name: 'removed_at', nullable: true },
  },
});

export interface SessionRow {
  tenantId: string;
  id: string;
  userId: string;
  tokenHash: Buffer;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export const SessionEntity = new EntitySchema<SessionRow>({
  name: 'Session',
  tableName: 'sessions',
  columns: {
    tenantId,
    id,
    userId: { type: 'uuid', name: 'user_id' },
    tokenHash: { type: 'bytea', name: 'token_hash' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    expiresAt: { type: 'timestamptz', name: 'expires_at' },
    revokedAt: { type: 'timestamptz', name: 'revoked_at', nullable: true },
  },
});
