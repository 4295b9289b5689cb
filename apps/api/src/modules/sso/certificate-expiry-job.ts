import { certificateWarningDue, daysUntilExpiry } from '@csp/domain';
import { recordProductAction } from '../../core/activity-trail.js';
import { scheduleWork, type ScheduledJob } from '../../core/scheduled-work.js';
import type { TenantDb } from '../../core/tenancy/tenant-db.js';
import { adminIdsOf, consultancyNameOf, membersByIds } from '../accounts/index.js';
import { queueMail } from '../mail/index.js';
import { renderEmail } from '../notifications/index.js';
import { describeCertificate } from './certificates.js';
import { SsoConnectionEntity } from './entities.js';

export const CERTIFICATE_CHECK_JOB = 'SSO_CERTIFICATE_CHECK';
const DAY_MS = 86_400_000;

/** The connection's next check: now for a connection just added or given new certificates, then daily. */
export async function scheduleCertificateCheck(db: TenantDb, connectionId: string, at: Date): Promise<void> {
  await scheduleWork(db, { job: CERTIFICATE_CHECK_JOB, key: connectionId, runAt: at });
}

/**
 * A SAML connection's certificates checked once a day (key: the connection id): each one crossing 30, 7 or 1 days
 * before expiry is mailed to every admin once per threshold (kept in the connection's `certificate_warnings`, by
 * fingerprint, so a rollover's new certificate starts afresh). The portal shows the same warning from 30 days on.
 * A removed connection ends its checks; the next day's is scheduled first otherwise.
 */
export const certificateExpiryJob: ScheduledJob = {
  name: CERTIFICATE_CHECK_JOB,
  async run(db, work, environment) {
    const connection = await db.getRepository(SsoConnectionEntity).findOneBy({ id: work.key });
    if (!connection || connection.protocol !== 'SAML') return;
    const now = new Date();
    await scheduleCertificateCheck(db, connection.id, new Date(now.getTime() + DAY_MS));
    const warnings = { ...connection.certificateWarnings };
    const due = connection.samlCertificates
      .map(describeCertificate)
      .map((certificate) => ({
        certificate,
        day: certificateWarningDue(certificate.expiresAt, now, warnings[certificate.fingerprint] ?? []),
      }))
      .filter((found) => found.day !== null);
    if (!due.length) return;
    const admins = await membersByIds(db, await adminIdsOf(db));
    const consultancyName = await consultancyNameOf(db);
    for (const { certificate, day } of due) {
      for (const admin of admins.values()) {
        const rendered = await renderEmail(
          'SSO_CERTIFICATE_EXPIRING',
          {
            connectionName: connection.name,
            certificateSubject: certificate.subject,
            expiresAt: certificate.expiresAt.toISOString(),
            daysLeft: daysUntilExpiry(certificate.expiresAt, now),
            settingsUrl: `${environment.publicUrl}/admin/single-sign-on`,
          },
          { recipientName: admin.name, consultancyName, unsubscribeUrl: null, preferencesUrl: null },
        );
        await queueMail(db, {
          kind: 'SSO_CERTIFICATE_EXPIRING',
          to: admin.email,
          memberId: admin.id,
          ...rendered,
        });
      }
      warnings[certificate.fingerprint] = [...(warnings[certificate.fingerprint] ?? []), day!];
      await recordProductAction(db, work.id, {
        action: 'warnSsoCertificateExpiry',
        object: { type: 'ssoConnection', id: connection.id },
        detail: `${day} days: ${certificate.fingerprint}`,
      });
    }
    await db
      .getRepository(SsoConnectionEntity)
      .update({ id: connection.id }, { certificateWarnings: warnings });
  },
};
