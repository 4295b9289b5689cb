import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../generated/gql';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import { ActionSummary } from '../actions/ActionSummary';

export const HomeActionsQuery = graphql(`
  query HomeActions {
    open: actions(first: 6, status: OPEN) {
      totalCount
      nodes {
        ...ActionSummary
      }
    }
    overdue: actions(first: 1, overdue: true) {
      totalCount
    }
  }
`);

/** Open actions across clients, soonest due first, and how many are overdue. */
export function OpenActions() {
  const { data, loading, error, refetch } = useQuery(HomeActionsQuery);
  return (
    <Panel
      title="Open actions"
      count={data?.open.totalCount}
      actions={<Link to="/actions">All actions</Link>}
    >
      <QueryState loading={loading} error={error} what="actions" retry={refetch} hasData={Boolean(data)}>
        {data && data.overdue.totalCount > 0 && (
          <p>
            <Link to="/actions?overdue=1" className="tag tag-danger">
              {data.overdue.totalCount} overdue
            </Link>
          </p>
        )}
        {data?.open.nodes.length === 0 ? (
          <EmptyState title="No open actions" />
        ) : (
          <ul className="item-list">
            {data?.open.nodes.map((action) => (
              <li key={action.id}>
                <ActionSummary action={action} showClient />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </Panel>
  );
}
