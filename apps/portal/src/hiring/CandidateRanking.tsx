import type { RoleProfileQuery } from '../generated/graphql';
import { formatScore } from '../ui/format';
import { Panel } from '../ui/Panel';
import { EmptyState } from '../ui/QueryState';

type Candidates = NonNullable<RoleProfileQuery['roleProfile']>['candidates'];

/** Candidates best first, as the API ranks them: a failed must-have sinks a candidate whatever their fit. */
export function CandidateRanking({ candidates }: { candidates: Candidates }) {
  return (
    <Panel title="Ranking" count={candidates.length}>
      {candidates.length === 0 ? (
        <EmptyState title="No candidates scored yet" />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Rank</th>
                <th scope="col">Candidate</th>
                <th scope="col" className="numeric">
                  Fit
                </th>
                <th scope="col">Notes</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((c) => (
                <tr key={c.scorecard.id}>
                  <td>{c.rank}</td>
                  <th scope="row">{c.scorecard.candidateRef}</th>
                  <td className="numeric">{formatScore(c.fit)}</td>
                  <td>
                    {c.flagged && (
                      <span className="tag tag-danger">
                        Failed must-have: {c.scorecard.failedMustHaves.map((m) => m.title).join(', ')}
                      </span>
                    )}
                    {!c.complete && <span className="tag">Incomplete</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
