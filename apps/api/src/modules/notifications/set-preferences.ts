import {
  checkDigestSettings,
  checkPreferenceKind,
  nextDigestAt,
  type Delivery,
  type DigestCadence,
} from '@csp/domain';
import { rescheduleWork } from '../../core/scheduled-work.js';
import { DIGEST_JOB } from './notify.js';
import type { RequestContext } from '../../core/context.js';
import { refused, type Payload } from '../../core/payloads.js';
import { preferencesOf, requirePerson, storeDelivery } from './preferences.js';

type EmailPreferencesPayload = Payload<'EmailPreferencesPayload'>;

/** The signed-in member's own choice for one kind: the tenant and the member come from the session, never the input. */
export async function setEmailPreference(
  context: RequestContext,
  input: { kind: string; delivery: Delivery },
): Promise<EmailPreferencesPayload> {
  const viewer = requirePerson(context);
  const kind = checkPreferenceKind(input.kind, viewer.role);
  if (!kind.ok) return refused('preferences', ...kind.errors);
  return context.db.write(async (db) => {
    await storeDelivery(db, viewer.memberId, kind.value, input.delivery);
    return { preferences: await preferencesOf(db, viewer), userErrors: [] };
  });
}

export async function setDigestSettings(
  context: RequestContext,
  input: { cadence: DigestCadence; weekday?: number | null; timeZone: string },
): Promise<EmailPreferencesPayload> {
  const viewer = requirePerson(context);
  const checked = checkDigestSettings(input);
  if (!checked.ok) return refused('preferences', ...checked.errors);
  const { cadence, weekday, timeZone } = checked.value;
  return context.db.write(async (db) => {
    await db.query(
      `INSERT INTO email_digest_settings AS d (tenant_id, member_id, cadence, weekday, time_zone, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (tenant_id, member_id)
       DO UPDATE SET cadence = EXCLUDED.cadence, weekday = EXCLUDED.weekday, time_zone = EXCLUDED.time_zone,
                     updated_at = now()
       WHERE d.tenant_id = $1`,
      [db.tenantId, viewer.memberId, cadence, weekday, timeZone],
    );
    // A digest already waiting goes at the new time: 08:00 on the clock and the day just chosen.
    await rescheduleWork(
      db,
      DIGEST_JOB,
      viewer.memberId,
      nextDigestAt({ cadence, weekday, timeZone }, new Date()),
    );
    return { preferences: await preferencesOf(db, viewer), userErrors: [] };
  });
}
