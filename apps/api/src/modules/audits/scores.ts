import {
  auditDeltas,
  auditTrend,
  promisesKept,
  scoreAudit,
  type AuditDeltas,
  type AuditScores,
  type ScoreSnapshot,
} from '@csp/domain';
import type { RequestContext } from '../../core/context.js';
import type { AuditRow } from './entities.js';
import { auditsOfClient, charterPromisesOfClient, promiseLinksOf, responsesOfAudit } from './loaders.js';
import { scoringResponses } from './responses.js';
import type { AuditScoresMapper, AuditTrendMapper, PromiseKeptMapper } from './mappers.js';

/**
 * Everything an audit is compared with (the industry benchmark is in benchmarks.ts). All arithmetic is the
 * domain's; this file only gathers the inputs through the per-request loaders, so a page of audits with their
 * deltas and trends costs a handful of statements.
 */

export async function liveScores(context: RequestContext, audit: AuditRow): Promise<AuditScores> {
  const rows = await responsesOfAudit(context).load(audit.id);
  return scoreAudit(audit.framework, scoringResponses(rows));
}

/**
 * A published audit's list entry showing only its overall score or flag (the home screen, the audits page) reads
 * them from the row, as stored at publication, instead of loading and scoring every response again (#15). An audit
 * published before scores were stored (no flag) is scored live, like one under way.
 */
export function scoresOf(context: RequestContext, audit: AuditRow): AuditScoresMapper {
  let scoring: Promise<AuditScores> | undefined;
  const stored =
    audit.status === 'PUBLISHED' && audit.flagged !== null
      ? { overall: audit.overallScore, flagged: audit.flagged }
      : null;
  return { stored, scored: () => (scoring ??= liveScores(context, audit)) };
}

/** Audits order by the date conducted, then creation, then id, so two on one day still have an order. */
function before(a: AuditRow, b: AuditRow): boolean {
  if (a.conductedOn !== b.conductedOn) return a.conductedOn < b.conductedOn;
  if (a.createdAt.getTime() !== b.createdAt.getTime()) return a.createdAt < b.createdAt;
  return a.id < b.id;
}

/** The client's published audits on this audit's framework key that come before it, oldest first. */
async function earlierPublished(context: RequestContext, audit: AuditRow): Promise<AuditRow[]> {
  const history = await auditsOfClient(context).load(audit.clientId);
  return history.filter(
    (a) => a.status === 'PUBLISHED' && a.frameworkKey === audit.frameworkKey && before(a, audit),
  );
}

export async function previousAudit(context: RequestContext, audit: AuditRow): Promise<AuditRow | null> {
  return (await earlierPublished(context, audit)).at(-1) ?? null;
}

export async function deltasOf(context: RequestContext, audit: AuditRow): Promise<AuditDeltas | null> {
  const previous = await previousAudit(context, audit);
  if (!previous) return null;
  const [current, earlier] = await Promise.all([liveScores(context, audit), liveScores(context, previous)]);
  return auditDeltas(current, earlier);
}

function storedSnapshot(audit: AuditRow): ScoreSnapshot {
  return {
    frameworkKey: audit.frameworkKey,
    overall: audit.overallScore,
    sections: audit.sectionScores ?? [],
  };
}

/**
 * Published audits read their stored scores; this audit, until it is published, its live ones, so a consultant
 * sees where the audit under way would put the line.
 */
export async function trendOf(context: RequestContext, audit: AuditRow): Promise<AuditTrendMapper> {
  const series = [...(await earlierPublished(context, audit)), audit];
  const snapshots = await Promise.all(
    series.map(async (a) => (a.status === 'PUBLISHED' ? storedSnapshot(a) : liveScores(context, a))),
  );
  const trend = auditTrend(series.map((a, i) => ({ on: a.conductedOn, scores: snapshots[i]! })));
  // The series is already in order and the domain's sort keeps ties in place, so points line up with `series`.
  return { ...trend, points: trend.points.map((point, i) => ({ ...point, auditId: series[i]!.id })) };
}

export async function promisesKeptOf(context: RequestContext, audit: AuditRow): Promise<PromiseKeptMapper[]> {
  const charter = await charterPromisesOfClient(context).load(audit.clientId);
  if (!charter) return [];
  const [links, scores] = await Promise.all([
    promiseLinksOf(context).load(`${charter.charterId} ${audit.frameworkKey}`),
    liveScores(context, audit),
  ]);
  const kept = promisesKept(charter.promises, links, scores.criteria);
  return kept.map((promise, i) => ({ ...promise, title: charter.promises[i]?.title ?? promise.promiseKey }));
}
