import { EntitySchema } from 'typeorm';
import type { ClientSize, ClientStatus, Industry } from '@csp/domain';

const tenantId = { type: 'uuid', primary: true, name: 'tenant_id' } as const;

export interface ClientRow {
  tenantId: string;
  id: string;
  name: string;
  industry: Industry;
  size: ClientSize | null;
  region: string | null;
  status: ClientStatus;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ClientEntity = new EntitySchema<ClientRow>({
  name: 'Client',
  tableName: 'clients',
  columns: {
    tenantId,
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    industry: { type: 'text' },
    size: { type: 'text', nullable: true },
    region: { type: 'text', nullable: true },
    status: { type: 'text' },
    archivedAt: { type: 'timestamptz', name: 'archived_at', nullable: true },
    createdAt: { type: 'timestamptz', name: 'created_at' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});

export interface WorkshopRow {
  tenantId: string;
  clientId: string;
  commonPurpose: string | null;
  pointOfDifferentiation: string | null;
  updatedAt: Date | null;
}

export const WorkshopEntity = new EntitySchema<WorkshopRow>({
  name: 'DifferentiationWorkshop',
  tableName: 'client_workshops',
  columns: {
    tenantId,
    clientId: { type: 'uuid', primary: true, name: 'client_id' },
    commonPurpose: { type: 'text', name: 'common_purpose', nullable: true },
    pointOfDifferentiation: { type: 'text', name: 'point_of_differentiation', nullable: true },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});

export interface WorkshopEntryRow {
  tenantId: string;
  id: string;
  clientId: string;
  kind: 'BELIEF' | 'VALUE';
  statement: string;
  linked: boolean;
  position: number;
}

export const WorkshopEntryEntity = new EntitySchema<WorkshopEntryRow>({
  name: 'WorkshopEntry',
  tableName: 'workshop_entries',
  columns: {
    tenantId,
    id: { type: 'uuid', primary: true },
    clientId: { type: 'uuid', name: 'client_id' },
    kind: { type: 'text' },
    statement: { type: 'text' },
    linked: { type: 'boolean' },
    position: { type: 'integer' },
  },
});
