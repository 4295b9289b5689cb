import { FEEDBACK_KIND_LABELS, MIN_RESPONSES, type FeedbackKind } from '@csp/domain';
import { formatMargin, formatScore } from './figures';

export interface ShownScore {
  kind: FeedbackKind;
  responses: number;
  shown: boolean;
  score?: number | null;
  margin?: number | null;
}

export interface KindSummary {
  kind: FeedbackKind;
  overall: ShownScore;
  months: {
    month: string;
    score: ShownScore;
    change?: { significant: boolean; direction?: string | null; difference: number } | null;
  }[];
}

/** A score with its margin, or "too few responses" below the minimum: the figure is withheld, never shown as 0. */
export function ScoreFigure({ score }: { score: ShownScore }) {
  if (!score.shown || score.score == null) {
    return (
      <span className="muted">
        Too few responses ({score.responses} of {MIN_RESPONSES} needed)
      </span>
    );
  }
  return (
    <span>
      <strong>{formatScore(score.kind, score.score)}</strong>{' '}
      <span className="muted">
        {score.margin != null && formatMargin(score.kind, score.margin)} · {score.responses} responses
      </span>
    </span>
  );
}

/** Per kind: the score over the months shown, then each month with its significant change, if any. */
export function FeedbackScores({ kinds }: { kinds: readonly KindSummary[] }) {
  if (kinds.length === 0) return <p className="muted">No feedback received yet.</p>;
  return (
    <>
      {kinds.map((summary) => (
        <section key={summary.kind} aria-label={FEEDBACK_KIND_LABELS[summary.kind]}>
          <h3>
            {FEEDBACK_KIND_LABELS[summary.kind]}: <ScoreFigure score={summary.overall} />
          </h3>
          <table>
            <caption className="visually-hidden">{FEEDBACK_KIND_LABELS[summary.kind]} by month</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Score</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {summary.months.map((month) => (
                <tr key={month.month}>
                  <th scope="row">{month.month}</th>
                  <td>
                    <ScoreFigure score={month.score} />
                  </td>
                  <td>
                    {month.change?.significant
                      ? month.change.direction === 'UP'
                        ? 'Significant rise'
                        : 'Significant fall'
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
