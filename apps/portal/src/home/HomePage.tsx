import { useQuery } from '@apollo/client/react';
import { graphql } from '../generated/gql';
import { ErrorBanner } from '../forms/ErrorBanner';
import { describeError } from '../forms/describe-error';
import { ClientList } from './ClientList';

export const HomeQuery = graphql(`
  query Home {
    me {
      id
      name
      role
      client {
        id
        name
      }
    }
    consultancy {
      id
      name
    }
  }
`);

/** Where every member lands: their consultancy's clients, or, for a client leader, their own organisation. */
export function HomePage() {
  const { data, loading, error } = useQuery(HomeQuery);
  if (loading) {
    return (
      <p className="muted" role="status">
        Loading your programme…
      </p>
    );
  }
  if (error || !data?.me) {
    return <ErrorBanner title="Could not load your programme">{describeError(error)}</ErrorBanner>;
  }
  const { me, consultancy } = data;
  const organisation = me.role === 'CLIENT_LEADER' ? me.client : null;

  return (
    <>
      <title>{`${organisation?.name ?? consultancy.name} · Service Programme`}</title>
      <div className="page-heading">
        <p className="eyebrow">{organisation ? `With ${consultancy.name}` : 'Your consultancy'}</p>
        <h1>{organisation?.name ?? consultancy.name}</h1>
        <p className="lead">
          {organisation
            ? 'Your customer-service programme: what you have promised your customers, and how well it is kept.'
            : `Welcome, ${me.name}. Here are the organisations whose service you are improving.`}
        </p>
      </div>
      {organisation ? (
        <section className="panel" aria-labelledby="programme-heading">
          <h2 id="programme-heading">Your programme</h2>
          <p className="muted">
            Your charter, audits and actions will appear here as your consultants publish them to you.
          </p>
        </section>
      ) : (
        <ClientList />
      )}
    </>
  );
}
