import type { AuditScores } from '@csp/domain';
import { formatNumber, formatScore } from '../ui/format';
import './audits.css';

/** The scores as they stand while scoring, computed in the browser by the same rules the API uses. */
export function LiveScores({ scores }: { scores: AuditScores }) {
  return (
    <aside className="live-scores panel" aria-label="Live scores">
      <p className="eyebrow">Live score</p>
      <p className="big-number" aria-live="polite">
        {formatScore(scores.overall)}
      </p>
      <p className="muted">
        {formatNumber(scores.answered)} scored, {formatNumber(scores.notApplicable)} not applicable, of{' '}
        {formatNumber(scores.total)}
      </p>
      {scores.flagged && <p className="tag tag-danger">Flagged: a critical criterion scored badly</p>}
      <dl className="score-list">
        {scores.sections.map((s) => (
          <div key={s.key}>
            <dt>{s.title}</dt>
            <dd>{formatScore(s.score)}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
