import { useQuery } from '@apollo/client/react';
import { graphql } from '../generated/gql';
import { QueryState } from '../ui/QueryState';
import { ClientList } from './ClientList';
import { UpcomingMilestones } from './UpcomingMilestones';
import { OpenActions } from './OpenActions';
import { RecentAudits } from './RecentAudits';

export const HomeQuery = graphql(`
  query Home {
    me {
      id
      name
      role
    }
    consultancy {
      id
      name
    }
  }
`);

/** A consultant's day at a glance: their clients, what is due, what is open, what was audited lately. */
export function HomePage() {
  const { data, loading, error, refetch } = useQuery(HomeQuery);
  return (
    <QueryState
      loading={loading}
      error={error}
      what="your programme"
      retry={refetch}
      hasData={Boolean(data?.me)}
    >
      {data?.me && (
        <>
          <title>{`${data.consultancy.name} · Service Programme`}</title>
          <div className="page-heading">
            <p className="eyebrow">Your consultancy</p>
            <h1>{data.consultancy.name}</h1>
            <p className="lead">
              Welcome, {data.me.name}. Here are the organisations whose service you are improving.
            </p>
          </div>
          <div className="dashboard">
            <ClientList />
            <UpcomingMilestones />
            <OpenActions />
            <RecentAudits />
          </div>
        </>
      )}
    </QueryState>
  );
}
