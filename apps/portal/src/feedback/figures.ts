import type { FeedbackKind } from '@csp/domain';

/** A score in its kind's unit: NPS in points, CSAT as a percentage, effort as the mean on 1–7. */
export function formatScore(kind: FeedbackKind, value: number): string {
  if (kind === 'NPS') return `${value > 0 ? '+' : ''}${Math.round(value)}`;
  if (kind === 'CSAT') return `${Math.round(value * 100)} %`;
  return value.toFixed(1);
}

export function formatMargin(kind: FeedbackKind, margin: number): string {
  if (kind === 'NPS') return `± ${Math.round(margin)} points`;
  if (kind === 'CSAT') return `± ${Math.round(margin * 100)} points`;
  return `± ${margin.toFixed(1)}`;
}
