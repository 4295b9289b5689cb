import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { AUDIT_STATUS_LABELS } from '@csp/domain';
import { graphql } from '../generated/gql';
import { formatDateTime, formatScore } from '../ui/format';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';

export const RecentAuditsQuery = graphql(`
  query RecentAudits {
    audits(first: 20) {
      nodes {
        id
        title
        status
        updatedAt
        client {
          id
          name
        }
        scores {
          overall
        }
      }
    }
  }
`);

/** The audits touched most recently, whatever their status. */
export function RecentAudits() {
  const { data, loading, error, refetch } = useQuery(RecentAuditsQuery);
  const audits = [...(data?.audits.nodes ?? [])]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, 6);
  return (
    <Panel title="Recently changed audits">
      <QueryState loading={loading} error={error} what="audits" retry={refetch} hasData={Boolean(data)}>
        {audits.length === 0 ? (
          <EmptyState title="No audits yet">Start one from a client's page.</EmptyState>
        ) : (
          <ul className="item-list">
            {audits.map((audit) => (
              <li key={audit.id}>
                <Link to={`/audits/${audit.id}`} className="item-title">
                  {audit.title}
                </Link>
                <span className="muted">
                  {audit.client.name} · {AUDIT_STATUS_LABELS[audit.status]} · changed{' '}
                  {formatDateTime(audit.updatedAt)}
                </span>
                <span className="tag">Score {formatScore(audit.scores.overall)}</span>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </Panel>
  );
}
