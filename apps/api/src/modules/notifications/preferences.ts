import { In } from 'typeorm';
import {
  DEFAULT_DIGEST_SETTINGS,
  defaultDelivery,
  preferenceKindsOf,
  type Delivery,
  type PreferenceKind,
  type Role,
} from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import { coded } from '../../core/errors.js';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import type { MemberViewer } from '../../core/auth/viewer.js';
import { EMAIL_KINDS, type DigestItemKind, type EmailKindInfo } from './email-kinds.js';
import { EmailDigestSettingsEntity, EmailPreferenceEntity } from './entities.js';
import type { EmailPreferencesMapper } from './mappers.js';

// The domain's preference kinds are exactly the emails a digest may gather: a kind added to one and not the other
// fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const KINDS_AGREE: Same<PreferenceKind, DigestItemKind> = true;
void KINDS_AGREE;

const ABOUT = new Map(EMAIL_KINDS.map((info) => [info.kind, info]));

export function aboutKind(kind: PreferenceKind): EmailKindInfo {
  return ABOUT.get(kind)!;
}

/** Preferences belong to people: an API key has no inbox, so it is refused even if a scope ever granted this. */
export function requirePerson(context: RequestContext): MemberViewer {
  const viewer = context.viewer;
  if (viewer.kind !== 'member') {
    throw coded('FORBIDDEN', 'Email preferences belong to a signed-in person; an API key has none.');
  }
  return viewer;
}

/** A member's choices with their role's defaults filled in: two statements, whatever the number of kinds. */
export async function preferencesOf(
  db: TenantDb,
  member: { memberId: string; role: Role },
): Promise<EmailPreferencesMapper> {
  const [chosen, digest] = await Promise.all([
    db.getRepository(EmailPreferenceEntity).findBy({ memberId: member.memberId }),
    db.getRepository(EmailDigestSettingsEntity).findOneBy({ memberId: member.memberId }),
  ]);
  const byKind = new Map(chosen.map((row) => [row.kind, row.delivery]));
  return {
    kinds: preferenceKindsOf(member.role).map((kind) => {
      const delivery = byKind.get(kind);
      return delivery
        ? { kind, delivery, isDefault: false }
        : { kind, delivery: defaultDelivery(kind, member.role), isDefault: true };
    }),
    digest: digest
      ? { cadence: digest.cadence, weekday: digest.weekday, timeZone: digest.timeZone, isDefault: false }
      : { ...DEFAULT_DIGEST_SETTINGS, isDefault: true },
  };
}

export async function myEmailPreferences(context: RequestContext): Promise<EmailPreferencesMapper> {
  const viewer = requirePerson(context);
  return context.db.read((db) => preferencesOf(db, viewer));
}

/** Sets one kind for one member of the request's tenant: the upsert names its tenant in both its branches. */
export async function storeDelivery(
  db: TenantDb,
  memberId: string,
  kind: PreferenceKind,
  delivery: Delivery,
): Promise<void> {
  await db.query(
    `INSERT INTO email_preferences AS p (tenant_id, member_id, kind, delivery, updated_at)
     VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (tenant_id, member_id, kind)
     DO UPDATE SET delivery = EXCLUDED.delivery, updated_at = now() WHERE p.tenant_id = $1`,
    [db.tenantId, memberId, kind, delivery],
  );
}

/**
 * How each of these members gets an email of this kind, for the code that sends it: their choice, else their role's
 * default. A member who is gone (or of another consultancy) is OFF. Their roles come from accounts; the choices are
 * one statement for all of them.
 */
export async function deliveriesOf(
  db: TenantDb,
  roles: ReadonlyMap<string, Role>,
  memberIds: readonly string[],
  kind: PreferenceKind,
): Promise<Map<string, Delivery>> {
  const ids = [...new Set(memberIds)].filter((id) => roles.has(id));
  const chosen = ids.length
    ? await db.getRepository(EmailPreferenceEntity).findBy({ memberId: In(ids), kind })
    : [];
  const byMember = new Map(chosen.map((row) => [row.memberId, row.delivery]));
  return new Map(
    memberIds.map((id) => {
      const role = roles.get(id);
      if (!role || !preferenceKindsOf(role).includes(kind)) return [id, 'OFF'];
      return [id, byMember.get(id) ?? defaultDelivery(kind, role)];
    }),
  );
}
