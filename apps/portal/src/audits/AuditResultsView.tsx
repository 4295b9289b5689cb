import type { AuditResultsFragment } from '../generated/graphql';
import { formatChange, formatDate, formatNumber, formatScore } from '../ui/format';
import { Panel } from '../ui/Panel';
import { EmptyState } from '../ui/QueryState';
import { BenchmarkSummary } from './BenchmarkSummary';
import { SectionBars } from './SectionBars';
import { TrendChart } from './TrendChart';
import './audits.css';

const DIRECTION_LABELS = {
  IMPROVING: 'Improving',
  DECLINING: 'Declining',
  STEADY: 'Steady',
  NOT_ENOUGH_DATA: 'Not enough audits yet',
} as const;

/** An audit's results: section scores against the previous audit and the benchmark, the trend, promises kept. */
export function AuditResultsView({ audit }: { audit: AuditResultsFragment }) {
  const { scores, deltas, benchmark, trend } = audit;
  const previousBy = new Map(deltas?.sections.map((d) => [d.key, d.previous]) ?? []);
  const changeBy = new Map(deltas?.sections.map((d) => [d.key, d.change]) ?? []);
  const benchmarkBy = new Map(benchmark?.sections.map((b) => [b.key, b.figure ?? null]) ?? []);
  const bars = scores.sections.map((s) => ({
    key: s.key,
    label: s.title,
    score: s.score,
    previous: previousBy.get(s.key) ?? null,
    change: changeBy.get(s.key) ?? null,
    benchmark: benchmarkBy.get(s.key) ?? null,
  }));
  return (
    <>
      <Panel title="Scores">
        <div className="score-summary">
          <div>
            <p className="eyebrow">Overall</p>
            <p className="big-number">{formatScore(scores.overall)}</p>
          </div>
          {deltas && (
            <div>
              <p className="eyebrow">
                Change since {audit.previous ? formatDate(audit.previous.conductedOn) : 'last audit'}
              </p>
              <p className="big-number">{formatChange(deltas.overall.change)}</p>
            </div>
          )}
          {benchmark && <BenchmarkSummary benchmark={benchmark} published={audit.status === 'PUBLISHED'} />}
          {scores.flagged && (
            <p className="tag tag-danger">Flagged: {scores.flags.map((f) => f.message).join(' ')}</p>
          )}
        </div>
        <SectionBars bars={bars} showPrevious={Boolean(deltas)} showBenchmark={Boolean(benchmark?.overall)} />
        {!deltas && (
          <p className="muted">
            This is the first published audit on this framework: nothing to compare yet.
          </p>
        )}
      </Panel>
      <Panel title="Over time">
        <p>
          Trend: <strong>{DIRECTION_LABELS[trend.overall.direction]}</strong>
          {trend.overall.change !== null && (
            <> ({formatChange(trend.overall.change)} points since the first audit)</>
          )}
        </p>
        <TrendChart points={trend.points} />
      </Panel>
      <Panel title="Promises kept">
        {audit.promisesKept.length === 0 ? (
          <EmptyState title="No promises to measure">
            Link charter promises to criteria to see how each is kept.
          </EmptyState>
        ) : (
          <ul className="item-list">
            {audit.promisesKept.map((p) => (
              <li key={p.promiseKey}>
                <span className="item-title">{p.title}</span>
                <span className="muted">
                  {p.linked === 0
                    ? 'No criteria linked'
                    : `${formatNumber(p.answered)} of ${formatNumber(p.linked)} linked criteria scored`}
                </span>
                <span className="tag">{formatScore(p.score)}</span>
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}
