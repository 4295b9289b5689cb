import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../generated/gql';
import { formatDate } from '../ui/format';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';

export const UpcomingMilestonesQuery = graphql(`
  query UpcomingMilestones {
    upcomingMilestones(first: 10) {
      id
      title
      dueOn
      overdue
      engagement {
        id
        title
        client {
          id
          name
        }
      }
    }
  }
`);

/** Open milestones due within two weeks, overdue first (the API's order). */
export function UpcomingMilestones() {
  const { data, loading, error, refetch } = useQuery(UpcomingMilestonesQuery);
  const milestones = data?.upcomingMilestones ?? [];
  return (
    <Panel title="Milestones due soon" count={data ? milestones.length : undefined}>
      <QueryState loading={loading} error={error} what="milestones" retry={refetch} hasData={Boolean(data)}>
        {milestones.length === 0 ? (
          <EmptyState title="Nothing due in the next two weeks" />
        ) : (
          <ul className="item-list">
            {milestones.map((m) => (
              <li key={m.id}>
                <span className="item-title">{m.title}</span>
                <span className="muted">
                  <Link to={`/clients/${m.engagement.client.id}`}>{m.engagement.client.name}</Link> ·{' '}
                  {m.engagement.title}
                </span>
                <span className={m.overdue ? 'tag tag-danger' : 'tag'}>
                  {m.overdue ? 'Overdue since ' : 'Due '}
                  {formatDate(m.dueOn)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </Panel>
  );
}
