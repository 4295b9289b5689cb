import { EntitySchema } from 'typeorm';
import type { Delivery, DigestCadence } from '@csp/domain';

const tenantId = { type: 'uuid', primary: true, name: 'tenant_id' } as const;
const memberId = { type: 'uuid', primary: true, name: 'member_id' } as const;

/** A choice a member made for one kind of email; a kind without a row gets the domain's default. */
export interface EmailPreferenceRow {
  tenantId: string;
  memberId: string;
  kind: string;
  delivery: Delivery;
  updatedAt: Date;
}

export const EmailPreferenceEntity = new EntitySchema<EmailPreferenceRow>({
  name: 'EmailPreference',
  tableName: 'email_preferences',
  columns: {
    tenantId,
    memberId,
    kind: { type: 'text', primary: true },
    delivery: { type: 'text' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});

/** When a member's digest goes out, once they have chosen; until then, DEFAULT_DIGEST_SETTINGS. */
export interface EmailDigestSettingsRow {
  tenantId: string;
  memberId: string;
  cadence: DigestCadence;
  weekday: number | null;
  timeZone: string;
  updatedAt: Date;
}

export const EmailDigestSettingsEntity = new EntitySchema<EmailDigestSettingsRow>({
  name: 'EmailDigestSettings',
  tableName: 'email_digest_settings',
  columns: {
    tenantId,
    memberId,
    cadence: { type: 'text' },
    weekday: { type: 'smallint', nullable: true },
    timeZone: { type: 'text', name: 'time_zone' },
    updatedAt: { type: 'timestamptz', name: 'updated_at' },
  },
});
