import { EntitySchema } from 'typeorm';
import type { ApiScope } from '@csp/domain';

export interface ApiKeyRow {
  tenantId: string;
  id: string;
  name: string;
  hint: string;
  secretHash: Buffer;
  scopes: ApiScope[];
  clientId: string | null;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export const ApiKeyEntity = new EntitySchema<ApiKeyRow>({
  name: 'ApiKey',
  tableName: 'api_keys',
  columns: {
    tenantId: { type: 'uuid', primary: true, name: 'tenant_id' },
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    hint: { type: 'text' },
    secretHash: { type: 'bytea', name: 'secret_hash', select: false },
    scopes: { type: 'text', array: true },
    clientId: { type: 'uuid', name: 'client_id', nullable: true },
    createdBy: { type: 'uuid', name: 'created_by' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    expiresAt: { type: 'timestamptz', name: 'expires_at', nullable: true },
    revokedAt: { type: 'timestamptz', name: 'revoked_at', nullable: true },
    lastUsedAt: { type: 'timestamptz', name: 'last_used_at', nullable: true },
  },
});
