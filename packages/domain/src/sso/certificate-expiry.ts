/** Admins are warned this many days before a provider's signing certificate expires, in the portal and by email. */
export const CERTIFICATE_WARNING_DAYS = [30, 7, 1] as const;
export type CertificateWarningDay = (typeof CERTIFICATE_WARNING_DAYS)[number];

const DAY_MS = 86_400_000;

/** Whole days left before `expiresAt`, rounded down; negative once it has expired. */
export function daysUntilExpiry(expiresAt: Date, now: Date): number {
  return Math.floor((expiresAt.getTime() - now.getTime()) / DAY_MS);
}

/** The portal shows a certificate as expiring soon from the first warning on. */
export function expiresSoon(expiresAt: Date, now: Date): boolean {
  return daysUntilExpiry(expiresAt, now) <= CERTIFICATE_WARNING_DAYS[0];
}

/**
 * The warning due now, if any: the nearest threshold the certificate has crossed and that was not sent yet. A
 * check that runs late (the product was down on day 7) sends the nearest one only, not every one it missed; an
 * expired certificate gets no more warnings (the portal shows it as expired).
 */
export function certificateWarningDue(
  expiresAt: Date,
  now: Date,
  alreadySent: readonly number[],
): CertificateWarningDay | null {
  const left = daysUntilExpiry(expiresAt, now);
  if (left < 0) return null;
  const crossed = CERTIFICATE_WARNING_DAYS.filter((day) => left <= day);
  const nearest = crossed[crossed.length - 1];
  if (nearest === undefined || alreadySent.some((sent) => sent <= nearest)) return null;
  return nearest;
}
