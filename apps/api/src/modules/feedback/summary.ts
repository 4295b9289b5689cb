import { FEEDBACK_KINDS, changeBetween, scoreOf, type FeedbackKind, type ScoreCounts } from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import type { FeedbackKindSummaryMapper, FeedbackSummaryMapper } from './mappers.js';

export const MAX_SUMMARY_MONTHS = 36;

export interface CountRow {
  kind: FeedbackKind;
  touch_point_id: string | null;
  month: string;
  score: number;
  n: number;
}

/** `YYYY-MM` of the month `back` months before the one `now` is in (UTC). */
function monthLabel(now: Date, back: number): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  return date.toISOString().slice(0, 7);
}

function add(counts: Record<number, number>, score: number, n: number) {
  counts[score] = (counts[score] ?? 0) + n;
}

/**
 * The client's scores over the latest `months` months (the current one included): the answers counted per kind,
 * touch point, month and score come from the monthly totals kept with every write (monthly-totals.ts); the domain turns each set of counts into a figure, its interval, its suppression below 5 and
 * the change from the month before. The month before the first one shown is counted too, so the first has a change.
 */
export async function feedbackSummary(
  context: RequestContext,
  clientId: string,
  months: number,
  now = new Date(),
): Promise<FeedbackSummaryMapper> {
  const fromMonth = countedFrom(months, now);
  const rows: CountRow[] = await context.db.read((db) =>
    db.query(
      // The monthly totals (monthly-totals.ts), summed over the client's links: one index-only range scan of
      // feedback_monthly_totals_by_client, a few hundred rows for three years, one statement whatever the span.
      `SELECT kind, touch_point_id, to_char(month, 'YYYY-MM') AS month, score, sum(responses)::int AS n
         FROM feedback_monthly_totals
        WHERE tenant_id = $1 AND client_id = $2 AND month >= $3::date
        GROUP BY kind, touch_point_id, month, score`,
      [db.tenantId, clientId, fromMonth],
    ),
  );
  return summaryOfCounts(rows, months, now);
}

/** How many months are shown: 1 to 36. */
function spanOf(months: number): number {
  return Math.min(Math.max(1, Math.floor(months)), MAX_SUMMARY_MONTHS);
}

/** The first day (UTC) of the month before the first one shown: where the counts start. */
export function countedFrom(months: number, now = new Date()): string {
  const span = spanOf(months);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - span, 1)).toISOString().slice(0, 10);
}

/** Counts per kind, touch point, month and score, as figures per kind over the span (the touch point's or the client's). */
export function summaryOfCounts(
  rows: readonly CountRow[],
  months: number,
  now = new Date(),
): FeedbackSummaryMapper {
  const span = spanOf(months);
  const labels = Array.from({ length: span + 1 }, (_, i) => monthLabel(now, span - i));
  const firstShown = labels[1]!;
  const kinds: FeedbackKindSummaryMapper[] = [];
  for (const kind of FEEDBACK_KINDS) {
    const ofKind = rows.filter((row) => row.kind === kind);
    if (ofKind.length === 0) continue;
    const overall: Record<number, number> = {};
    const perMonth = new Map<string, Record<number, number>>(labels.map((label) => [label, {}]));
    const perTouchPoint = new Map<string | null, Record<number, number>>();
    for (const row of ofKind) {
      add(perMonth.get(row.month) ?? {}, row.score, row.n);
      if (row.month < firstShown) continue;
      add(overall, row.score, row.n);
      const key = row.touch_point_id;
      if (!perTouchPoint.has(key)) perTouchPoint.set(key, {});
      add(perTouchPoint.get(key)!, row.score, row.n);
    }
    const counted = (label: string): ScoreCounts => perMonth.get(label) ?? {};
    kinds.push({
      kind,
      overall: scoreOf(kind, overall),
      months: labels.slice(1).map((label, i) => ({
        month: label,
        score: scoreOf(kind, counted(label)),
        change: changeBetween(kind, counted(labels[i]!), counted(label)),
      })),
      touchPoints: [...perTouchPoint].map(([touchPointId, counts]) => ({
        touchPointId,
        score: scoreOf(kind, counts),
      })),
    });
  }
  return { kinds };
}
