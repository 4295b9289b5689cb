import { EntitySchema } from 'typeorm';
import type { CharterPromise, CharterVersionStatus } from '@csp/domain';

const tenantId = { type: 'uuid', primary: true, name: 'tenant_id' } as const;

/** One per client: the thread its versions hang on. */
export interface CharterRow {
  tenantId: string;
  id: string;
  clientId: string;
  createdAt: Date;
}

export const CharterEntity = new EntitySchema<CharterRow>({
  name: 'Charter',
  tableName: 'charters',
  columns: {
    tenantId,
    id: { type: 'uuid', primary: true },
    clientId: { type: 'uuid', name: 'client_id' },
    createdAt: { type: 'timestamptz', name: 'created_at' },
  },
});

export interface CharterVersionRow {
  tenantId: string;
  id: string;
  charterId: string;
  clientId: string;
  number: number;
  status: CharterVersionStatus;
  purpose: string;
  why: string;
  everythingElse: string;
  /** In the order customers read them; each keeps its key from version to version. */
  promises: CharterPromise[];
  revision: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  publishedBy: string | null;
  signedOffAt: Date | null;
  signedOffBy: string | null;
}

export const CharterVersionEntity = new EntitySchema<CharterVersionRow>({
  name: 'CharterVersion',
  tableName: 'charter_versions',
  columns: {
    tenantId,
    id: { type: 'uuid', primary: true },
    charterId: { type: 'uuid', name: 'charter_id' },
    clientId: { type: 'uuid', name: 'client_id' },
    number: { type: 'integer' },
    status: { type: 'text' },
    purpose: { type: 'text' },
    why: { type: 'text' },
    everythingElse: { type: 'text', name: 'everything_else' },
    promises: { type: 'jsonb' },
    revision: { type: 'integer' },
    createdBy: { type: 'uuid', name: 'created_by', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
    publishedAt: { type: 'timestamptz', name: 'published_at', nullable: true },
    publishedBy: { type: 'uuid', name: 'published_by', nullable: true },
    signedOffAt: { type: 'timestamptz', name: 'signed_off_at', nullable: true },
    signedOffBy: { type: 'uuid', name: 'signed_off_by', nullable: true },
  },
});
