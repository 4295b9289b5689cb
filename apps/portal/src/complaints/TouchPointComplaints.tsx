import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { formatDateTime } from '../ui/format';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import { ComplaintLogQuery } from './documents';

/** The touch point page's complaints section: the latest complaints logged at this touch point. */
export function TouchPointComplaints({ clientId, touchPointId }: { clientId: string; touchPointId: string }) {
  const query = useQuery(ComplaintLogQuery, { variables: { clientId, touchPointId, first: 10 } });
  const complaints = query.data?.client?.complaints;
  return (
    <Panel title="Complaints" count={complaints?.totalCount}>
      <QueryState
        loading={query.loading}
        error={query.error}
        what="the complaints"
        retry={() => query.refetch()}
        hasData={Boolean(complaints)}
      >
        {complaints && complaints.nodes.length === 0 ? (
          <EmptyState title="No complaints at this touch point" />
        ) : (
          <ul className="complaint-list">
            {complaints?.nodes.map((c) => (
              <li key={c.id}>
                <Link to={`/complaints/${c.id}`}>
                  {formatDateTime(c.receivedAt)} · {c.category.name}
                </Link>
                <p className="complaint-text">{c.whatHappened}</p>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </Panel>
  );
}
