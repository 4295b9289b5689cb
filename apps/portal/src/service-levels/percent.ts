import { TARGET_SCALE } from '@csp/domain';

/**
 * Targets are typed as percentages (90, 99.95) and sent as shares (0.9, 0.9995), which the domain keeps to four
 * decimals: two decimals of a percentage. The conversion goes through whole numbers of 1/10,000 so that 99.95
 * becomes exactly the share 0.9995 would parse to, never 0.9995000000000001.
 */

const PERCENT = /^(\d{1,3})(?:[.,](\d+))?$/;

export type PercentReading = { ok: true; share: number } | { ok: false; message: string };

/** A target as the consultant typed it ("90", "99.95", "99,95", "90 %") as a share from 0 to 1. */
export function shareFromPercent(text: string): PercentReading {
  const typed = text.trim().replace(/\s*%$/, '');
  if (typed === '') return { ok: false, message: 'Give the target as a percentage, e.g. 90.' };
  const match = PERCENT.exec(typed);
  if (!match) return { ok: false, message: 'Write the target as a percentage, e.g. 90 or 99.95.' };
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) {
    return { ok: false, message: 'The target can have at most two decimals, e.g. 99.95 %.' };
  }
  const units = Number(match[1]) * 100 + Number(decimals.padEnd(2, '0'));
  if (units <= 0 || units > TARGET_SCALE) {
    return { ok: false, message: 'The target must be more than 0 % and at most 100 %.' };
  }
  return { ok: true, share: units / TARGET_SCALE };
}

/** A share as the percentage to put back in the target field: 0.9995 → "99.95", 0.9 → "90". */
export function percentFromShare(share: number): string {
  const units = Math.round(share * TARGET_SCALE);
  const whole = Math.floor(units / 100);
  const rest = units % 100;
  if (rest === 0) return String(whole);
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** How many decimals of a percentage a target has (90 % → 0, 92.5 % → 1, 99.95 % → 2). */
export function targetDecimals(target: number): number {
  const text = percentFromShare(target);
  return text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
}

/**
 * A compliance to show beside its target: cut down (never rounded up) to the target's decimals, one at least, so a
 * period that missed 90 % by a hair reads 89.9 %, never 90.0 %, and one that met 99.95 % never reads 99.9 %.
 * Answers the percentage as a number, for the locale's formatter.
 */
export function compliancePercent(compliance: number, target: number): { value: number; decimals: number } {
  const decimals = Math.max(1, targetDecimals(target));
  const scale = 10 ** decimals;
  // The tolerance absorbs binary noise (0.57 × 1000 = 570.0000000000001) and is far below one event in any period.
  const value = Math.floor(compliance * 100 * scale + 1e-7) / scale;
  return { value, decimals };
}

/**
 * The charter standard's target as a percentage to start the form from, when its unit is a percentage
 * ("target 90 %"); otherwise nothing (a standard of "within 2 days" has no share to take over).
 */
export function percentOfStandard(standard: { target: number; unit: string } | null | undefined): string {
  if (!standard) return '';
  const unit = standard.unit.trim().toLowerCase();
  if (unit !== '%' && unit !== 'percent' && unit !== 'per cent') return '';
  const reading = shareFromPercent(String(standard.target));
  return reading.ok ? percentFromShare(reading.share) : '';
}
